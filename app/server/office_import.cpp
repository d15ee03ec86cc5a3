#include "app/server/office_import.hpp"

#include <nlohmann/json.hpp>

#include "app/domain/replica.hpp"
#include "app/server/export_fold.hpp"
#include "app/server/server_ports.hpp"
#include "app/server/xlsx_reader.hpp"

namespace server {

app::Result<app::ImportPlan> import_rows(ServerWriter& w, ServerStore& store, const CommunityRow& community,
                                         const ImportRequest& request, const std::vector<app::SheetRow>& rows) {
  // What the community holds now, folded as a tablet folds it.
  app::Replica replica;
  if (app::Status s = fold_community(store, community.id, replica); !s.ok()) return s.error();  // streamed
  SystemClock wall;
  const std::int64_t now = wall.now_ms();
  auto plan = app::plan_import(request.kind, rows, replica.data(), w.random(), now);
  if (!plan.ok()) return plan;
  // Staff codes sign in across the whole server: one taken by another community is refused here.
  std::string taken;
  for (const app::NewLogin& l : plan.value().logins) {
    if (auto s = store.find_staff(l.code); s && s->community != community.id) taken += " " + l.code;
  }
  if (!taken.empty()) return app::Error{"bad_file", "nothing imported; these 工号 sign in to another community already:" + taken};
  if (request.dry_run) return plan;

  std::vector<app::Op> ops;
  for (app::PlannedOp& p : plan.value().ops) ops.push_back(w.make(p.kind, p.entity, std::move(p.payload), request.actor));
  app::PlannedOp record = app::import_record(plan.value(), request.file_name, now, w.random());
  ops.push_back(w.make(record.kind, record.entity, std::move(record.payload), request.actor));
  if (auto s = w.store(community.id, ops); !s.ok()) return s.error();
  // Sign-in rows after the ops: a staff member exists before they can sign in.
  for (const app::NewLogin& l : plan.value().logins) {
    auto hash = hash_pin(l.pin);
    if (!hash.ok()) return hash.error();
    if (auto s = store.put_staff({community.id, l.code, l.staff, static_cast<std::int64_t>(l.role), "", hash.value()});
        !s.ok()) {
      return s.error();
    }
  }
  // A role changed by the file changes what the staff member's token may do.
  if (request.kind == app::ImportKind::staff) {
    for (const app::Op& op : ops) {
      auto role = op.payload.number(app::F::role);
      if (op.kind != app::OpKind::staff_set || !role) continue;
      for (const auto& [id, s] : replica.data().staff) {
        if (id != op.entity) continue;
        if (auto row = store.find_staff(s.code); row && row->role != *role) {
          row->role = *role;
          if (auto st = store.put_staff(*row); !st.ok()) return st.error();
        }
      }
    }
  }
  // PINs leave the server once, in this reply; the plan no longer needs them.
  return plan;
}

app::Result<app::ImportPlan> import_file(ServerWriter& w, ServerStore& store, const CommunityRow& community,
                                         const ImportRequest& request, std::string_view bytes) {
  auto rows = read_sheet_file(bytes);
  if (!rows.ok()) return rows.error();
  return import_rows(w, store, community, request, rows.value());
}

std::string import_report_text(const app::ImportPlan& plan, bool dry_run) {
  std::string out = (dry_run ? "dry run, nothing stored: " : "imported: ") + app::import_summary(plan) + " (" +
                    std::to_string(plan.rows) + " rows)\n";
  if (!plan.ignored_columns.empty()) {
    out += "columns not read:";
    for (const auto& c : plan.ignored_columns) out += " " + c;
    out += "\n";
  }
  for (const auto& c : plan.changes) out += "  " + c + "\n";
  if (!plan.logins.empty() && !dry_run) {
    out += "sign-ins (hand each PIN to its owner; it is not shown again):\n";
    for (const auto& l : plan.logins) out += "  " + l.code + "  " + l.pin + "  " + l.name + (l.generated ? "  (generated)" : "") + "\n";
  }
  return out;
}

std::string import_report_json(const app::ImportPlan& plan, bool dry_run, bool with_pins) {
  nlohmann::json j;
  j["kind"] = std::string(app::import_kind_key(plan.kind));
  j["dry_run"] = dry_run;
  j["rows"] = plan.rows;
  j["added"] = plan.added;
  j["changed"] = plan.changed;
  j["unchanged"] = plan.unchanged;
  j["summary"] = app::import_summary(plan);
  j["changes"] = plan.changes;
  j["ignored_columns"] = plan.ignored_columns;
  nlohmann::json logins = nlohmann::json::array();
  for (const auto& l : plan.logins) {
    nlohmann::json one{{"code", l.code}, {"name", l.name}};
    if (with_pins && !dry_run) one["pin"] = l.pin;
    logins.push_back(std::move(one));
  }
  j["logins"] = std::move(logins);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace server
