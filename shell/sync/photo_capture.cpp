#include "shell/sync/photo_capture.hpp"

#include "app/core/sha256.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "shell/platform/photo_store.hpp"
#include "shell/sync/sync_driver.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

void PhotoCapture::for_unit(const app::Id& unit) {
  if (busy_) return;
  message_.clear();
  pick_photo([this, unit](bool ok, std::string jpeg) {
    if (!ok || jpeg.empty()) {
      message_ = tr(S::err_photo_unreadable);
      return;
    }
    store(unit, std::move(jpeg));
  });
}

void PhotoCapture::store(const app::Id& unit, std::string jpeg) {
  busy_ = true;
  message_ = tr(S::photo_saving);
  const std::string sha = app::sha256_hex(jpeg);
  put_blob(sha, jpeg, /*owed=*/true, [this, unit, sha](bool ok, const std::string& why) {
    busy_ = false;
    if (!ok) {
      message_ = std::string(tr(S::photo_failed)) + why;
      return;
    }
    const app::Result<app::Id> added = session_.add_unit_photo(unit, sha);
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
