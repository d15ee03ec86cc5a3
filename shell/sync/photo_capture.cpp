#include "shell/sync/photo_capture.hpp"

#include "app/core/sha256.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "shell/host/host.hpp"
#include "shell/sync/sync_driver.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

namespace {
template <typename T>
app::Status status_of(const app::Result<T>& r) { return r.ok() ? app::ok_status() : app::Status(r.error()); }
}  // namespace

void PhotoCapture::for_unit(const app::Id& unit) {
  capture([this, unit](const std::string& sha) { return status_of(session_.estate().add_unit_photo(unit, sha)); });
}

void PhotoCapture::for_finding(const app::Id& finding) {
  capture([this, finding](const std::string& sha) { return status_of(session_.rounds().add_finding_photo(finding, sha)); });
}

void PhotoCapture::capture(Record record) {
  if (busy_) return;
  message_.clear();
  host_.pick_photo([this, record = std::move(record)](bool ok, std::string jpeg) mutable {
    if (!ok || jpeg.empty()) {
      message_ = tr(S::err_photo_unreadable);
      return;
    }
    store(std::move(record), std::move(jpeg));
  });
}

void PhotoCapture::store(Record record, std::string jpeg) {
  busy_ = true;
  message_ = tr(S::photo_saving);
  const std::string sha = app::sha256_hex(jpeg);
  host_.put_blob(sha, jpeg, /*owed=*/true, [this, record = std::move(record), sha](bool ok, const std::string& why) {
    busy_ = false;
    if (!ok) {
      message_ = std::string(tr(S::photo_failed)) + why;
      return;
    }
    const app::Status added = record(sha);
    if (!added.ok()) {
      // The blob stays stored and owed; harmless, and the butler can try again.
      message_ = std::string(tr(S::photo_failed)) + added.error().message;
      return;
    }
    message_ = tr(S::unit_saved_note);
    sync_.photo_stored(sha);
  });
}

}  // namespace shell
