#include "shell/sync/sync_driver.hpp"

#include <algorithm>
#include <cstdlib>

#include "app/core/sha256.hpp"
#include "app/i18n/catalogue.hpp"
#include "shell/host/host.hpp"

namespace shell {

std::string SyncDriver::pref(const char* key) {
  std::string value;
  return host_.pref(key, &value) ? value : std::string();
}

SyncDriver::SyncDriver(app::Session& session, Host& host)
    : session_(session), host_(host), clock_(host.clock()), random_(host.random()), uploader_(clock_, random_) {
  // The demo's database is never synced: no client, whatever the prefs say.
  if (auto e = app::sync::decode_enrollment(pref("sync_enrollment")); e.ok() && !host_.store().demo()) {
    enrollment_ = std::make_unique<app::sync::Enrollment>(std::move(e).value());
    session_.set_tablet_no(enrollment_->tablet_no);  // 0 when enrolled before ordinals: learnt at the next sync
    start_client();
  }
  // Every batch storage confirms goes to the outbox (or, pulled, just counts).
  session_.set_durable_listener([this](const std::vector<std::string>& records, bool from_server) {
    if (client_ && restored_ && !host_.store().demo()) client_->on_durable(records, from_server);
  });
}

void SyncDriver::start_client() {
  client_ = std::make_unique<app::sync::SyncClient>(clock_, random_, session_.device_id());
  restored_ = false;
  if (auto s = app::sync::decode_state(pref("sync_state")); s.ok()) saved_state_ = s.value();
  else saved_state_ = {};
  last_synced_ms_ = std::atoll(pref("sync_last").c_str());
}

void SyncDriver::attach_loaded(const std::vector<std::string_view>& records, std::uint64_t first_position) {
  attached_ = true;
  if (!uploads_listed_) {
    // Photos stored before a reload (or before enrolment) and still owed.
    uploads_listed_ = true;
    host_.list_uploads([this](std::vector<std::string> names) {
      for (const std::string& name : names) uploader_.add(name);
    });
  }
  if (!client_ || reading_log_) return;
  // What this tablet records, whoever unlocked it did (else the enrolled staff member).
  session_.set_actor(person_.is_nil() ? enrollment_->staff : person_);
  // The records in hand must be all there is: a save since they were read
  // would be missing from the outbox.
  if (first_position + records.size() == session_.stored_records() &&
      client_->restore(saved_state_, records, first_position)) {
    restored_ = true;
    client_->poke();  // sync on start
    return;
  }
  restore_from_whole_log();
}

void SyncDriver::restore_from_whole_log() {
  // Unsent records lie inside the snapshot (or were saved meanwhile): read
  // them all once; a tablet that saves while this runs simply reads again.
  restored_ = false;
  reading_log_ = true;
  host_.store().read_whole_log([this](bool ok, const std::vector<std::string_view>& records, std::shared_ptr<const void>,
                                        const std::string&) {
    reading_log_ = false;
    if (!ok || !client_) return;
    attach_loaded(records, 0);
  });
}

void SyncDriver::keep_token_sealed() {
  ShellStore& store = host_.store();
  if (!enrollment_ || !store.can_seal_token() || store.demo() || store.lock() != ShellStore::Lock::unlocked) return;
  if (enrollment_->token.empty()) {
    // The unlock just handed over what was sealed, if anything.
    enrollment_->token = store.opened_token();
    token_lost_ = enrollment_->token.empty();
    return;
  }
  if ((enrollment_->token_sealed && !seal_owed_) || sealing_token_ || seal_refused_) return;
  // Held in memory since the sign-in (or, enrolled before sealing, in the
  // preferences): sealed now, and the preferences keep no token after.
  sealing_token_ = true;
  store.seal_token(enrollment_->token, [this, token = enrollment_->token](bool ok) {
    sealing_token_ = false;
    if (!enrollment_ || enrollment_->token != token) return;  // another sign-in since: sealed next frame
    if (!ok) {
      seal_refused_ = true;
      return;
    }
    enrollment_->token_sealed = true;
    seal_owed_ = false;
    host_.set_pref("sync_enrollment", app::sync::encode_enrollment(*enrollment_));
  });
}

void SyncDriver::frame(bool online) {
  keep_token_sealed();
  if (wiping_ || !client_ || !restored_ || !has_token() || session_.read_only() || host_.store().demo()) return;
  keep_state();
  if (online) upload_photos();
  if (!online || !client_->due()) return;
  app::sync::Request request = client_->next_request();
  const std::uint64_t id = request.id;
  host_.http_send("POST", enrollment_->server + "/api/v1/sync", request.body, enrollment_->token,
            [this, id](int status, const std::string& body) {
              if (!client_) return;
              if (status == 0) {
                client_->on_failure(id, body);
                return;
              }
              app::Result<std::vector<app::Op>> pulled = client_->on_response(id, status, body);
              if (client_->device_revoked()) {
                wipe_lost_tablet();
                return;
              }
              if (pulled.ok() && !pulled.value().empty()) (void)session_.merge_remote(std::move(pulled).value());
              learn_tablet_no();
            });
}

void SyncDriver::wipe_lost_tablet() {
  // revoke-devices named this tablet (reported lost): whoever holds it keeps
  // nothing of the community's. Only this answer wipes: a reset PIN or an
  // expired token (unauthorized, expired) leaves the data and asks to enrol.
  if (wiping_) return;
  wiping_ = true;
  enroll_message_ = app::i18n::tr(app::i18n::S::err_sync_device_revoked);
  host_.wipe_device();
}

void SyncDriver::learn_tablet_no() {
  // Every sync answer says the tablet's ordinal: kept with the enrolment, so
  // the next ticket is numbered T3-… even before the next answer.
  if (!enrollment_ || !client_ || !app::sync::learn_tablet_no(*enrollment_, client_->tablet_no())) return;
  host_.set_pref("sync_enrollment", app::sync::encode_enrollment(*enrollment_));
  session_.set_tablet_no(enrollment_->tablet_no);
}

void SyncDriver::upload_photos() {
  // After the ops: a photo's op must reach the server before its blob.
  const app::sync::SyncStatus ops = client_->status();
  if (!uploader_.due(ops.pending == 0 && !ops.running)) return;
  const std::string sha = uploader_.next();
  host_.read_blob(sha, [this, sha](bool found, std::string bytes) {
    if (!found || app::sha256_hex(bytes) != sha) {
      // Nothing (or nothing intact) to send: stop owing it, say so.
      uploader_.on_missing_locally(sha);
      host_.mark_uploaded(sha);
      return;
    }
    if (!has_token()) {
      uploader_.on_failure(sha, "");
      return;
    }
    host_.http_send("PUT", enrollment_->server + "/api/v1/blobs/" + sha, bytes, enrollment_->token,
              [this, sha](int status, const std::string& body) {
                if (status == 0) {
                  uploader_.on_failure(sha, body);
                  return;
                }
                uploader_.on_answer(sha, status, body);
                if (status == 200) host_.mark_uploaded(sha);
              }, 120000);
  });
}

void SyncDriver::fetch_photo(const std::string& sha256, std::function<void(bool ok)> done) {
  if (!has_token()) {
    done(false);
    return;
  }
  host_.http_send("GET", enrollment_->server + "/api/v1/blobs/" + sha256, "", enrollment_->token,
            [this, sha256, done](int status, const std::string& body) {
              // Kept only if it is what its name says.
              if (status != 200 || app::sha256_hex(body) != sha256) {
                done(false);
                return;
              }
              host_.put_blob(sha256, body, /*owed=*/false, [done](bool ok, const std::string&) { done(ok); });
            }, 120000);
}

void SyncDriver::import_file(const std::string& kind, std::string bytes, bool dry_run,
                             std::function<void(int status, const std::string& body)> done) {
  if (!has_token()) {
    done(0, "not enrolled");
    return;
  }
  const std::string url = enrollment_->server + "/api/v1/import/" + kind + "?file=tablet" + (dry_run ? "&dry_run=1" : "");
  host_.http_send("POST", url, bytes, enrollment_->token, [this, dry_run, done](int status, const std::string& body) {
    if (status == 200 && !dry_run) sync_now();  // the new zones and keys, here at once
    done(status, body);
  }, 120000);
}

void SyncDriver::keep_state() {
  // "Last synced" survives a reload: the butler must not read "never" offline.
  if (const std::int64_t last = client_->status().last_synced_ms; last > last_synced_ms_) {
    last_synced_ms_ = last;
    host_.set_pref("sync_last", std::to_string(last));
  }
  // Written only once the pulled ops it covers are durable here (sync_client.hpp).
  if (session_.pending_count() != 0 || client_->state() == saved_state_) return;
  saved_state_ = client_->state();
  host_.set_pref("sync_state", app::sync::encode_state(saved_state_));
}

void SyncDriver::on_online() {
  if (client_) client_->poke();
  uploader_.poke();
}

void SyncDriver::sync_now() {
  if (client_) client_->poke();
  uploader_.poke();
}

void SyncDriver::enroll(const std::string& server, const std::string& code, const std::string& pin) {
  if (enrolling_) return;
  // Nothing of the demo ever goes to a server: not from the demo's own
  // database, nor from an own log an older version loaded the demo into.
  if (host_.store().demo() || session_.holds_demo()) {
    enroll_message_ = app::i18n::tr(app::i18n::S::sync_demo_refused);
    return;
  }
  app::Result<std::string> body = app::sync::enroll_request(server, code, pin, session_.device_id());
  if (!body.ok()) {
    enroll_message_ = body.error().message;
    return;
  }
  enrolling_ = true;
  enroll_message_ = app::i18n::tr(app::i18n::S::sync_enrolling);
  const std::string base = app::sync::normalize_server(server);
  host_.http_send("POST", base + "/api/v1/enroll", body.value(), "", [this, base, code](int status, const std::string& answer) {
    enrolling_ = false;
    app::Result<app::sync::Enrollment> e = app::sync::enroll_answer(base, code, status, answer);
    if (!e.ok()) {
      enroll_message_ = e.error().message;
      return;
    }
    enroll_message_.clear();
    enrollment_ = std::make_unique<app::sync::Enrollment>(std::move(e).value());
    // Where the token can be sealed it is never written in the clear: held
    // in memory until the tablet PIN is set (keep_token_sealed). Closed
    // before that, the tablet asks for this sign-in again.
    enrollment_->token_sealed = host_.store().can_seal_token() && !enrollment_->recovery_key.empty();
    seal_owed_ = enrollment_->token_sealed;
    token_lost_ = seal_refused_ = false;
    host_.set_pref("sync_enrollment", app::sync::encode_enrollment(*enrollment_));
    host_.set_pref("sync_state", app::sync::encode_state({}));
    host_.set_pref("sync_last", "0");
    person_ = enrollment_->staff;
    session_.set_actor(person_);
    session_.set_tablet_no(enrollment_->tablet_no);
    start_client();
    saved_state_ = {};
    // Everything already on this tablet goes up too: the whole log. Signed in
    // from the lock screen, the log is not folded yet: the shell attaches it
    // once it is (reading it here meanwhile would keep start-up waiting).
    if (attached_) restore_from_whole_log();
  });
}

void SyncDriver::set_person(const app::Id& staff) {
  person_ = staff;
  if (!staff.is_nil()) session_.set_actor(staff);
}

app::sync::SyncStatus SyncDriver::status() const {
  app::sync::SyncStatus s = client_ ? client_->status() : app::sync::SyncStatus{};
  s.last_synced_ms = std::max(s.last_synced_ms, last_synced_ms_);
  return s;
}

std::string SyncDriver::state_json() const {
  const app::sync::SyncStatus s = status();
  std::string out = "{\"enrolled\":" + std::string(enrolled() ? "true" : "false");
  out += ",\"ready\":" + std::string(restored_ ? "true" : "false");
  out += ",\"running\":" + std::string(s.running ? "true" : "false");
  out += ",\"pending\":" + std::to_string(s.pending);
  out += ",\"last_synced_ms\":" + std::to_string(s.last_synced_ms);
  out += ",\"failures\":" + std::to_string(s.failures);
  out += ",\"rejected\":" + std::to_string(s.rejected);
  out += ",\"cursor\":" + std::to_string(client_ ? client_->state().cursor : 0);
  const app::sync::UploadStatus photos = uploader_.status();
  out += ",\"photos_pending\":" + std::to_string(photos.pending);
  out += ",\"photos_running\":" + std::string(photos.running ? "true" : "false");
  return out + "}";
}

}  // namespace shell
