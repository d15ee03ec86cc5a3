#include "app/tickets/tickets_exports.hpp"

#include <algorithm>
#include <tuple>

#include "app/i18n/catalogue.hpp"
#include "app/domain/csv_fields.hpp"
#include "app/domain/role_labels.hpp"
#include "app/tickets/ticket_labels.hpp"

namespace app::office {
namespace {

using app::i18n::Lang;
namespace tk = app::tickets;

const char* zh(app::i18n::S key) { return app::i18n::tr(key, Lang::zh_CN); }

std::vector<const app::Ticket*> tickets_by_receipt(const app::MasterData& d) {
  std::vector<const app::Ticket*> out;
  for (const auto& [id, t] : d.tickets.tickets) {
    if (t.received_ms != 0) out.push_back(&t);
  }
  std::sort(out.begin(), out.end(), [](const app::Ticket* a, const app::Ticket* b) {
    return std::tie(a->received_ms, a->id) < std::tie(b->received_ms, b->id);
  });
  return out;
}

// "2026-12-01 09:12 已派单 王芳 工程部 三联单已送达；…": every entry, conflicts marked.
std::string history_text(const app::MasterData& d, const app::Ticket& t) {
  std::string out;
  for (const app::TicketStep& s : t.history) {
    if (!out.empty()) out += "；";
    out += beijing_time(s.at_ms) + " " + zh(tk::event_label(s));
    if (s.refused != tk::TransitionError::none) out += zh(app::i18n::S::ticket_ev_refused);
    if (const std::string by = staff_name(d, s.by); !by.empty()) out += " " + by;
    if (s.event == app::TicketEvent::handed_on) out += " → " + staff_name(d, s.assignee);
    if (s.event == app::TicketEvent::escalated && app::is_role(s.role)) out += std::string(" → ") + zh(app::role_label(static_cast<app::Role>(s.role)));
    if (s.date_ms > 0) out += " " + beijing_time(s.date_ms);
    if (!s.handed_to.empty()) out += " " + s.handed_to;
    if (s.result >= 0 && (s.to == tk::Status::callback || s.event == app::TicketEvent::recheck)) {
      out += std::string(" ") + zh(tk::method_label(s.method)) + " " + zh(s.result == 0 ? app::i18n::S::callback_satisfied : app::i18n::S::callback_problem);
    }
    if (!s.note.empty()) out += " " + s.note;
  }
  return out;
}

ExportTable export_tickets(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"工单编号"}, {"受理时间", CellType::datetime}, {"渠道"}, {"类别"}, {"等级"}, {"楼栋"}, {"单元"}, {"房号"}, {"业主"}, {"电话"},
                     {"内容"}, {"业主诉求"}, {"被投诉人"}, {"被投诉部门"}, {"受理人"}, {"负责人"}, {"状态"}, {"派往"},
                     {"上报时间", CellType::datetime}, {"上报至"}, {"答复业主时间", CellType::datetime}, {"延期至", CellType::datetime},
                     {"延期批准人"}, {"完成时间", CellType::datetime},
                     {"回访时间", CellType::datetime}, {"结案时间", CellType::datetime}, {"维修费用（元）", CellType::amount}, {"处理经过"},
                     // A night log's hand-over to customer service (001 "次日早上9:00前转交"); 受理时间 is the control room's.
                     {"夜间登记转交客服时间", CellType::datetime}},
                    1);
  for (const app::Ticket* t : tickets_by_receipt(d)) {
    const auto place = unit_place(d, t->unit);
    table.rows.push_back({tk::ticket_number(*t), beijing_time(t->received_ms), zh(tk::channel_label(t->channel)), zh(tk::kind_label(t->kind)),
                          zh(tk::severity_label(t->severity)), place[0], place[1], place[2], t->owner, t->phone, t->what, t->wants,
                          t->complained_person, t->complained_department,
                          staff_name(d, t->received_by), staff_name(d, t->responsible), zh(tk::status_label(t->status)), t->handler,
                          beijing_time(t->escalated_ms),
                          app::is_role(t->escalated_to) ? zh(app::role_label(static_cast<app::Role>(t->escalated_to))) : "",
                          beijing_time(t->answered_ms), beijing_time(t->later_approved_ms), staff_name(d, t->later_approved_by),
                          beijing_time(t->done_ms), beijing_time(t->callback_ms), beijing_time(t->closed_ms),
                          t->slip.lines.empty() ? std::string() : yuan_text(t->slip.total_cents()), history_text(d, *t),
                          beijing_time(t->handed_over_ms)});
  }
  return table;
}

