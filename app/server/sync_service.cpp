#include "app/server/sync_service.hpp"

#include <unordered_set>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/core/build_version.hpp"
#include "app/core/sha256.hpp"
#include "app/demo/demo_community.hpp"
#include "app/domain/role_labels.hpp"
#include "app/domain/validate_op.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/ops/codec.hpp"
#include "app/server/export_fold.hpp"
#include "app/server/office_import.hpp"
#include "app/server/office_page.hpp"
#include "app/server/push_gate.hpp"
#include "app/server/server_ports.hpp"
#include "app/server/xlsx_writer.hpp"
#include "app/sync/sync_json.hpp"
#include "app/sync/wire.hpp"

namespace server {
namespace {

using app::i18n::S;

std::string words(S key, std::string_view detail = {}) {
  std::string m = app::i18n::tr(key);
  if (!detail.empty()) m += " (" + std::string(detail) + ")";
  return m;
}

// A quota refusal: 429 for the day's limits (tomorrow it goes), 507 when the
// community's photo storage is full (only the office can make room).
Reply quota_reply(const app::Error& e) {
  const bool storage = e.code == kQuotaStorage;
  const S key = e.code == kQuotaOps ? S::err_sync_quota_ops : storage ? S::err_sync_quota_storage : S::err_sync_quota_photos;
  return Reply{storage ? 507 : 429, app::sync::error_body(e.code, words(key, e.message))};
}

bool is_quota(const app::Error& e) { return e.code == kQuotaOps || e.code == kQuotaBlobs || e.code == kQuotaStorage; }

}  // namespace

bool may_export(std::int64_t role) {
  return role == static_cast<std::int64_t>(app::Role::head_butler) ||
         role == static_cast<std::int64_t>(app::Role::front_desk) ||
         role == static_cast<std::int64_t>(app::Role::manager);
}

Reply error_reply(int status, std::string_view code, std::string_view message, long index) {
  std::string body = app::sync::error_body(code, message);
  if (index >= 0) body.insert(body.size() - 1, ",\"index\":" + std::to_string(index));
  return Reply{status, std::move(body)};
}

SyncService::SyncService(ServerStore& store, app::ClockPort& clock, app::RandomPort& random, Limits limits)
    : store_(store),
      clock_(clock),
      random_(random),
      limits_(limits),
      exports_(default_exports()),
      sign_in_(store, clock, limits.sign_in) {}

Reply SyncService::health() const {
  return Reply{200, std::string("{\"ok\":true,\"version\":\"") + std::string(app::build_version()) + "\"" +
                        (demo_ ? ",\"demo\":true}" : "}")};
}

app::Result<std::int64_t> SyncService::tablet_no_of(const DeviceRow& device) {
  if (device.office) return std::int64_t{0};
  return store_.tablet_no(device.community, device.device);
}

app::Result<DeviceRow> SyncService::authorize(std::string_view authorization) {
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.substr(0, kBearer.size()) != kBearer) {
    return app::Error{"unauthorized", words(S::err_sync_unauthorized)};
  }
  const std::string token_hash = hash_token(authorization.substr(kBearer.size()));
  auto device = store_.find_device(token_hash);
  if (!device) {
    // A lost tablet's token (revoke-devices): tell it to wipe itself. Tokens
    // ended by reset-pin or expiry get the plain answers: enrol again.
    if (store_.token_revoked(token_hash)) return app::Error{"device_revoked", words(S::err_sync_device_revoked)};
    return app::Error{"unauthorized", words(S::err_sync_unauthorized)};
  }
  // Expiry counts from the last use; a use renews it (written at most once a renew period).
  const std::int64_t now = clock_.now_ms();
  if (now - device->last_used_ms > limits_.token_idle_ms) return app::Error{"expired", words(S::err_sync_expired)};
  if (now - device->last_used_ms >= limits_.token_renew_ms) {
    (void)store_.touch_device(token_hash, now);  // a renewal missed only shortens the time left
  }
  return *device;
}

void SyncService::sweep_if_due() {
  const std::int64_t now = clock_.now_ms();
  std::int64_t last = last_sweep_ms_.load();
  if (now - last < limits_.quotas.sweep_every_ms && last != 0) return;
  if (!last_sweep_ms_.compare_exchange_strong(last, now)) return;  // another request took this one
  // A sweep that fails is tried again at the next one; the request goes on either way.
  (void)store_.collect_blobs(now, limits_.quotas.blob_grace_ms);
}

