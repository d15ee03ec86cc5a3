#pragma once
// What the key screens share: a key's status in words and colour (overdue in
// red everywhere), history lines, the end of today, and the small pieces of
// layout (a muted label, a refusal banner) they all draw.
#include <cstdint>
#include <string>
#include <vector>

#include "app/core/id.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/keys/keys_api.hpp"
#include "imgui.h"

namespace app { class Session; }

namespace shell {

struct KeysUi;

namespace keys_ui {

enum class Shown { in, out, overdue, lost };
Shown shown_status(const app::Session& s, const app::KeyRecord& k);
const char* status_word(Shown st);
ImU32 status_color(Shown st);

// "工程部" / "客服中心备用" for a public key, "" for a unit key.
const char* set_word(const app::KeyRecord& k);
// Who holds an out key now and since when: "王芳 · 12-01 09:30 借出 · 应还 12-01 24:00".
std::string holder_line(const app::Session& s, const app::KeyRecord& k);
// A due time: "12-01 18:00", the end of a day as "12-01 24:00".
std::string due_text(const app::Session& s, std::int64_t due_ms);
// One history line: "12-01 09:30 借出给 李建国（施工单位） · 事由：…"; with the key's label first when asked.
std::string history_text(const app::Session& s, const app::KeyHistoryLine& h, bool with_key);
// The lines newest first, as rows "PREFIX:N" to read; red when refused (a conflict).
void history_list(const app::Session& s, const std::vector<app::KeyHistoryLine>& lines, const char* prefix, bool with_key);

std::int64_t end_of_today(const app::Session& s);

void label(app::i18n::S key);
void banner(const char* id, const std::string& message);  // a refusal, in red, recorded to read
void open_key(KeysUi& st, const app::Id& key);
bool picked(const KeysUi& st, const app::Id& key);

}  // namespace keys_ui
}  // namespace shell
