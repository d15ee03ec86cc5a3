#include "shell/platform/browser_store.hpp"

#include <emscripten/emscripten.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <cstdlib>

#include "app/session/session.hpp"
#include "app/sync/sync_json.hpp"
#include "shell/platform/browser_events.hpp"

extern "C" {
void butler_store_open();
void butler_store_append(double batch, const unsigned char* bytes, int len);
void butler_store_read_all();
double butler_store_snapshot_begin();
void butler_store_put_snapshot(const int* chunk_ptrs, const int* chunk_sizes, int chunks, double covers, double ops);
void butler_store_enter_demo();
void butler_leave_demo(int wipe_own);
void butler_keys_unlock(const char* staff, const char* pin);
void butler_keys_set_pin(const char* staff, const char* code, const char* name, const char* pin, const char* recovery);
void butler_keys_seal_token(const char* token);
}

namespace shell {

BrowserStore& browser_store() {
  static BrowserStore store;
  return store;
}

int BrowserClock::utc_offset_minutes() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return static_cast<int>(local.tm_gmtoff / 60);
}

std::int64_t BrowserClock::now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::uint64_t BrowserRandom::next_u64() {
  std::uint64_t v = 0;
  getentropy(&v, sizeof v);  // Emscripten maps this to crypto.getRandomValues
  return v;
}

void BrowserStore::open() { butler_store_open(); }

bool BrowserStore::demo() const {
  // Asked every frame: read from the loader once per switch.
  if (demo_cached_ < 0) {
    demo_cached_ = EM_ASM_INT({ return window.butlerLoader && window.butlerLoader.dbName === window.butlerLoader.demoDb ? 1 : 0; });
  }
  return demo_cached_ != 0;
}

void BrowserStore::enter_demo(DemoDone done) {
  if (demo_done_) return;  // already switching
  demo_done_ = std::move(done);
  butler_store_enter_demo();
}

void BrowserStore::on_demo(bool ok, const char* message) {
  DemoDone done = std::move(demo_done_);
  demo_done_ = nullptr;
  demo_cached_ = -1;
  if (done) done(ok, message ? message : "");
  note_activity();
}

void BrowserStore::leave_demo(bool wipe_own) { butler_leave_demo(wipe_own ? 1 : 0); }

void BrowserStore::append(std::uint64_t batch, const std::vector<std::string>& records) {
  // One buffer, each record prefixed by its length: one call, one transaction.
  std::string buffer;
  std::size_t size = 0;
  for (const auto& r : records) size += 4 + r.size();
  buffer.reserve(size);
  for (const auto& r : records) {
    const auto n = static_cast<std::uint32_t>(r.size());
    for (int i = 0; i < 4; ++i) buffer.push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
    buffer += r;
  }
  butler_store_append(static_cast<double>(batch), reinterpret_cast<const unsigned char*>(buffer.data()),
                      static_cast<int>(buffer.size()));
}

namespace {

// Splits a buffer of u32-length-prefixed records into views of it.
std::vector<std::string_view> split_records(const unsigned char* buffer, std::size_t total) {
  std::vector<std::string_view> records;
  std::size_t at = 0;
  while (at + 4 <= total) {
    const std::uint32_t n = buffer[at] | (buffer[at + 1] << 8) | (buffer[at + 2] << 16) | (static_cast<std::uint32_t>(buffer[at + 3]) << 24);
    at += 4;
    if (n > total - at) {
      // A damaged length: the rest cannot be split into records. Handed on as
      // one record, it fails its checksum and is quarantined, never dropped unseen.
      records.emplace_back(reinterpret_cast<const char*>(buffer + at), total - at);
      break;
    }
    records.emplace_back(reinterpret_cast<const char*>(buffer + at), n);
    at += n;
  }
  return records;
}

std::shared_ptr<const void> owning(unsigned char* buffer) {
  return std::shared_ptr<const void>(buffer, [](const void* p) { std::free(const_cast<void*>(p)); });
}

}  // namespace

