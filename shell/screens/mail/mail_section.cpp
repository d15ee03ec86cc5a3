// Mail and parcels in the shell's sections: a tab under 台账, the calls due
// on Today (001: two days uncollected), and its summary for the tests' hook.
#include <string>

#include "app/session/session.hpp"
#include "shell/screens/mail/mail_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

namespace shell {
namespace {

// The unit's record: the mail waiting for it at the front desk.
void unit_line(ScreenContext& ctx, const app::Id& unit) {
  const int waiting = ctx.session.mail().waiting_at(unit);
  if (waiting <= 0) return;
  char line[96];
  app::i18n::format_to(line, sizeof line, app::i18n::S::mail_unit_waiting, waiting);
  widgets::data_text(line, colors::warn);
  automation().record_last_item("unit_mail_waiting", line, "label");
}

void write_state(const app::Session& session, const ShellState& state, std::string& out) {
  const MailUi& st = state.mail;
  const app::MailService& mail = session.mail();
  out += "\"waiting\":" + std::to_string(mail.waiting().size()) + ",\"calls_due\":" + std::to_string(mail.calls_due().size()) +
         ",\"returns_due\":" + std::to_string(mail.returns_due().size()) + ",\"conflicts\":" + std::to_string(mail.conflicts().size()) +
         ",\"item\":\"" + state_id(st.item) + "\",\"form_open\":" + (st.form_open ? "true" : "false") +
         ",\"collect_open\":" + (st.collect_open ? "true" : "false") + ",\"return_days\":" + std::to_string(mail.return_days());
  if (const app::MailItem* m = !st.item.is_nil() ? mail.item(st.item) : nullptr) {
    out += ",\"state\":" + std::to_string(static_cast<int>(m->state)) + ",\"notices\":" + std::to_string(m->notices.size());
  }
}

}  // namespace

Section mail_section() {
  return {.key = "mail", .title = app::i18n::S::reg_section_mail, .draw_register = draw_mail_register,
          .draw_today_alert = draw_mail_today, .alert_rank = 4, .draw_unit_record = unit_line, .write_state = write_state};
}

}  // namespace shell
