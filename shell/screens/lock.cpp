// The tablet lock (issue 20, README "Tablet lock"): covers the app while the
// device's own data is locked. Three modes:
//  - unlock: whose tablet this is now (one button per person with a tablet
//    PIN here) and a PIN pad; the actor of what follows is whoever unlocked;
//  - set_pin: right after a person's online sign-in, they choose a 6-digit
//    tablet PIN (typed twice, never the server PIN);
//  - sign_in: the enrolment form, when no PIN can open the data any more
//    (too many wrong ones), when another person signs in, or on a tablet
//    enrolled before the lock existed.
// The demo's database is never locked: its data is fake.
#include <string>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/host/host.hpp"
#include "shell/screens/screens.hpp"
#include "shell/sync/sync_driver.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

constexpr std::size_t kPinDigits = 6;
constexpr int kMaxFailures = 5;  // web/lock_lib.js MAX_FAILS

enum class LockMode { none, unlock, set_pin, sign_in };

LockMode mode_of(ScreenContext& ctx) {
  ShellStore& store = ctx.host.store();
  if (store.demo()) return LockMode::none;
  if (ctx.sync.pin_needed()) return LockMode::set_pin;
  if (ctx.sync.token_lost()) return LockMode::sign_in;
  if (store.lock() == ShellStore::Lock::locked) {
    return store.persons().empty() || ctx.state.lock.signing_in ? LockMode::sign_in : LockMode::unlock;
  }
  // Enrolled before the lock existed: the data is plain until a PIN is set,
  // which takes a sign-in (the recovery key comes with it).
  if (store.lock() == ShellStore::Lock::open && ctx.sync.enrolled() && store.phase() == ShellStore::Phase::loaded) {
    return LockMode::sign_in;
  }
  return LockMode::none;
}

void muted_wrapped(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

// A filled circle for each digit typed, a ring for the rest (drawn: the
// font holds only the catalogue's characters).
void draw_dots(const std::string& digits) {
  const float r = ui().css(9), step = ui().css(32);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (std::size_t i = 0; i < kPinDigits; ++i) {
    const ImVec2 c(at.x + r + step * static_cast<float>(i), at.y + ui().css(16));
    if (i < digits.size()) draw->AddCircleFilled(c, r, colors::primary);
    else draw->AddCircle(c, r, colors::muted, 0, ui().css(2));
  }
  ImGui::Dummy(ImVec2(step * kPinDigits, ui().css(32)));
  automation().record_last_item("pin_dots", std::to_string(digits.size()).c_str(), "label");
}

// Big keys, three to a row: 1-9, then Delete and 0. True when a sixth digit
// completes the PIN.
bool draw_pad(LockUi& lock, float width) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float key = (width - 2 * gap) / 3;
  static const char* kKeys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "<"};
  bool complete = false;
  for (int i = 0; i < 12; ++i) {
    if (i % 3) ImGui::SameLine();
    const std::string id = std::string("pin_") + (i == 11 ? "delete" : kKeys[i]);
    if (i == 9) {
      ImGui::Dummy(ImVec2(key, ui().touch()));
      continue;
    }
    const char* label = i == 11 ? tr(S::pin_delete) : kKeys[i];
    if (!widgets::button(id.c_str(), label, key, widgets::Tone::normal, !lock.working)) continue;
    if (i == 11) {
      if (!lock.digits.empty()) lock.digits.pop_back();
    } else if (lock.digits.size() < kPinDigits) {
      lock.digits += kKeys[i];
      complete = lock.digits.size() == kPinDigits;
    }
    lock.message.clear();
  }
  return complete;
}

void show_message(const LockUi& lock) {
  if (lock.message.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, colors::danger);
  ImGui::TextWrapped("%s", lock.message.c_str());
  ImGui::PopStyleColor();
  automation().record_last_item("lock_message", lock.message.c_str(), "banner");
}

void unlock_mode(ScreenContext& ctx, float width) {
  LockUi& lock = ctx.state.lock;
  ShellStore& store = ctx.host.store();
  const std::vector<TabletPerson>& persons = store.persons();
  if (lock.person >= persons.size()) lock.person = 0;
  widgets::heading(tr(S::lock_title));
  // Switching person: whoever unlocks is the actor of what follows.
  if (persons.size() > 1) {
    for (std::size_t i = 0; i < persons.size(); ++i) {
      const std::string id = "lock_person_" + persons[i].code;
      const bool chosen = i == lock.person;
      if (widgets::button(id.c_str(), persons[i].code.c_str(), 0, chosen ? widgets::Tone::primary : widgets::Tone::normal)) {
        lock.person = i;
        lock.digits.clear();
      }
      if (i + 1 < persons.size()) ImGui::SameLine();
    }
  }
  const TabletPerson& person = persons[lock.person];
  char line[160];
  std::snprintf(line, sizeof line, tr(S::lock_enter_pin), person.code.c_str());
  ImGui::TextWrapped("%s", line);
  automation().record_last_item("lock_prompt", line, "label");
  draw_dots(lock.digits);
  if (draw_pad(lock, width)) {
    lock.working = true;
    const std::string staff = person.staff;
    LockUi* ui_state = &lock;
    SyncDriver* sync = &ctx.sync;
    ShellStore* s = &store;
    store.unlock(staff, lock.digits, [ui_state, sync, s, staff](bool ok, const std::string& message) {
      ui_state->working = false;
      ui_state->digits.clear();
      if (ok) {
        app::Id id;
        if (app::Id::from_hex(staff, &id)) sync->set_person(id);
        ui_state->message.clear();
        return;
      }
      if (message != "wrong") {
        ui_state->message = message;
        return;
      }
      char words[160];
      app::i18n::format_to(words, sizeof words, S::lock_wrong_pin, kMaxFailures - s->pin_failures());
      ui_state->message = s->pin_failures() >= kMaxFailures ? tr(S::lock_locked_out) : words;
    });
  }
  if (lock.working) muted_wrapped(tr(S::lock_checking));
  show_message(lock);
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  if (widgets::button("lock_add_person", tr(S::lock_add_person), width)) {
    lock.signing_in = true;
    lock.message.clear();
    lock.digits.clear();
  }
}

