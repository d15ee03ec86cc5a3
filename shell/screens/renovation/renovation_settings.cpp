// Settings · 按章处罚: the lost-pass penalty (000:487 "对丢失《出入证》的应按章处罚"
// names no amount) and whether it comes out of the 装修保证金. Everyone sees
// what is in force ("未设定" until the office sets an amount); a head butler
// or the manager edits and saves once. The Session refuses anyone else and
// an amount out of range; this card only draws and collects.
#include <cstdio>

#include "app/core/money.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/renovation/renovation_rules.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/renovation/renovation_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace reno = app::renovation;

namespace shell {

void draw_renovation_settings(ScreenContext& ctx) {
  RenovationUi& st = ctx.state.renovation;
  const bool lead = ctx.session.estate().lead_signed_in() && !ctx.session.read_only();
  if (!lead) st.penalty_editing = false;
  const reno::Settings& now = ctx.session.renovation().renovation_settings();
  widgets::begin_card("settings_renovation_penalty");
  ImGui::TextUnformatted(tr(S::reno_settings_title));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::reno_settings_penalty));
  ImGui::PopTextWrapPos();
  if (!st.penalty_editing) {
    const std::string amount = now.penalty_set() ? "¥" + reno_yuan(now.lost_pass_penalty_cents) : std::string(tr(S::reno_settings_unset));
    const std::string line = amount + " · " + tr(now.penalty_from_deposit ? S::reno_settings_from_deposit : S::reno_settings_apart);
    widgets::data_text(line, now.penalty_set() ? colors::text : colors::warn);
    automation().record_last_item("renovation_penalty_now", line.c_str(), "label");
    if (lead && widgets::button("renovation_penalty_edit", tr(S::deadlines_edit), 0)) {
      st.penalty_editing = true;
      st.penalty_yuan = now.penalty_set() ? reno_yuan(now.lost_pass_penalty_cents) : std::string();
      st.penalty_from = now.penalty_from_deposit ? 0 : 1;
      st.penalty_message.clear();
    }
  } else {
    widgets::number_field("renovation_penalty_yuan", tr(S::reno_settings_unset), &st.penalty_yuan);
    const char* from[] = {tr(S::reno_settings_from_deposit), tr(S::reno_settings_apart)};
    widgets::choices("renovation_penalty_from", from, 2, &st.penalty_from);
    if (widgets::button("renovation_penalty_save", tr(S::reno_settings_save), 0, widgets::Tone::primary)) {
      // An empty amount: not set (the manuals give none).
      const std::optional<std::int64_t> cents = st.penalty_yuan.empty() ? std::optional<std::int64_t>(reno::kPenaltyNotSet)
                                                                        : app::parse_yuan(st.penalty_yuan);
      if (!cents) {
        st.penalty_message = tr(S::reno_not_amount);
      } else {
        const app::Status saved = ctx.session.renovation().save_renovation_settings({*cents, st.penalty_from == 0});
        st.penalty_message = saved.ok() ? tr(S::deadlines_saved) : saved.error().message;
        if (saved.ok()) st.penalty_editing = false;
      }
    }
    ImGui::SameLine();
    if (widgets::button("renovation_penalty_cancel", tr(S::unit_cancel), 0)) st.penalty_editing = false;
  }
  if (!st.penalty_message.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(st.penalty_message.c_str());
    ImGui::PopTextWrapPos();
    automation().record_last_item("renovation_penalty_message", st.penalty_message.c_str(), "label");
  }
  widgets::end_card();
}

}  // namespace shell