ExportTable export_callbacks(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"工单编号"}, {"类别"}, {"维修类别"}, {"楼栋"}, {"单元"}, {"房号"}, {"业主"}, {"完成时间", CellType::datetime},
                     {"试漏时间", CellType::datetime}, {"应回访时间", CellType::datetime}, {"回访时间", CellType::datetime}, {"回访方式"},
                     {"回访结果"}, {"回访人"}, {"是否逾期"}, {"抽检时间", CellType::datetime}, {"抽检结果"}},
                    7);
  for (const app::Ticket* t : tickets_by_receipt(d)) {
    if (!t->owes_callback()) continue;
    // The callback in the history (the last one: a reopened ticket is called back again).
    const app::TicketStep* callback = nullptr;
    for (const app::TicketStep& s : t->history) {
      if (s.event == app::TicketEvent::step && s.to == tk::Status::callback && s.refused == tk::TransitionError::none) callback = &s;
    }
    // When the work was last done and leak-tested (a reopened ticket is done again).
    std::int64_t done = 0, leak_test = 0;
    for (const app::TicketStep& s : t->history) {
      if (s.refused != tk::TransitionError::none) continue;
      if (s.event == app::TicketEvent::step && s.to == tk::Status::done) {
        done = s.at_ms;
        leak_test = 0;  // a test before the work was redone no longer counts
      }
      if (s.event == app::TicketEvent::leak_test && s.result == 0) leak_test = s.at_ms;  // a test that still leaked is no test passed
    }
    if (done == 0) continue;  // not done yet: no callback owed
    const auto category = t->kind == tk::Kind::repair ? t->slip.category : tk::RepairCategory::ordinary;
    const auto due = tk::callback_due(category, done, leak_test, d.tickets.settings);
    const bool late = due && (callback ? callback->at_ms > *due : false);
    const auto place = unit_place(d, t->unit);
    table.rows.push_back({tk::ticket_number(*t), zh(tk::kind_label(t->kind)), t->kind == tk::Kind::repair ? zh(tk::category_label(category)) : "",
                          place[0], place[1], place[2], t->owner, beijing_time(done), beijing_time(leak_test), due ? beijing_time(*due) : "",
                          callback ? beijing_time(callback->at_ms) : "", callback ? zh(tk::method_label(callback->method)) : "",
                          callback ? zh(callback->result == 0 ? app::i18n::S::callback_satisfied : app::i18n::S::callback_problem) : "",
                          callback ? staff_name(d, callback->by) : "", late ? "是" : (callback ? "否" : ""), beijing_time(t->rechecked_ms),
                          t->rechecked_ms ? zh(t->recheck_problem ? app::i18n::S::recheck_problem : app::i18n::S::recheck_confirmed) : ""});
  }
  return table;
}

ExportTable export_visits(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"走访时间", CellType::datetime}, {"楼栋"}, {"单元"}, {"房号"}, {"方式"}, {"走访人"}, {"记录"}, {"跟进事项"}},
                    0);
  std::vector<const app::Visit*> visits;
  for (const auto& [id, v] : d.tickets.visits) visits.push_back(&v);
  std::sort(visits.begin(), visits.end(), [](const app::Visit* a, const app::Visit* b) { return std::tie(a->at_ms, a->id) < std::tie(b->at_ms, b->id); });
  for (const app::Visit* v : visits) {
    const auto place = unit_place(d, v->unit);
    table.rows.push_back({beijing_time(v->at_ms), place[0], place[1], place[2], zh(tk::method_label(v->method)), staff_name(d, v->by), v->note,
                          v->follow_ups});
  }
  return table;
}

}  // namespace

void add_tickets_exports(ExportRegistry& registry) {
  registry.add("tickets", app::i18n::S::export_tickets_title, export_tickets);
  registry.add("callbacks", app::i18n::S::export_callbacks_title, export_callbacks);
  registry.add("visits", app::i18n::S::export_visits_title, export_visits);
}

}  // namespace app::office
