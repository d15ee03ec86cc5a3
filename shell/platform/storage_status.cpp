#include "shell/platform/storage_status.hpp"

#include <emscripten/emscripten.h>

#include "shell/platform/browser_events.hpp"

extern "C" {
void butler_storage_probe();
void butler_claim_writer();
}

namespace shell {
namespace {
StorageStatus g_status;
}  // namespace

const StorageStatus& storage_status() { return g_status; }

void probe_storage() {
  butler_storage_probe();
  butler_claim_writer();
}

}  // namespace shell

extern "C" {
EMSCRIPTEN_KEEPALIVE void butler_on_storage(double usage, double quota, int persisted) {
  auto& s = shell::g_status;
  s.estimate_known = usage >= 0 && quota > 0;
  s.usage_bytes = usage;
  s.quota_bytes = quota;
  s.persisted = persisted != 0;
  shell::note_activity();
}
EMSCRIPTEN_KEEPALIVE void butler_on_writer(int writer) {
  shell::g_status.writer_known = true;
  shell::g_status.writer = writer != 0;
  shell::note_activity();
}
}
