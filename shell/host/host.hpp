#pragma once
// What the shell (app_shell, app_chrome, screens, ui, fonts, sync) needs from
// the place it runs in, as one interface. The browser implements it
// (shell/platform: WebHost over GLFW/WebGL2, IndexedDB, fetch, the camera and
// the --js-library); the native screen tests implement it with fakes
// (tests/screens), so every screen is drawn by ctest with no browser and no
// GPU. Nothing in the shell reaches the platform any other way.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/ports.hpp"
#include "app/store/storage_port.hpp"
#include "imgui.h"

namespace app { class Session; }

namespace shell {

class FontAtlas;

// What the browser says about our storage: persistence granted, space used and
// available, and whether this tab is the one writing tab.
struct StorageStatus {
  bool estimate_known = false;
  double usage_bytes = 0;
  double quota_bytes = 0;
  bool persisted = false;
  bool writer_known = false;
  bool writer = true;  // until told otherwise: a lone tab writes
};

// The op log's storage as the shell drives it: app's StoragePort plus the
// asynchronous start-up read (a snapshot and the records after it), whole-log
// reads and background snapshot writes.
// Someone with a tablet PIN on this device (web/lock_lib.js): their staff
// id (hex), staff code and community's name, as given at their sign-in.
struct TabletPerson {
  std::string staff, code, name;
};

class ShellStore : public app::StoragePort {
 public:
  enum class Phase { opening, loaded, failed };
  // Whole-log reads: the records and the buffer they point into.
  using WholeLogDone = std::function<void(bool ok, const std::vector<std::string_view>& records,
                                          std::shared_ptr<const void> arena, const std::string& error)>;

  // Opens the database and starts reading the snapshot and the records after it.
  virtual void open() = 0;
  // Reads every stored record again; `done` is called once they are in memory.
  virtual void read_whole_log(WholeLogDone done) = 0;
  virtual bool reading_whole_log() const = 0;
  // The key of the last committed segment a snapshot begun now covers, or < 0.
  virtual double snapshot_begin() = 0;
  virtual void put_snapshot(std::vector<std::string> chunks, double covers, std::uint64_t ops) = 0;
  // Where commit results go once the session exists.
  virtual void attach(app::Session* session) = 0;

  // The demo is a database of its own on the device, never synced: what is
  // recorded while trying the demo cannot reach the log that goes to the
  // server. demo(): the one open now is the demo's.
  virtual bool demo() const = 0;
  // Switches to a fresh, empty demo database (the last demo's is deleted);
  // only while nothing is stored in the open one. `done` once it is open.
  using DemoDone = std::function<void(bool ok, const std::string& message)>;
  virtual void enter_demo(DemoDone done) = 0;
  // Back to the device's own database: in the browser, a reload. `wipe_own`
  // deletes the own database first (it holds a demo from an older version).
  virtual void leave_demo(bool wipe_own) = 0;

  // The tablet lock (README: tablet lock). open: the database is not
  // encrypted (no tablet PIN yet, or the demo); locked: encrypted, and the
  // records wait for a tablet PIN (at start, or after idle); unlocked.
  enum class Lock { open, locked, unlocked };
  using KeyDone = std::function<void(bool ok, const std::string& message)>;
  virtual Lock lock() const { return Lock::open; }
  // Shows the lock again (idle); the data key stays, the PIN is asked.
  virtual void relock() {}
  virtual const std::vector<TabletPerson>& persons() const {
    static const std::vector<TabletPerson> none;
    return none;
  }
  virtual int pin_failures() const { return 0; }
  // Checks `staff`'s tablet PIN; at start-up the records then load.
  // message "wrong" for a wrong PIN (pin_failures() counts it).
  virtual void unlock(const std::string& /*staff*/, const std::string& /*pin*/, KeyDone done) { done(false, "unsupported"); }
  // Sets a signed-in person's tablet PIN, the data key coming from (or, on a
  // database not encrypted yet, wrapped for) the server's recovery key.
  // message "recovery" when that key does not open this tablet's data.
  virtual void set_tablet_pin(const TabletPerson& /*person*/, const std::string& /*pin*/, const std::string& /*recovery_hex*/,
                              KeyDone done) {
    done(false, "unsupported");
  }
  // The sync token at rest (README: tablet lock): on a store that seals, kept
  // in the keys store encrypted with the data key, never in the preferences.
  // can_seal_token: this store keeps it so (the browser; native hosts keep
  // the token with the preferences). seal_token needs the data key in hand
  // (lock() == unlocked); it replaces what was sealed before.
  virtual bool can_seal_token() const { return false; }
  virtual void seal_token(const std::string& /*token*/, std::function<void(bool ok)> done) { done(false); }
  // What the last unlock opened: "" when nothing is sealed on this tablet.
  virtual const std::string& opened_token() const {
    static const std::string none;
    return none;
  }