void set_pin_mode(ScreenContext& ctx, float width) {
  LockUi& lock = ctx.state.lock;
  widgets::heading(tr(S::pin_set_title));
  muted_wrapped(tr(S::pin_set_explain));
  const char* prompt = lock.first.empty() ? tr(S::pin_set_title) : tr(S::pin_confirm);
  ImGui::TextWrapped("%s", prompt);
  automation().record_last_item("lock_prompt", prompt, "label");
  draw_dots(lock.digits);
  if (draw_pad(lock, width)) {
    if (lock.first.empty()) {
      // Not the server PIN: a tablet PIN seen over a shoulder must not sign in.
      if (lock.digits == ctx.state.sync_pin) lock.message = tr(S::pin_same_as_server);
      else lock.first = lock.digits;
      lock.digits.clear();
    } else if (lock.digits != lock.first) {
      lock.message = tr(S::pin_mismatch);
      lock.first.clear();
      lock.digits.clear();
    } else {
      const app::sync::Enrollment& e = *ctx.sync.enrollment();
      const TabletPerson person{e.staff.to_hex(), e.staff_code, e.community_name};
      lock.working = true;
      LockUi* ui_state = &lock;
      ShellState* state = &ctx.state;
      SyncDriver* sync = &ctx.sync;
      const app::Id staff = e.staff;
      ctx.host.store().set_tablet_pin(person, lock.digits, e.recovery_key,
                                      [ui_state, state, sync, staff](bool ok, const std::string& message) {
        ui_state->working = false;
        ui_state->digits.clear();
        ui_state->first.clear();
        // The recovery key leaves memory either way; a refusal means this
        // sign-in cannot open the data, so the way on is another sign-in.
        sync->pin_set();
        state->sync_pin.clear();
        state->sync_code.clear();
        if (ok) {
          ui_state->signing_in = false;
          ui_state->message.clear();
          sync->set_person(staff);
          return;
        }
        ui_state->message = message == "recovery" ? tr(S::pin_recovery_refused) : tr(S::pin_set_failed) + message;
      });
    }
  }
  if (lock.working) muted_wrapped(tr(S::pin_saving));
  show_message(lock);
}

void sign_in_mode(ScreenContext& ctx, float width) {
  LockUi& lock = ctx.state.lock;
  ShellStore& store = ctx.host.store();
  const bool locked_out = store.lock() == ShellStore::Lock::locked && store.persons().empty();
  widgets::heading(tr(locked_out ? S::lock_title : S::sync_enroll_title));
  if (locked_out) muted_wrapped(tr(S::lock_locked_out));
  else if (store.lock() == ShellStore::Lock::open) muted_wrapped(tr(S::lock_resign_needed));
  else if (ctx.sync.token_lost()) muted_wrapped(tr(S::lock_token_lost));
  automation().record_last_item("lock_sign_in_reason", locked_out ? "locked_out" : ctx.sync.token_lost() ? "token_lost" : "sign_in",
                                "label");
  if (lock.message != tr(S::lock_locked_out)) show_message(lock);  // said just above otherwise
  draw_enroll_form(ctx);
  if (lock.signing_in && !store.persons().empty() && widgets::button("lock_back", tr(S::lock_back), width)) {
    lock.signing_in = false;
  }
}

}  // namespace

bool lock_covers(ScreenContext& ctx) { return mode_of(ctx) != LockMode::none; }

const char* lock_mode_name(ScreenContext& ctx) {
  switch (mode_of(ctx)) {
    case LockMode::none: return "none";
    case LockMode::unlock: return "unlock";
    case LockMode::set_pin: return "set_pin";
    case LockMode::sign_in: return "sign_in";
  }
  return "?";
}

void draw_lock(ScreenContext& ctx) {
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width = avail < ui().css(420) ? avail : ui().css(420);
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + (avail - width) * 0.5f, ImGui::GetCursorPosY() + ui().css(ui().portrait ? 48 : 24)));
  ImGui::BeginGroup();
  ImGui::PushItemWidth(width);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  switch (mode_of(ctx)) {
    case LockMode::unlock: unlock_mode(ctx, width); break;
    case LockMode::set_pin: set_pin_mode(ctx, width); break;
    case LockMode::sign_in: sign_in_mode(ctx, width); break;
    case LockMode::none: break;
  }
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  ImGui::EndGroup();
}

}  // namespace shell
