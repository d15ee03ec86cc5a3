#include "app/visitors/visitors_exports.hpp"

#include <algorithm>
#include <tuple>

#include "app/domain/csv_fields.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/tickets/ticket_number.hpp"
#include "app/visitors/visitors_data.hpp"
#include "app/visitors/visitors_labels.hpp"

namespace app::office {
namespace {

// Every visit, oldest first, with the manual's steps as columns (000:337
// ①来意 ②身份 ③通报部门 ④接待地点), when they left and the ticket it became.
// The shared helpers write the BOM and make cells that start like a formula
// safe (a purpose typed "=…").
ExportTable export_visitors(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"来访日期", CellType::date}, {"来访时间"}, {"姓名"}, {"证件"}, {"来意"}, {"拜访单元"}, {"通报部门"},
                     {"通报时间", CellType::datetime}, {"接待地点"}, {"离开时间", CellType::datetime}, {"转工单"}, {"接待人"}},
                    0);
  std::vector<const app::VisitorRecord*> list;
  for (const auto& [id, v] : d.visitors.visits) {
    if (v.known()) list.push_back(&v);
  }
  std::sort(list.begin(), list.end(),
            [](const app::VisitorRecord* a, const app::VisitorRecord* b) { return std::tie(a->arrived_ms, a->id) < std::tie(b->arrived_ms, b->id); });
  const auto zh = app::i18n::Lang::zh_CN;
  for (const app::VisitorRecord* v : list) {
    const std::string arrived = beijing_time(v->arrived_ms);  // "2026-12-01 09:12"
    std::string unit = app::i18n::tr(app::i18n::S::visitor_none_unit, zh);
    if (!v->unit.is_nil()) {
      const auto place = unit_place(d, v->unit);
      unit.clear();
      for (const std::string& part : place) {
        if (part.empty()) continue;
        if (!unit.empty()) unit += " ";
        unit += part;
      }
    }
    std::string where = app::i18n::tr(app::visitors::place_label(v->place), zh);
    if (v->place == app::visitors::Place::other && !v->place_text.empty()) where = v->place_text;
    std::string ticket;
    if (auto t = d.tickets.tickets.find(v->ticket); !v->ticket.is_nil() && t != d.tickets.tickets.end()) ticket = app::tickets::ticket_number(t->second);
    table.rows.push_back({arrived.substr(0, 10), arrived.size() > 11 ? arrived.substr(11) : std::string(), v->name,
                          app::i18n::tr(app::visitors::id_seen_label(v->id_seen), zh), v->purpose, unit, v->department,
                          beijing_time(v->told_ms), where, beijing_time(v->left_ms), ticket, staff_name(d, v->received_by)});
  }
  return table;
}

}  // namespace

void add_visitors_exports(ExportRegistry& registry) { registry.add("visitors", app::i18n::S::export_visitors_title, export_visitors); }

}  // namespace app::office
