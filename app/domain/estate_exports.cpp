// The estate's office exports: units.csv, residents.csv, photos.csv and
// contact_views.csv.
#include "app/domain/estate_exports.hpp"

#include <algorithm>
#include <tuple>

#include "app/domain/csv_fields.hpp"
#include "app/i18n/catalogue.hpp"

namespace app::office {
namespace {

using app::i18n::Lang;
using app::i18n::S;

const char* status_name(app::UnitStatus s) {
  switch (s) {
    case app::UnitStatus::occupied: return app::i18n::tr(S::unit_occupied, Lang::zh_CN);
    case app::UnitStatus::vacant: return app::i18n::tr(S::unit_vacant, Lang::zh_CN);
    case app::UnitStatus::renovating: return app::i18n::tr(S::unit_renovating, Lang::zh_CN);
    case app::UnitStatus::model: return app::i18n::tr(S::unit_model, Lang::zh_CN);
  }
  return "";
}

ExportTable export_units(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"楼栋"}, {"单元"}, {"房号"}, {"楼层", CellType::number}, {"状态"}});
  for (const app::Unit* u : ordered_units(d)) {
    table.rows.push_back({building_name(d, u->building), u->stairwell, u->number, std::to_string(u->floor), status_name(u->status)});
  }
  return table;
}

const char* relation_name(app::Relation r) {
  switch (r) {
    case app::Relation::owner: return app::i18n::tr(S::registers_owner, Lang::zh_CN);
    case app::Relation::family: return app::i18n::tr(S::unit_family, Lang::zh_CN);
    case app::Relation::tenant: return app::i18n::tr(S::unit_tenant, Lang::zh_CN);
  }
  return "";
}

// Everyone on the record, former residents too (迁出日期 filled): moving out
// keeps a person, so the office's sheet keeps them.
ExportTable export_residents(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"姓名"}, {"电话"}, {"楼栋"}, {"单元"}, {"房号"}, {"身份"}, {"职业"}, {"迁入日期", CellType::date}, {"迁出日期", CellType::date}});
  // Grouped by unit in archive order, owner first, then by name.
  std::vector<const app::Resident*> people;
  for (const auto& [id, r] : d.residents) if (!r.removed) people.push_back(&r);
  std::sort(people.begin(), people.end(), [](const app::Resident* a, const app::Resident* b) {
    return std::tie(a->unit, b->owner, a->name, a->id) < std::tie(b->unit, a->owner, b->name, b->id);
  });
  for (const app::Unit* u : ordered_units(d)) {
    auto first = std::lower_bound(people.begin(), people.end(), u->id,
                                  [](const app::Resident* r, const app::Id& id) { return r->unit < id; });
    for (auto it = first; it != people.end() && (*it)->unit == u->id; ++it) {
      const app::Resident& r = **it;
      table.rows.push_back({r.name, r.phone, building_name(d, u->building), u->stairwell, u->number,
                                  relation_name(r.relation), r.occupation, date_text(r.moved_in), date_text(r.moved_out)});
    }
  }
  return table;
}

// Photos on unit records: where, when, and the blob's name (its SHA-256),
// which /api/v1/blobs/{sha256} serves.
ExportTable export_photos(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"楼栋"}, {"单元"}, {"房号"}, {"拍摄时间", CellType::datetime}, {"照片编号（SHA-256）"}},
                    3);
  std::vector<const app::Photo*> photos;
  for (const auto& [id, p] : d.photos) photos.push_back(&p);
  std::sort(photos.begin(), photos.end(), [](const app::Photo* a, const app::Photo* b) {
    return std::tie(a->subject, a->taken_ms, a->id) < std::tie(b->subject, b->taken_ms, b->id);
  });
  for (const app::Unit* u : ordered_units(d)) {
    auto first = std::lower_bound(photos.begin(), photos.end(), u->id,
                                  [](const app::Photo* p, const app::Id& id) { return p->subject < id; });
    for (auto it = first; it != photos.end() && (*it)->subject == u->id; ++it) {
      table.rows.push_back({building_name(d, u->building), u->stairwell, u->number, beijing_time((*it)->taken_ms), (*it)->sha256});
    }
  }
  return table;
}

// Who saw a resident's whole phone (显示号码 on the unit's record), oldest
// first: what the office reads after a tablet is lost, or when a resident asks
// who looked them up. The number itself is not in it.
ExportTable export_contact_views(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"查看时间", CellType::datetime}, {"查看人"}, {"工号"}, {"住户"}, {"楼栋"}, {"单元"}, {"房号"}}, 0);
  std::vector<const app::ContactView*> views;
  views.reserve(d.contact_views.size());
  for (const auto& [id, v] : d.contact_views) views.push_back(&v);
  std::sort(views.begin(), views.end(), [](const app::ContactView* a, const app::ContactView* b) {
    return std::tie(a->at_ms, a->id) < std::tie(b->at_ms, b->id);
  });
  for (const app::ContactView* v : views) {
    auto person = d.residents.find(v->resident);
    const app::Resident* r = person == d.residents.end() ? nullptr : &person->second;
    auto viewer = d.staff.find(v->viewer);
    const std::string code = viewer == d.staff.end() ? std::string() : viewer->second.code;
    const auto place = unit_place(d, r ? r->unit : app::Id{});
    table.rows.push_back({beijing_time(v->at_ms), staff_name(d, v->viewer), code, r ? r->name : std::string(), place[0],
                          place[1], place[2]});
  }
  return table;
}

}  // namespace

void add_estate_exports(ExportRegistry& registry) {
  registry.add("units", app::i18n::S::export_units_title, export_units);
  registry.add("residents", app::i18n::S::export_residents_title, export_residents);
  registry.add("photos", app::i18n::S::export_photos_title, export_photos);
  registry.add("contact_views", app::i18n::S::export_contact_views_title, export_contact_views);
}

}  // namespace app::office
