#pragma once
// Drives app::sync::SyncClient from the host (the browser): restores its outbox after
// start-up, sends its requests with fetch when online (never waiting in a
// frame), merges what comes back into the session, keeps its small state and
// the enrolment with the preferences, and enrols. Like Tracy's worker, it has
// no drawing: the Sync screen and the top bar read its status.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/ports.hpp"
#include "app/session/session.hpp"
#include "app/sync/blob_uploader.hpp"
#include "app/sync/enrollment.hpp"
#include "app/sync/sync_client.hpp"

namespace shell {

class Host;

class SyncDriver {
 public:
  // The network, the preferences and the photo store are the host's.
  SyncDriver(app::Session& session, Host& host);

  // The session has (re)loaded these records, stored from `first_position` on.
  void attach_loaded(const std::vector<std::string_view>& records, std::uint64_t first_position);
  // Once a frame: sends the next request when it is due and the tablet is online.
  void frame(bool online);
  void on_online();
  void sync_now();
  void enroll(const std::string& server, const std::string& code, const std::string& pin);
  // A photo stored on this tablet, to upload once its op is on the server.
  void photo_stored(const std::string& sha256) { uploader_.add(sha256); }
  // A photo another tablet took: fetched from the server and stored here
  // (not owed back). done(false) when not enrolled, offline or not found.
  void fetch_photo(const std::string& sha256, std::function<void(bool ok)> done);
  // An office file a lead picked, to the server's import (dry_run: only what
  // would change). A stored import is pulled back at once by a sync.
  void import_file(const std::string& kind, std::string bytes, bool dry_run,
                   std::function<void(int status, const std::string& body)> done);

  // The tablet lock: a person who just signed in online chooses their tablet
  // PIN with the recovery key the server gave (held in memory only); then
  // pin_set() forgets it. The actor of what follows is whoever unlocked.
  bool pin_needed() const { return enrollment_ && !enrollment_->recovery_key.empty(); }
  void pin_set() { if (enrollment_) enrollment_->recovery_key.clear(); }
  void set_person(const app::Id& staff);
  const app::Id& person() const { return person_; }

  bool enrolled() const { return enrollment_ != nullptr; }
  // Unlocked, but no sealed sync token opened (the tablet was closed between
  // a sign-in and the token's sealing): the lock screen asks for a sign-in.
  bool token_lost() const { return token_lost_; }
  bool wiping() const { return wiping_; }
  const app::sync::Enrollment* enrollment() const { return enrollment_.get(); }
  bool enrolling() const { return enrolling_; }
  bool preparing() const { return enrolled() && !restored_; }  // reading the log for the outbox
  const std::string& enroll_message() const { return enroll_message_; }
  app::sync::SyncStatus status() const;
  app::sync::UploadStatus photo_status() const { return uploader_.status(); }
  std::string state_json() const;

 private:
  void start_client();
  void restore_from_whole_log();
  void keep_state();
  // The token at rest only sealed with the data key (README: tablet lock).
  void keep_token_sealed();
  bool has_token() const { return enrollment_ && !enrollment_->token.empty(); }
  void learn_tablet_no();
  void upload_photos();
  // The server named this tablet lost: nothing more is sent, and the host
  // wipes the device (Host::wipe_device) and starts again.
  void wipe_lost_tablet();
  std::string pref(const char* key);  // empty when not set

  app::Session& session_;
  Host& host_;
  app::ClockPort& clock_;
  app::RandomPort& random_;
  std::unique_ptr<app::sync::Enrollment> enrollment_;
  std::unique_ptr<app::sync::SyncClient> client_;
  app::sync::BlobUploader uploader_;
  bool uploads_listed_ = false;
  app::sync::SyncState saved_state_;  // as last written to the preferences
  std::int64_t last_synced_ms_ = 0;   // kept with the preferences too
  bool restored_ = false;
  bool reading_log_ = false;
  bool enrolling_ = false;
  bool wiping_ = false;
  std::string enroll_message_;
  app::Id person_;  // who unlocked the tablet; nil: the enrolled staff member
  bool token_lost_ = false;
  bool sealing_token_ = false;
  bool seal_owed_ = false;     // signed in: the token is in memory only, not sealed yet
  bool seal_refused_ = false;  // the store would not seal: kept in memory, asked again at the next sign-in
  bool attached_ = false;  // the session's log was handed over once (attach_loaded)
};

}  // namespace shell
