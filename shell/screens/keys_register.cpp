// The key cabinet (钥匙管理): the keys out, who has them and when they are due
// back, overdue ones first. (The full register — loans, returns, lost keys,
// history — is drawn here as it grows.)
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

void draw_keys_register(ScreenContext& ctx) {
  int index = 0;
  for (const app::KeyOut& k : ctx.session.keys_out()) {
    char id[32];
    std::snprintf(id, sizeof id, "key_out:%d", index++);
    const std::string who = ctx.session.key_holder_name(k);
    const std::string due = countdown_text(k.due_ms, ctx.session.lateness_now_ms());
    widgets::list_row(id, k.key->label.c_str(), who.c_str(), due.c_str(), k.overdue ? colors::danger : colors::primary);
  }
}

void draw_keys_today(ScreenContext&) {}

}  // namespace shell
