#include "tests/screens/fake_host.hpp"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

#include "app/session/session.hpp"

namespace screens_test {

void FakeStore::append(std::uint64_t batch, const std::vector<std::string>& records) {
  // Durable at once, acknowledged at the next frame: the shell shows 保存中… for a frame.
  for (const std::string& r : records) durable_->push_back(r);
  host_.later([this, batch] {
    if (session_) session_->on_commit(batch, true, "");
  });
}

void FakeStore::read_whole_log(WholeLogDone done) {
  reading_ = true;
  host_.later([this, done = std::move(done)] {
    reading_ = false;
    std::vector<std::string_view> records(durable_->begin(), durable_->end());
    done(true, records, nullptr, "");
  });
}

void FakeStore::enter_demo(DemoDone done) {
  host_.later([this, done = std::move(done)] {
    demo_.clear();
    durable_ = &demo_;
    done(true, "");
  });
}

void FakeStore::leave_demo(bool wipe_own) {
  // The browser reloads into the own database; a test makes a new tablet.
  if (wipe_own) own_.clear();
  durable_ = &own_;
  left_demo_ = true;
}

FakeHost::FakeHost() {
  // A Thursday morning in the demo's estate, 10:00 Beijing time: rounds due,
  // tickets and keys late from the demo's past, every Today card showing.
  clock_.now = 1796263200000;  // 2026-12-03 02:00 UTC
}

void FakeHost::between_frames() {
  // The font's second file, as the browser fetches it: the first time a
  // character outside the first file's set is met.
  if (fonts_.wants_more()) {
    std::ifstream in(BUTLER_TEST_FONT_MORE, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto* data = static_cast<unsigned char*>(std::malloc(bytes.size()));
    std::memcpy(data, bytes.data(), bytes.size());
    fonts_.add_more(data, static_cast<int>(bytes.size()));
    more_font_loads_++;
  }
  // Answers may queue more answers: those wait for the next frame.
  std::vector<std::function<void()>> now;
  now.swap(later_);
  for (auto& task : now) task();
}

double FakeHost::now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void FakeHost::probe_storage() {
  later([this] {
    storage_status_.estimate_known = true;
    storage_status_.usage_bytes = 3.5 * 1048576;
    storage_status_.quota_bytes = 2048.0 * 1048576;
    storage_status_.persisted = true;
    storage_status_.writer_known = true;
    storage_status_.writer = true;
  });
}

bool FakeHost::pref(const char* key, std::string* value) {
  auto it = prefs_.find(key);
  if (it == prefs_.end()) return false;
  *value = it->second;
  return true;
}

void FakeHost::pick_file(std::function<void(bool, std::string)> done) {
  later([done = std::move(done)] { done(false, {}); });
}

void FakeHost::http_send(const std::string&, const std::string&, const std::string&, const std::string&, HttpDone done, int) {
  later([done = std::move(done)] { done(0, "no network in the native screen tests"); });
}

void FakeHost::pick_photo(std::function<void(bool, std::string)> done) {
  later([done = std::move(done)] { done(false, {}); });
}

void FakeHost::put_blob(const std::string&, const std::string&, bool, std::function<void(bool, std::string)> done) {
  later([done = std::move(done)] { done(false, "no photo store in the native screen tests"); });
}

void FakeHost::list_uploads(std::function<void(std::vector<std::string>)> done) {
  later([done = std::move(done)] { done({}); });
}

void FakeHost::read_blob(const std::string&, std::function<void(bool, std::string)> done) {
  later([done = std::move(done)] { done(false, {}); });
}

void FakeHost::load_thumbnail(const std::string&, int, unsigned, std::function<void(int, int)> done) {
  later([done = std::move(done)] { done(0, 0); });
}

}  // namespace screens_test