void BrowserStore::on_records(unsigned char* buffer, int size, int) {
  std::free(buffer_);
  buffer_ = buffer;
  records_ = split_records(buffer, static_cast<std::size_t>(size));
}

void BrowserStore::on_snapshot(unsigned char* buffer, int size) {
  std::free(snapshot_);
  snapshot_ = buffer;
  snapshot_size_ = static_cast<std::size_t>(size);
}

void BrowserStore::drop_snapshot() {
  std::free(snapshot_);
  snapshot_ = nullptr;
  snapshot_size_ = 0;
}

void BrowserStore::read_whole_log(WholeLogDone done) {
  whole_waiting_.push_back(std::move(done));
  if (whole_waiting_.size() == 1) butler_store_read_all();
}

void BrowserStore::on_whole_log(unsigned char* buffer, int size, const char* error) {
  auto waiting = std::move(whole_waiting_);
  whole_waiting_.clear();
  const bool ok = buffer != nullptr && size >= 0;
  const std::vector<std::string_view> records = ok ? split_records(buffer, static_cast<std::size_t>(size)) : std::vector<std::string_view>{};
  std::shared_ptr<const void> arena = ok ? owning(buffer) : nullptr;
  const std::string message = error ? error : "";
  for (auto& done : waiting) done(ok, records, arena, message);
  note_activity();
}

double BrowserStore::snapshot_begin() { return butler_store_snapshot_begin(); }

void BrowserStore::put_snapshot(std::vector<std::string> chunks, double covers, std::uint64_t ops) {
  snapshot_out_ = std::move(chunks);
  std::vector<int> ptrs, sizes;
  for (const std::string& chunk : snapshot_out_) {
    ptrs.push_back(static_cast<int>(reinterpret_cast<std::uintptr_t>(chunk.data())));
    sizes.push_back(static_cast<int>(chunk.size()));
  }
  butler_store_put_snapshot(ptrs.data(), sizes.data(), static_cast<int>(ptrs.size()), covers, static_cast<double>(ops));
}

void BrowserStore::on_snapshot_saved(bool ok, std::uint64_t ops, const char* message) {
  snapshot_out_ = {};  // give the memory back
  if (session_) session_->on_snapshot_saved(ok, ops, message ? message : "");
  note_activity();
}

std::shared_ptr<const void> BrowserStore::take_arena() {
  std::shared_ptr<const void> arena = owning(buffer_);
  buffer_ = nullptr;
  return arena;
}

void BrowserStore::on_loaded(bool ok, const char* error) {
  phase_ = ok ? Phase::loaded : Phase::failed;
  open_error_ = error ? error : "";
  note_activity();
}

namespace {

// [{"staff","code","name"}...] as web/lock_lib.js writes it.
std::vector<TabletPerson> parse_persons(const char* json) {
  std::vector<TabletPerson> out;
  app::Result<app::json::Value> doc = app::json::parse(json ? json : "[]");
  if (!doc.ok() || !doc.value().is_array()) return out;
  auto text = [](const app::json::Value& v, const char* key) {
    const app::json::Value* f = v.get(key);
    return f && f->is_string() ? f->s : std::string();
  };
  for (const app::json::Value& p : doc.value().items) out.push_back({text(p, "staff"), text(p, "code"), text(p, "name")});
  return out;
}

}  // namespace

void BrowserStore::relock() {
  if (lock_ == Lock::unlocked) lock_ = Lock::locked;
}

void BrowserStore::unlock(const std::string& staff, const std::string& pin, KeyDone done) {
  if (key_done_) return;  // one check at a time
  key_done_ = std::move(done);
  butler_keys_unlock(staff.c_str(), pin.c_str());
}

void BrowserStore::set_tablet_pin(const TabletPerson& person, const std::string& pin, const std::string& recovery_hex,
                                  KeyDone done) {
  if (key_done_) return;
  key_done_ = std::move(done);
  butler_keys_set_pin(person.staff.c_str(), person.code.c_str(), person.name.c_str(), pin.c_str(), recovery_hex.c_str());
}