Reply SyncService::enroll(std::string_view body, std::string_view client_address) {
  auto req = app::sync::parse_enroll_request(body);
  if (!req.ok()) return error_reply(400, req.error().code, words(S::err_sync_bad_request, req.error().message));
  // Same answer for an unknown code and a wrong PIN: codes are not to be probed.
  SignInOutcome checked = sign_in_.check(req.value().code, req.value().pin, req.value().device_id, client_address);
  switch (checked.verdict) {
    case SignInVerdict::signed_in: break;
    case SignInVerdict::wrong: return error_reply(401, "wrong_pin", words(S::err_enroll_wrong_pin));
    case SignInVerdict::locked: return error_reply(429, "locked", words(S::err_enroll_locked));
    case SignInVerdict::revoked: return error_reply(403, "revoked", words(S::err_enroll_revoked));
    case SignInVerdict::failed: return error_reply(500, "server_error", words(S::err_sync_server, checked.detail));
  }
  const StaffRow* staff = &checked.staff;
  auto community = store_.community(staff->community);
  if (!community) return error_reply(500, "server_error", words(S::err_sync_server, "staff without community"));
  const std::string token = new_token(random_);
  DeviceRow device{staff->community, staff->code, req.value().device_id, staff->role, req.value().office};
  // A tablet's ordinal (its own again if it enrolled before); the office page's sign-in uses none up.
  auto tablet_no = tablet_no_of(device);
  if (!tablet_no.ok()) return error_reply(500, "server_error", words(S::err_sync_server, tablet_no.error().message));
  if (auto s = store_.add_device(hash_token(token), device, clock_.now_ms()); !s.ok()) {
    return error_reply(500, "server_error", words(S::err_sync_server, s.error().message));
  }
  // Who signed in on which tablet: what lets this person's tablet send what
  // an earlier user recorded on it (app/server/push_gate.hpp).
  if (!device.office) {
    if (auto s = store_.record_device_user(staff->community, device.device, staff->staff, clock_.now_ms()); !s.ok()) {
      return error_reply(500, "server_error", words(S::err_sync_server, s.error().message));
    }
  }
  app::sync::EnrollResponse res{token, community->uid, staff->staff, community->name, staff->role, tablet_no.value(),
                                      demo_, {}};
  if (!device.office) {
    // A fresh random key is only kept if this tablet had none here.
    auto key = store_.recovery_key(staff->community, device.device, new_token(random_));
    if (!key.ok()) return error_reply(500, "server_error", words(S::err_sync_server, key.error().message));
    res.recovery_key = key.value();
  }
  return Reply{200, app::sync::encode_enroll_response(res)};
}

