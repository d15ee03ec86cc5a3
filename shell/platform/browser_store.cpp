#include "shell/platform/browser_store.hpp"

#include <emscripten/emscripten.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

#include "app/session/session.hpp"
#include "shell/platform/browser_events.hpp"

extern "C" {
void butler_store_open();
void butler_store_append(double batch, const unsigned char* bytes, int len);
}

namespace shell {

BrowserStore& browser_store() {
  static BrowserStore store;
  return store;
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

void BrowserStore::on_records(unsigned char* buffer, int size, int count) {
  std::free(buffer_);
  records_.clear();
  buffer_ = buffer;
  records_.reserve(static_cast<std::size_t>(count));
  std::size_t at = 0;
  const auto total = static_cast<std::size_t>(size);
  while (at + 4 <= total) {
    const std::uint32_t n = buffer[at] | (buffer[at + 1] << 8) | (buffer[at + 2] << 16) | (static_cast<std::uint32_t>(buffer[at + 3]) << 24);
    at += 4;
    if (n > total - at) {
      // A damaged length: the rest cannot be split into records. Handed on as
      // one record, it fails its checksum and is quarantined, never dropped unseen.
      records_.emplace_back(reinterpret_cast<const char*>(buffer + at), total - at);
      break;
    }
    records_.emplace_back(reinterpret_cast<const char*>(buffer + at), n);
    at += n;
  }
}

std::shared_ptr<const void> BrowserStore::take_arena() {
  std::shared_ptr<const void> arena(buffer_, [](const void* p) { std::free(const_cast<void*>(p)); });
  buffer_ = nullptr;
  return arena;
}

void BrowserStore::on_loaded(bool ok, const char* error) {
  phase_ = ok ? Phase::loaded : Phase::failed;
  open_error_ = error ? error : "";
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
EMSCRIPTEN_KEEPALIVE void butler_store_on_loaded(int ok, const char* error) {
  shell::browser_store().on_loaded(ok != 0, error);
}
EMSCRIPTEN_KEEPALIVE void butler_store_on_commit(double batch, int ok, const char* message) {
  shell::browser_store().on_commit(static_cast<std::uint64_t>(batch), ok != 0, message);
}
}
