#pragma once
// The shell's Host with no browser: a store in memory that acknowledges each
// commit at the next frame (as IndexedDB's oncomplete arrives later), a fixed
// clock and seeded random source (tests/unit/fakes.hpp), preferences in a
// map, no network (every request answers "no answer"), no camera and no
// stored photos. Asynchronous answers are queued and delivered between frames.
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "shell/fonts/font_atlas.hpp"
#include "shell/host/host.hpp"
#include "tests/unit/fakes.hpp"

namespace screens_test {

class FakeHost;

class FakeStore final : public shell::ShellStore {
 public:
  explicit FakeStore(FakeHost& host) : host_(host) {}
  void append(std::uint64_t batch, const std::vector<std::string>& records) override;
  void open() override { phase_ = Phase::loaded; }
  void read_whole_log(WholeLogDone done) override;
  bool reading_whole_log() const override { return reading_; }
  double snapshot_begin() override { return -1; }  // no snapshots: nothing to draw
  void put_snapshot(std::vector<std::string>, double, std::uint64_t) override {}
  void attach(app::Session* session) override { session_ = session; }
  bool demo() const override { return durable_ == &demo_; }
  void enter_demo(DemoDone done) override;
  void leave_demo(bool wipe_own) override;
  Phase phase() const override { return phase_; }
  const std::string& open_error() const override { return error_; }
  const std::vector<std::string_view>& records() const override { return none_; }
  std::shared_ptr<const void> take_arena() override { return nullptr; }
  bool has_snapshot() const override { return false; }
  std::string_view snapshot() const override { return {}; }
  void drop_snapshot() override {}

  std::size_t stored() const { return durable_->size(); }  // in the database open now
  // The device's own database, whichever is open (the demo's is separate).
  const std::deque<std::string>& own() const { return own_; }
  bool left_demo() const { return left_demo_; }

 private:
  FakeHost& host_;
  app::Session* session_ = nullptr;
  Phase phase_ = Phase::opening;
  std::string error_;
  std::vector<std::string_view> none_;
  // Two databases, as in the browser: the device's own and the demo's.
  // Deques: views into them stay valid as they grow.
  std::deque<std::string> own_, demo_;
  std::deque<std::string>* durable_ = &own_;
  bool left_demo_ = false;
  bool reading_ = false;
};

class FakeHost final : public shell::Host {
 public:
  FakeHost();

  // Runs what the platform answered since the last frame.
  void between_frames();
  void later(std::function<void()> task) { later_.push_back(std::move(task)); }

  bool online() const override { return true; }
  shell::FontAtlas& fonts() override { return fonts_; }
  void request_frames(int) override {}
  void note_activity() override {}
  double now_ms() override;
  app::ClockPort& clock() override { return clock_; }
  app::RandomPort& random() override { return random_; }

  shell::ShellStore& store() override { return store_; }
  std::size_t store_size() const { return store_.stored(); }
  const std::deque<std::string>& own() const { return store_.own(); }
  bool left_demo() const { return store_.left_demo(); }
  const shell::StorageStatus& storage_status() const override { return storage_status_; }
  void probe_storage() override;
  bool pref(const char* key, std::string* value) override;
  void set_pref(const char* key, const std::string& value) override { prefs_[key] = value; }
  // The browser deletes its databases and reloads; a test makes a new tablet.
  void wipe_device() override {
    prefs_.clear();
    prefs_["device_wiped"] = "1";
    ++wipes_;
  }
  int wipes() const { return wipes_; }

  void interactive() override { interactive_ = true; }
  void apply_update() override {}
  void print_html(const std::string& html) override { printed_.push_back(html); }
  void download_file(const std::string& name, const std::string&) override { downloads_.push_back(name); }
  void pick_file(std::function<void(bool ok, std::string bytes)> done) override;

  void set_active_field_rect(ImVec2, ImVec2, bool) override {}
  const std::string& composition() const override { return composition_; }

  void http_send(const std::string& method, const std::string& url, const std::string& body, const std::string& token,
                 HttpDone done, int timeout_ms = 30000) override;
  std::string page_origin() override { return "http://127.0.0.1:8080"; }

  void pick_photo(std::function<void(bool ok, std::string jpeg)> done) override;
  void put_blob(const std::string& sha256, const std::string& bytes, bool owed,
                std::function<void(bool ok, std::string message)> done) override;
  void list_uploads(std::function<void(std::vector<std::string> names)> done) override;
  void read_blob(const std::string& sha256, std::function<void(bool found, std::string bytes)> done) override;
  void mark_uploaded(const std::string&) override {}
  unsigned create_texture() override { return ++textures_; }
  void delete_texture(unsigned) override {}
  void load_thumbnail(const std::string& sha256, int side, unsigned texture, std::function<void(int w, int h)> done) override;

  bool is_interactive() const { return interactive_; }
  int more_font_loads() const { return more_font_loads_; }
  fakes::Clock& fake_clock() { return clock_; }

 private:
  shell::FontAtlas fonts_;
  int more_font_loads_ = 0;  // times the font's second file was handed over
  fakes::Clock clock_;
  fakes::Random random_{7};
  FakeStore store_{*this};
  shell::StorageStatus storage_status_;
  std::map<std::string, std::string> prefs_;
  int wipes_ = 0;  // wipe_device() calls
  std::vector<std::function<void()>> later_;
  std::vector<std::string> printed_, downloads_;
  std::string composition_;
  unsigned textures_ = 0;
  bool interactive_ = false;
};

}  // namespace screens_test