void BrowserStore::on_locked(const char* persons_json, int failures) {
  lock_ = Lock::locked;
  persons_ = parse_persons(persons_json);
  pin_failures_ = failures;
  note_activity();
}

void BrowserStore::seal_token(const std::string& token, std::function<void(bool ok)> done) {
  if (token_done_ || lock_ != Lock::unlocked) {
    done(false);
    return;
  }
  token_done_ = std::move(done);
  butler_keys_seal_token(token.c_str());
}

void BrowserStore::on_token_sealed(bool ok) {
  std::function<void(bool)> done = std::move(token_done_);
  token_done_ = nullptr;
  if (done) done(ok);
  note_activity();
}

void BrowserStore::on_unlock(bool ok, int failures, const char* message, const char* persons_json, const char* token) {
  pin_failures_ = failures;
  if (ok) opened_token_ = token ? token : "";
  persons_ = parse_persons(persons_json);
  if (ok) lock_ = Lock::unlocked;
  KeyDone done = std::move(key_done_);
  key_done_ = nullptr;
  if (done) done(ok, message ? message : "");
  note_activity();
}

void BrowserStore::on_pin_set(bool ok, const char* message, const char* persons_json) {
  persons_ = parse_persons(persons_json);
  if (ok) {
    lock_ = Lock::unlocked;
    pin_failures_ = 0;
  }
  KeyDone done = std::move(key_done_);
  key_done_ = nullptr;
  if (done) done(ok, message ? message : "");
  note_activity();
}

void BrowserStore::on_commit(std::uint64_t batch, bool ok, const char* message) {
  if (session_) session_->on_commit(batch, ok, message ? message : "");
  if (observer_) observer_(ok);
  note_activity();
}

}  // namespace shell

extern "C" {
EMSCRIPTEN_KEEPALIVE void butler_store_on_records(unsigned char* buffer, int size, int count) {
  shell::browser_store().on_records(buffer, size, count);
}
EMSCRIPTEN_KEEPALIVE void butler_store_on_snapshot(unsigned char* buffer, int size) {
  shell::browser_store().on_snapshot(buffer, size);
}
EMSCRIPTEN_KEEPALIVE void butler_store_on_whole_log(unsigned char* buffer, int size, const char* error) {
  shell::browser_store().on_whole_log(buffer, size, error);
}
EMSCRIPTEN_KEEPALIVE void butler_store_on_snapshot_saved(int ok, double ops, const char* message) {
  shell::browser_store().on_snapshot_saved(ok != 0, static_cast<std::uint64_t>(ops), message);
}
EMSCRIPTEN_KEEPALIVE void butler_store_on_demo(int ok, const char* message) {
  shell::browser_store().on_demo(ok != 0, message);
}
EMSCRIPTEN_KEEPALIVE void butler_store_on_loaded(int ok, const char* error) {
  shell::browser_store().on_loaded(ok != 0, error);
}
EMSCRIPTEN_KEEPALIVE void butler_store_on_commit(double batch, int ok, const char* message) {
  shell::browser_store().on_commit(static_cast<std::uint64_t>(batch), ok != 0, message);
}
EMSCRIPTEN_KEEPALIVE void butler_store_on_locked(const char* persons, int failures) {
  shell::browser_store().on_locked(persons, failures);
}
EMSCRIPTEN_KEEPALIVE void butler_keys_on_unlock(int ok, int failures, const char* message, const char* persons,
                                               const char* token) {
  shell::browser_store().on_unlock(ok != 0, failures, message, persons, token);
}
EMSCRIPTEN_KEEPALIVE void butler_keys_on_token_sealed(int ok) { shell::browser_store().on_token_sealed(ok != 0); }
EMSCRIPTEN_KEEPALIVE void butler_keys_on_pin_set(int ok, const char* message, const char* persons) {
  shell::browser_store().on_pin_set(ok != 0, message, persons);
}
}