Reply SyncService::sync(std::string_view authorization, std::string_view body) {
  auto device = authorize(authorization);
  if (!device.ok()) return error_reply(401, device.error().code, device.error().message);
  if (body.size() > limits_.sync_body) return error_reply(413, "too_large", words(S::err_sync_too_large));
  auto req = app::sync::parse_request(body);
  if (!req.ok()) {
    const int status = req.error().code == "too_many_ops" ? 413 : 400;
    return error_reply(status, req.error().code, words(S::err_sync_bad_request, req.error().message));
  }
  auto community = store_.community(device.value().community);
  if (!community) return error_reply(500, "server_error", words(S::err_sync_server, "device without community"));
  sweep_if_due();
  const QuotaCharge charge = charge_now();
  // The day's records are used up: refused before any op is checked (a
  // tablet pushing all day costs one row read per push). Pulling goes on.
  const std::int64_t ops_limit = limits_.quotas.ops_per_day;
  if (!req.value().records.empty() && ops_limit > 0 && store_.usage(community->id, charge.day).ops_today >= ops_limit) {
    return quota_reply(app::Error{std::string(kQuotaOps), "the limit of " + std::to_string(ops_limit) + " records today is reached"});
  }
  auto person = store_.find_staff(device.value().staff_code);
  if (!person || person->community != community->id) return error_reply(401, "unauthorized", words(S::err_sync_unauthorized));
  PushGate gate(store_, community->id, device.value().device, person->staff, clock_.now_ms(), limits_.max_clock_ahead_ms);

  // Every op is checked before anything is stored: one bad op refuses the
  // whole push, and its index lets the tablet set that one aside.
  std::vector<std::pair<app::Id, std::string_view>> rows;
  std::vector<std::pair<app::Id, std::int64_t>> roles_given;  // staff_set ops that give a role
  std::vector<app::Id> acked;
  rows.reserve(req.value().records.size());
  acked.reserve(req.value().records.size());
  const auto& records = req.value().records;
  for (std::size_t i = 0; i < records.size(); ++i) {
    auto op = app::decode_op(records[i]);
    const long at = static_cast<long>(i);
    if (!op.ok()) return error_reply(400, "bad_record", words(S::err_op_invalid, op.error().message), at);
    if (auto v = app::validate_op(op.value()); !v.ok()) return error_reply(400, v.error().code, v.error().message, at);
    if (op.value().kind == app::OpKind::community_set && op.value().entity != community->uid) {
      return error_reply(403, "forbidden", words(S::err_sync_forbidden), at);
    }
    // The demo estate's generated records belong only where --demo set it up
    // (stored there already): a tablet that tried the demo in an older
    // version must not turn a real community into the demo estate.
    static const app::Id demo_device = app::demo_device_id();
    if (op.value().device_id == demo_device && !store_.has_op(community->id, op.value().op_id)) {
      return error_reply(403, "demo_record", words(S::err_sync_demo_record), at);
    }
    const PushVerdict verdict = gate.check(op.value(), records[i]);
    if (verdict.refusal) return error_reply(verdict.refusal->status, verdict.refusal->code, verdict.refusal->message, at);
    acked.push_back(op.value().op_id);
    if (verdict.stored_already) continue;
    rows.emplace_back(op.value().op_id, records[i]);
    if (auto role = op.value().payload.number(app::F::role); role && op.value().kind == app::OpKind::staff_set) {
      roles_given.emplace_back(op.value().entity, *role);
    }
  }
  if (auto stored = store_.insert_ops(community->id, rows, &charge); !stored.ok()) {
    if (is_quota(stored.error())) return quota_reply(stored.error());
    return error_reply(500, "server_error", words(S::err_sync_server, stored.error().message));
  }
  // A role a lead gave on a tablet is the role the server checks from now on.
  for (const auto& [staff, role] : roles_given) {
    if (auto s = store_.set_staff_role(community->id, staff, role); !s.ok()) {
      return error_reply(500, "server_error", words(S::err_sync_server, s.error().message));
    }
  }
  // The caller's own ops of this push are not sent back: it holds them, and
  // echoing them would double every push's traffic.
  const std::unordered_set<app::Id, app::IdHash> pushed(acked.begin(), acked.end());
  auto page = store_.ops_after(community->id, req.value().cursor, limits_.page_ops, limits_.page_bytes, &pushed);
  if (!page.ok()) return error_reply(500, "server_error", words(S::err_sync_server, page.error().message));
  // Every answer says the tablet's ordinal: one enrolled before ordinals is given its own here.
  auto tablet_no = tablet_no_of(device.value());
  if (!tablet_no.ok()) return error_reply(500, "server_error", words(S::err_sync_server, tablet_no.error().message));
  std::vector<std::string_view> out(page.value().records.begin(), page.value().records.end());
  return Reply{200, app::sync::encode_response(acked, out, page.value().cursor, page.value().more, tablet_no.value())};
}

Reply SyncService::put_blob(std::string_view authorization, std::string_view sha, std::string_view body) {
  auto device = authorize(authorization);
  if (!device.ok()) return error_reply(401, device.error().code, device.error().message);
  if (!app::is_sha256_hex(sha)) return error_reply(400, "bad_name", words(S::err_blob_mismatch, "name is not a SHA-256"));
  if (body.size() > limits_.blob_body) return error_reply(413, "too_large", words(S::err_sync_too_large));
  if (app::sha256_hex(body) != sha) return error_reply(400, "hash_mismatch", words(S::err_blob_mismatch));
  sweep_if_due();
  const QuotaCharge charge = charge_now();
  if (auto s = store_.put_blob(device.value().community, sha, body, clock_.now_ms(), &charge); !s.ok()) {
    if (is_quota(s.error())) return quota_reply(s.error());
    return error_reply(500, "server_error", words(S::err_sync_server, s.error().message));
  }
  return Reply{200, "{\"ok\":true,\"sha256\":\"" + std::string(sha) + "\"}"};
}