  virtual Phase phase() const = 0;
  virtual const std::string& open_error() const = 0;
  // The records read at start-up and the buffer they point into (taken over).
  virtual const std::vector<std::string_view>& records() const = 0;
  virtual std::shared_ptr<const void> take_arena() = 0;
  virtual bool has_snapshot() const = 0;
  virtual std::string_view snapshot() const = 0;
  virtual void drop_snapshot() = 0;
};

class Host {
 public:
  virtual ~Host() = default;

  // --- frames, time, fonts
  virtual bool online() const = 0;
  virtual FontAtlas& fonts() = 0;
  // Asks for frames even without input (an animation, a countdown, saving).
  virtual void request_frames(int n) = 0;
  // Something changed that the next frame must show (a layout settling).
  virtual void note_activity() = 0;
  // A monotonic clock in milliseconds, for measuring (not the app's clock).
  virtual double now_ms() = 0;
  // The app's ports: the wall clock and the random source.
  virtual app::ClockPort& clock() = 0;
  virtual app::RandomPort& random() = 0;

  // --- storage
  virtual ShellStore& store() = 0;
  virtual const StorageStatus& storage_status() const = 0;
  // Starts the probes (persist + estimate, writer lock). Once, at start-up.
  virtual void probe_storage() = 0;
  // Small preferences kept by the device (language, device id, enrolment).
  virtual bool pref(const char* key, std::string* value) = 0;
  virtual void set_pref(const char* key, const std::string& value) = 0;
  // A lost tablet (the server answered device_revoked; SyncDriver decides):
  // deletes this device's databases (the op log, its snapshot, photos, the
  // demo's) and then every preference (enrolment, token, device id, sync
  // state), keeps only "device_wiped" so the welcome screen says why, and
  // starts the app again, empty (in the browser, a reload).
  virtual void wipe_device() = 0;

  // --- the page
  virtual void interactive() = 0;  // the first interactive frame is drawn
  virtual void apply_update() = 0;  // reload into the waiting new version
  virtual void print_html(const std::string& html) = 0;
  virtual void download_file(const std::string& name, const std::string& bytes) = 0;
  // Opens the file chooser; `done` gets the bytes, or ok=false if reading failed.
  virtual void pick_file(std::function<void(bool ok, std::string bytes)> done) = 0;

  // --- text input: where the field being edited is, and the IME's preedit
  virtual void set_active_field_rect(ImVec2 min, ImVec2 max, bool numeric) = 0;
  virtual const std::string& composition() const = 0;

  // --- network (status 0 = no answer; `body` is then the reason in words)
  using HttpDone = std::function<void(int status, const std::string& body)>;
  virtual void http_send(const std::string& method, const std::string& url, const std::string& body,
                         const std::string& token, HttpDone done, int timeout_ms = 30000) = 0;
  // Where the sync server is by default (the page's own origin).
  virtual std::string page_origin() = 0;

  // --- photos (all asynchronous: answers arrive between frames)
  virtual void pick_photo(std::function<void(bool ok, std::string jpeg)> done) = 0;
  virtual void put_blob(const std::string& sha256, const std::string& bytes, bool owed,
                        std::function<void(bool ok, std::string message)> done) = 0;
  virtual void list_uploads(std::function<void(std::vector<std::string> names)> done) = 0;
  virtual void read_blob(const std::string& sha256, std::function<void(bool found, std::string bytes)> done) = 0;
  virtual void mark_uploaded(const std::string& sha256) = 0;
  // Thumbnails: a texture for ImGui::Image, and a stored photo decoded into it
  // (`done` gets its size, or 0×0 when the photo is not stored here).
  virtual unsigned create_texture() = 0;
  virtual void delete_texture(unsigned texture) = 0;
  virtual void load_thumbnail(const std::string& sha256, int side, unsigned texture, std::function<void(int w, int h)> done) = 0;
};

}  // namespace shell
