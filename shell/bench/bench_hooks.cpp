// scripts/bench store: commits driven from the page, one after another, each
// timed from the command to the storage's "transaction complete". Bench only:
// nothing in the app calls these, and the page calls them only in a benchmark.
#include <emscripten/emscripten.h>

#include <string>
#include <vector>

#include "app/session/session.hpp"
#include "shell/bench/bench_hooks.hpp"
#include "shell/platform/browser_store.hpp"

namespace shell {
namespace {

struct CommitBench {
  app::Session* session = nullptr;
  int remaining = 0;
  double started_ms = 0;
  std::vector<double> latencies_ms;
};
CommitBench g_bench;

void issue_next() {
  if (g_bench.remaining <= 0 || !g_bench.session) return;
  --g_bench.remaining;
  const auto& rows = g_bench.session->estate().unit_rows();
  // A butler's edit: model units are a lead's to change, and a renovating
  // unit's status follows its application, so both are passed over.
  auto editable = [](const app::UnitRow& r) { return r.status != app::UnitStatus::model && r.status != app::UnitStatus::renovating; };
  std::size_t at = static_cast<std::size_t>(g_bench.remaining) % rows.size();
  for (std::size_t tries = 0; tries < rows.size() && !editable(rows[at]); ++tries) at = (at + 1) % rows.size();
  const auto& row = rows[at];
  const auto status = row.status == app::UnitStatus::vacant ? app::UnitStatus::occupied : app::UnitStatus::vacant;
  g_bench.started_ms = emscripten_get_now();
  if (!g_bench.session->estate().set_unit_status(row.id, status).ok()) g_bench.remaining = 0;
}

}  // namespace

void install_bench_hooks(app::Session* session) {
  g_bench.session = session;
  browser_store().set_commit_observer([](bool ok) {
    if (g_bench.remaining < 0) return;
    if (g_bench.started_ms > 0) g_bench.latencies_ms.push_back(ok ? emscripten_get_now() - g_bench.started_ms : -1);
    g_bench.started_ms = 0;
    issue_next();
  });
}

}  // namespace shell

extern "C" {
EMSCRIPTEN_KEEPALIVE void butler_bench_commits(int n) {
  shell::g_bench.latencies_ms.clear();
  shell::g_bench.remaining = n;
  shell::issue_next();
}
// The latencies so far, as a JSON array of milliseconds.
EMSCRIPTEN_KEEPALIVE const char* butler_bench_results() {
  static std::string json;
  json = "[";
  for (std::size_t i = 0; i < shell::g_bench.latencies_ms.size(); ++i) {
    if (i) json += ',';
    json += std::to_string(shell::g_bench.latencies_ms[i]);
  }
  json += "]";
  return json.c_str();
}
EMSCRIPTEN_KEEPALIVE double butler_heap_bytes() { return static_cast<double>(EM_ASM_DOUBLE({ return HEAP8.length; })); }
}