Reply SyncService::get_blob(std::string_view authorization, std::string_view sha) {
  auto device = authorize(authorization);
  if (!device.ok()) return error_reply(401, device.error().code, device.error().message);
  auto blob = app::is_sha256_hex(sha) ? store_.get_blob(device.value().community, sha) : std::nullopt;
  if (!blob) return error_reply(404, "not_found", words(S::err_not_found));
  return Reply{200, std::move(*blob), "application/octet-stream"};
}

app::Status SyncService::load_replica(std::int64_t community, app::Replica& replica) {
  return fold_community(store_, community, replica);  // streamed, on a reader (app/server/export_fold.hpp)
}

// Holds one of max_exports places while an export is built.
class SyncService::ExportSlot {
 public:
  explicit ExportSlot(std::atomic<int>& running) : running_(&running) {}
  ExportSlot(ExportSlot&& o) noexcept : running_(std::exchange(o.running_, nullptr)) {}
  ExportSlot& operator=(ExportSlot&&) = delete;
  ~ExportSlot() {
    if (running_) running_->fetch_sub(1);
  }

 private:
  std::atomic<int>* running_;
};

std::optional<SyncService::ExportSlot> SyncService::export_slot() {
  if (exports_running_.fetch_add(1) >= limits_.max_exports) {
    exports_running_.fetch_sub(1);
    return std::nullopt;
  }
  return ExportSlot(exports_running_);
}

Reply SyncService::export_busy() const {
  Reply r = error_reply(503, "busy", words(S::err_export_busy));
  r.retry_after_s = limits_.export_retry_after_s;
  return r;
}

Reply SyncService::export_file(std::string_view authorization, std::string_view name, ExportFormat format) {
  auto device = authorize(authorization);
  if (!device.ok()) return error_reply(401, device.error().code, device.error().message);
  if (!may_export(device.value().role)) return error_reply(403, "forbidden", words(S::err_sync_forbidden, "role"));
  const ExportFn* fn = exports_.find(name);
  if (!fn) return error_reply(404, "not_found", words(S::err_not_found));
  const auto slot = export_slot();
  if (!slot) return export_busy();
  app::Replica replica;
  if (auto s = load_replica(device.value().community, replica); !s.ok()) {
    return error_reply(500, "server_error", words(S::err_sync_server, s.error().message));
  }
  ExportTable table = (*fn)(ExportInput{replica, clock_.now_ms()});
  if (format == ExportFormat::csv) return csv_reply(table, std::string(name) + ".csv");
  const std::string title = app::i18n::tr(exports_.title(name), app::i18n::Lang::zh_CN);
  return xlsx_reply({XlsxSheet{title, std::move(table)}}, std::string(name) + ".xlsx");
}

Reply SyncService::export_month(std::string_view authorization, std::string_view month) {
  auto device = authorize(authorization);
  if (!device.ok()) return error_reply(401, device.error().code, device.error().message);
  if (!may_export(device.value().role)) return error_reply(403, "forbidden", words(S::err_sync_forbidden, "role"));
  const bool well_formed = month.size() == 7 && app::office::canonical_cell(CellType::date, std::string(month) + "-01") &&
                           month.substr(5) >= "01" && month.substr(5) <= "12";
  if (!well_formed) return error_reply(400, "bad_request", words(S::err_sync_bad_request, "month is YYYY-MM"));
  const auto slot = export_slot();
  if (!slot) return export_busy();
  app::Replica replica;
  if (auto s = load_replica(device.value().community, replica); !s.ok()) {
    return error_reply(500, "server_error", words(S::err_sync_server, s.error().message));
  }
  std::vector<XlsxSheet> sheets;
  for (const std::string& name : exports_.names()) {
    ExportTable table = rows_of_month((*exports_.find(name))(ExportInput{replica, clock_.now_ms()}), month);
    sheets.push_back(XlsxSheet{app::i18n::tr(exports_.title(name), app::i18n::Lang::zh_CN), std::move(table)});
  }
  return xlsx_reply(sheets, std::string(month) + ".xlsx");
}

