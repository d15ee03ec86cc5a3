#pragma once
// The server's answer to an office file uploaded from a lead's tablet
// (POST /api/v1/import/{kind}, app/server/office_import.hpp), in the words
// the set-up screen shows: what was (or would be) added and changed, or
// every bad line, and the PINs of new staff, shown once.
#include <string>
#include <string_view>
#include <vector>

namespace app::sync {

struct ImportReply {
  bool ok = false;
  bool dry_run = false;
  std::string summary;             // "住户 · 新增 3 · 更新 1 · 未变 40", or the refusal's first line
  std::vector<std::string> lines;  // the changes, or the bad lines
  std::vector<std::string> logins; // "GJ001 王管家 PIN 135790"
};

// `status` 0: no answer (offline); `body` is then the reason.
ImportReply parse_import_reply(int status, std::string_view body);

}  // namespace app::sync
