// Shared pieces of the key screens (keys_common.hpp).
#include "shell/screens/keys/keys_common.hpp"

#include <algorithm>
#include <cstdio>

#include "app/session/session.hpp"
#include "shell/screens/keys/keys_screens.hpp"
#include "shell/screens/keys/keys_state.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace kk = app::keys;

namespace shell::keys_ui {

Shown shown_status(const app::Session& s, const app::KeyRecord& k) {
  if (k.status == kk::KeyStatus::lost) return Shown::lost;
  if (k.status == kk::KeyStatus::in) return Shown::in;
  const app::Loan* l = s.keys().loan(k.loan);
  return l && s.keys().loan_overdue(*l) ? Shown::overdue : Shown::out;
}

const char* status_word(Shown st) {
  switch (st) {
    case Shown::in: return tr(S::key_status_in);
    case Shown::out: return tr(S::key_status_out);
    case Shown::overdue: return tr(S::key_loan_overdue);
    case Shown::lost: return tr(S::key_status_lost);
  }
  return "";
}

ImU32 status_color(Shown st) {
  switch (st) {
    case Shown::in: return colors::ok;
    case Shown::out: return colors::primary;
    case Shown::overdue: return colors::danger;
    case Shown::lost: return colors::warn;
  }
  return colors::muted;
}

const char* set_word(const app::KeyRecord& k) {
  if (k.kind == kk::KeyKind::unit) return "";
  return tr(k.custody == kk::Custody::engineering ? S::key_custody_engineering : S::key_custody_backup);
}

std::string holder_line(const app::Session& s, const app::KeyRecord& k) {
  const app::Loan* l = s.keys().loan(k.loan);
  if (k.status != kk::KeyStatus::out || !l) return {};
  const std::string who = s.keys().key_holder_name({&k, l, k.holder, s.keys().loan_due(*l), false});
  char line[256];
  std::snprintf(line, sizeof line, tr(S::key_holder_line), who.c_str(), short_time(s.local(l->out_ms)).c_str(), due_text(s, s.keys().loan_due(*l)).c_str());
  return line;
}

std::string due_text(const app::Session& s, std::int64_t due_ms) {
  // The end of a day reads as that day's 24:00 (当天归还), not the next day's 00:00.
  if (s.local(due_ms).minute != 0) return short_time(s.local(due_ms));
  const app::LocalTime day = s.local(due_ms - 60000);
  char text[32];
  std::snprintf(text, sizeof text, "%02d-%02d 24:00", static_cast<int>(day.day / 100 % 100), static_cast<int>(day.day % 100));
  return text;
}

std::string history_text(const app::Session& s, const app::KeyHistoryLine& h, bool with_key) {
  std::string out = short_time(s.local(h.at_ms)) + " ";
  if (with_key && h.key) out += h.key->label + " · ";
  char what[256] = "";
  switch (h.kind) {
    case app::KeyHistoryKind::lent:
      std::snprintf(what, sizeof what, tr(S::key_hist_lent), h.loan ? s.keys().borrower_name(*h.loan).c_str() : "");
      break;
    case app::KeyHistoryKind::returned:
      std::snprintf(what, sizeof what, tr(S::key_hist_returned), s.estate().staff_name(h.by).c_str());
      break;
    case app::KeyHistoryKind::handed_over:
      std::snprintf(what, sizeof what, tr(S::key_hist_handed), s.estate().staff_name(h.from).c_str(), s.estate().staff_name(h.to).c_str());
      break;
    case app::KeyHistoryKind::lost: std::snprintf(what, sizeof what, "%s", tr(S::key_hist_lost)); break;
    case app::KeyHistoryKind::note: std::snprintf(what, sizeof what, "%s", tr(S::key_follow_note)); break;
    case app::KeyHistoryKind::found: std::snprintf(what, sizeof what, "%s", tr(S::key_follow_found)); break;
    case app::KeyHistoryKind::replaced: std::snprintf(what, sizeof what, "%s", tr(S::key_follow_replaced)); break;
  }
  out += what;
  if (!h.note.empty()) out += (h.kind == app::KeyHistoryKind::lent ? std::string(" · ") + tr(S::key_reason_prefix) : std::string(" · ")) + h.note;
  if (h.kind != app::KeyHistoryKind::handed_over && h.kind != app::KeyHistoryKind::returned && !h.by.is_nil()) {
    out += " · " + std::string(tr(S::key_hist_by)) + s.estate().staff_name(h.by);
  }
  if (h.refused) out += std::string(" · ") + tr(S::key_hist_refused);
  return out;
}

void history_list(const app::Session& s, const std::vector<app::KeyHistoryLine>& lines, const char* prefix, bool with_key) {
  if (lines.empty()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::key_hist_none));
    return;
  }
  // Long notes wrap at the sheet's edge rather than run off it.
  ImGui::PushTextWrapPos(0.0f);
  int n = 0;
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    const std::string text = history_text(s, *it, with_key);
    widgets::data_text(text, it->refused ? colors::danger : colors::text);
    char id[48];
    std::snprintf(id, sizeof id, "%s:%d", prefix, n++);
    automation().record_last_item(id, text.c_str(), "label");
  }
  ImGui::PopTextWrapPos();
}

std::int64_t end_of_today(const app::Session& s) {
  const std::int64_t now = s.now_ms();
  const app::LocalTime t = s.local(now);
  return now - static_cast<std::int64_t>(t.minute) * 60000 - ((now % 60000) + 60000) % 60000 + 24 * 3600000ll;
}

void label(S key) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(key)); }

void banner(const char* id, const std::string& message) {
  if (message.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(message, colors::danger);
  ImGui::PopTextWrapPos();
  automation().record_last_item(id, message.c_str(), "banner");
}

void open_key(KeysUi& st, const app::Id& key) {
  st.open_key = key;
  st.key_form = 0;
  st.key_note.clear();
  st.key_message.clear();
}

bool picked(const KeysUi& st, const app::Id& key) {
  return std::find(st.picked.begin(), st.picked.end(), key) != st.picked.end();
}

}  // namespace shell::keys_ui