Reply SyncService::csv_reply(const ExportTable& table, std::string download) {
  TempFile file;
  if (file.path().empty()) return error_reply(500, "server_error", words(S::err_sync_server, "no temporary file"));
  if (auto s = write_csv_file(table, file.path()); !s.ok()) {
    return error_reply(500, "server_error", words(S::err_sync_server, s.error().message));
  }
  Reply r{200, {}, "text/csv; charset=utf-8"};
  r.file = file.release();
  r.download = std::move(download);
  return r;
}

Reply SyncService::xlsx_reply(const std::vector<XlsxSheet>& sheets, std::string download) {
  TempFile file;
  if (file.path().empty()) return error_reply(500, "server_error", words(S::err_sync_server, "no temporary file"));
  if (auto s = write_xlsx_file(sheets, file.path()); !s.ok()) {
    return error_reply(500, "server_error", words(S::err_sync_server, s.error().message));
  }
  Reply r{200, {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
  r.file = file.release();
  r.download = std::move(download);
  return r;
}

Reply SyncService::import_sheet(std::string_view authorization, std::string_view kind_word, std::string_view body,
                                std::string_view file_name, bool dry_run) {
  auto device = authorize(authorization);
  if (!device.ok()) return error_reply(401, device.error().code, device.error().message);
  const auto kind = app::import_kind_named(kind_word);
  if (!kind) return error_reply(404, "not_found", words(S::err_not_found));
  if (!may_import(device.value().role, *kind)) return error_reply(403, "forbidden", words(S::err_sync_forbidden, "role"));
  if (body.size() > limits_.import_body) return error_reply(413, "too_large", words(S::err_sync_bad_request, "file too large"));
  auto community = store_.community(device.value().community);
  auto me = store_.find_staff(device.value().staff_code);
  if (!community || !me) return error_reply(401, "unauthorized", words(S::err_sync_unauthorized));
  ServerWriter w(store_, clock_, random_);
  const QuotaCharge charge = charge_now();
  w.charge_to(&charge);  // an office sheet counts towards the day's records like a push
  std::lock_guard<std::mutex> lock(import_mutex_);  // one import at a time: each plans against the last one's result
  auto plan = import_file(w, store_, *community, ImportRequest{*kind, file_name, me->staff, dry_run}, body);
  if (!plan.ok() && is_quota(plan.error())) return quota_reply(plan.error());
  if (!plan.ok()) return error_reply(plan.error().code == "too_large" ? 413 : 422, plan.error().code, plan.error().message);
  return Reply{200, import_report_json(plan.value(), dry_run, true)};
}

Reply SyncService::import_template(std::string_view kind_word, std::string_view format) {
  const auto kind = app::import_kind_named(kind_word);
  if (!kind) return error_reply(404, "not_found", words(S::err_not_found));
  if (format == "csv") return Reply{200, app::import_template_csv(*kind), "text/csv; charset=utf-8"};
  if (format != "xlsx") return error_reply(404, "not_found", words(S::err_not_found));
  auto book = import_template_xlsx(*kind);
  if (!book.ok()) return error_reply(500, "server_error", words(S::err_sync_server, book.error().message));
  return Reply{200, std::move(book).value(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
}

Reply SyncService::office_catalog(std::string_view authorization) {
  auto device = authorize(authorization);
  if (!device.ok()) return error_reply(401, device.error().code, device.error().message);
  auto community = store_.community(device.value().community);
  if (!community) return error_reply(401, "unauthorized", words(S::err_sync_unauthorized));
  nlohmann::json j = office_catalog_json(exports_, device.value().role);
  const auto role = static_cast<app::Role>(device.value().role);
  j["me"] = {{"code", device.value().staff_code},
             {"role_zh", app::i18n::tr(app::role_label(role), app::i18n::Lang::zh_CN)},
             {"role_en", app::i18n::tr(app::role_label(role), app::i18n::Lang::en)},
             {"community", community->name}};
  return Reply{200, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

}  // namespace server
