#pragma once
// The mail screens (mail/): the register and the Today alert (mail_register.cpp),
// the sign-in sheet (mail_form.cpp), an item's page and the hand-over sheet (mail_item.cpp).
#include <string>

#include "app/mail/mail_data.hpp"
#include "shell/screens/screens.hpp"

namespace shell {

void draw_mail_register(ScreenContext& ctx);
void draw_mail_today(ScreenContext& ctx);
void open_mail_form(MailUi& st);
void draw_mail_form(ScreenContext& ctx);
void open_mail_item(ShellState& st, const app::Id& item);
void draw_mail_item(ScreenContext& ctx, const app::MailItem& m);
void draw_mail_settings(ScreenContext& ctx);
// "包裹 · 3栋 2单元 1502 · SF123": how a row names an item.
std::string mail_title(const app::Session& s, const app::MailItem& m);
void mail_banner(const char* id, const std::string& message);

}  // namespace shell
