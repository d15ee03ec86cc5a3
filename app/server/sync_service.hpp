#pragma once
// The /api/v1 endpoints as plain functions: request bytes in, status and body
// out. No sockets here, so the convergence test drives the real server logic
// in-process and api.cpp stays a thin HTTP wrapper.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/core/ports.hpp"
#include "app/core/result.hpp"
#include "app/server/csv_export.hpp"
#include "app/server/quotas.hpp"
#include "app/server/server_store.hpp"
#include "app/server/sign_in.hpp"

namespace server {

struct Reply {
  Reply() = default;
  Reply(int status_, std::string body_, std::string content_type_ = "application/json")
      : status(status_), body(std::move(body_)), content_type(std::move(content_type_)) {}
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  // A temporary file to send instead of `body` (a workbook written to disk as
  // it was built); whoever sends it removes it.
  std::string file;
  std::string download;  // the file name a browser saves it under (Content-Disposition)
  int retry_after_s = 0;  // > 0: a Retry-After header (503: busy, ask again then)
};

enum class ExportFormat { csv, xlsx };

struct XlsxSheet;

struct Limits {
  std::size_t sync_body = 8u << 20;   // 2,000 ops of ~150 bytes in base64 is ~0.4 MiB: lots of room
  std::size_t blob_body = 12u << 20;  // a downscaled photo is well under 1 MiB
  std::size_t page_ops = 2000;
  std::size_t page_bytes = 4u << 20;
  std::size_t import_body = 12u << 20;  // an office's sheet of every resident is well under 2 MiB
  // How far ahead of the server's clock a pushed op may be dated: a tablet's
  // clock a little fast is normal, one in year 2100 is not.
  std::int64_t max_clock_ahead_ms = 24LL * 60 * 60 * 1000;
  SignInLimits sign_in;                 // wrong-PIN throttling (app/server/sign_in.hpp)
  // A token unused this long stops working (401 "expired"): a tablet left in
  // a drawer, or a token copied off one, does not stay a key for good.
  std::int64_t token_idle_ms = 30LL * 24 * 60 * 60 * 1000;
  std::int64_t token_renew_ms = 60 * 1000;  // a use is written at most this often (fewer writes)
  // Exports built at once; more are answered 503 with Retry-After. Each
  // folds the whole community (app/server/export_fold.hpp): on a 2-core
  // server more at once only share the cores and add up their memory.
  int max_exports = 2;
  int export_retry_after_s = 5;
  Quotas quotas;  // per community: ops and photo bytes a day, photos in total; the sweep (app/server/quotas.hpp)
};

// Roles that may download the office's exports (head butler, front desk, manager).
bool may_export(std::int64_t role);

class SyncService {
 public:
  SyncService(ServerStore& store, app::ClockPort& clock, app::RandomPort& random, Limits limits = {});

  // `client_address`: the peer's address as the HTTP server saw it (throttling).
  Reply enroll(std::string_view body, std::string_view client_address = {});
  // `authorization`: the Authorization header ("Bearer <token>").
  Reply sync(std::string_view authorization, std::string_view body);
  Reply put_blob(std::string_view authorization, std::string_view sha, std::string_view body);
  Reply get_blob(std::string_view authorization, std::string_view sha);
  // An office export as CSV or .xlsx (head butler, front desk, manager).
  Reply export_file(std::string_view authorization, std::string_view name, ExportFormat format);
  // Every export's rows of `month` ("2026-11"), one sheet each, as one .xlsx;
  // registers (units, residents, renovations) whole.
  Reply export_month(std::string_view authorization, std::string_view month);
  // An office file into the token's community (app/server/office_import.hpp):
  // a head butler or manager; staff sheets the manager only. `dry_run`: what
  // would change, nothing stored.
  Reply import_sheet(std::string_view authorization, std::string_view kind, std::string_view body,
                     std::string_view file_name, bool dry_run);
  // The template of an import kind, "csv" (with BOM) or "xlsx": no data in
  // it, no token needed.
  static Reply import_template(std::string_view kind, std::string_view format);
  // What the office page offers the token's person (app/server/office_page.hpp),
  // with who they are: {"me":{"code","role_zh","role_en","community"},"exports":…,"imports":…}.
  Reply office_catalog(std::string_view authorization);
  // {"ok":true,"version"[,"demo":true]}: "demo" when serve_demo() was called,
  // so the office page shows a banner (the enrol answer carries it too).
  Reply health() const;
  // butler-server --demo: every page and every enrolment says it is a demo.
  void serve_demo() { demo_ = true; }
  bool demo() const { return demo_; }

  const Limits& limits() const { return limits_; }
  ExportRegistry& exports() { return exports_; }

 private:
  app::Result<DeviceRow> authorize(std::string_view authorization);
  app::Status load_replica(std::int64_t community, app::Replica& replica);
  Reply xlsx_reply(const std::vector<XlsxSheet>& sheets, std::string download);
  Reply csv_reply(const ExportTable& table, std::string download);
  // An export slot, or nullopt when max_exports are being built.
  class ExportSlot;
  std::optional<ExportSlot> export_slot();
  Reply export_busy() const;
  // The device's ordinal in its community (given now if it has none); 0 for the office page.
  app::Result<std::int64_t> tablet_no_of(const DeviceRow& device);
  // Photos no op names are swept on a request, at most once a Quotas::sweep_every_ms.
  void sweep_if_due();
  QuotaCharge charge_now() { return QuotaCharge{quota_day(clock_.now_ms()), limits_.quotas}; }

  ServerStore& store_;
  app::ClockPort& clock_;
  app::RandomPort& random_;
  Limits limits_;
  ExportRegistry exports_;
  std::mutex import_mutex_;
  std::atomic<int> exports_running_{0};
  SignInGate sign_in_;  // six digits fall to guessing without a limit
  bool demo_ = false;
  std::atomic<std::int64_t> last_sweep_ms_{0};
};

// {"error":code,"message":text} (+ "index" of the offending op when there is one).
Reply error_reply(int status, std::string_view code, std::string_view message, long index = -1);

}  // namespace server
