// A renovation application's page (物业装修申请表 as it goes through its
// procedure): the unit, owner, contractor, works and planned dates; the
// stage as a progress line; the next stage's card (renovation_steps.cpp);
// the workers' passes; the violation notices with their follow-up
// (renovation_notices.cpp); and the history. Landscape: the application and
// its next step on the left, passes, notices and history on the right.
#include <cstdio>

#include "app/core/phone_mask.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/renovation/renovation_rules.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/screens/renovation/renovation_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace reno = app::renovation;

namespace shell {
namespace {

// In the order the stages follow (renovation::stage_position): the works review before the approval.
constexpr S kShort[] = {S::reno_short_0, S::reno_short_1, S::reno_short_9, S::reno_short_2, S::reno_short_3,
                        S::reno_short_4, S::reno_short_5, S::reno_short_6, S::reno_short_7, S::reno_short_8};

void field(const char* id, S label, const std::string& value) {
  if (value.empty()) return;
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(label));
  ImGui::SameLine(ui().css(ui().portrait ? 96 : 104));
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(value, colors::text);
  ImGui::PopTextWrapPos();
  automation().record_last_item(id, value.c_str(), "label");
}

// The ten stages as one line: done in green, the current one in blue with its name below.
void progress(const app::Renovation& r) {
  const int count = static_cast<int>(std::size(kShort));
  const int at = reno::stage_position(r.stage);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float seg = width / count;
  const float bar = ui().css(6);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize() * 0.8f;
  for (int k = 0; k < count; ++k) {
    const ImU32 c = k < at ? colors::ok : k == at ? colors::primary : IM_COL32(0xd0, 0xd7, 0xde, 0xff);
    const float x0 = origin.x + seg * k + ui().css(1), x1 = origin.x + seg * (k + 1) - ui().css(1);
    dl->AddRectFilled(ImVec2(x0, origin.y), ImVec2(x1, origin.y + bar), c, bar * 0.5f);
    const char* text = tr(kShort[k]);
    const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text);
    dl->AddText(font, size, ImVec2(x0 + (x1 - x0 - ts.x) * 0.5f, origin.y + bar + ui().css(4)),
                k <= at ? colors::text : colors::muted, text);
  }
  ImGui::Dummy(ImVec2(width, bar + ui().css(6) + size));
  const std::string now = tr(reno_stage_label(r.stage));
  char line[160];
  std::snprintf(line, sizeof line, tr(S::reno_stage_now), now.c_str());
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(r.open() ? colors::primary : colors::ok), "%s", line);
  automation().record_last_item("renovation_stage", line, "label");
}

void details(ScreenContext& ctx, const app::Renovation& r) {
  field("renovation_owner", S::reno_owner_label, r.owner);
  // Masked like every phone outside the unit's record (a tablet may be lost).
  field("renovation_contractor", S::reno_contractor_label,
        r.contractor + (r.contractor_phone.empty() ? std::string() : "  " + app::mask_phone(r.contractor_phone)));
  field("renovation_scope", S::reno_scope_label, r.scope);
  if (r.planned_start || r.planned_end) {
    field("renovation_planned", S::reno_planned_label,
          (r.planned_start ? day_label(r.planned_start) : std::string("—")) + " ~ " +
              (r.planned_end ? day_label(r.planned_end) : std::string("—")));
  }
  char applied[200];
  std::snprintf(applied, sizeof applied, tr(S::reno_applied_line), short_time(ctx.session.local(r.applied_ms)).c_str(),
                ctx.session.estate().staff_name(r.applied_by).c_str());
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(applied, colors::muted);
  ImGui::PopTextWrapPos();
}

void history(ScreenContext& ctx, const app::Renovation& r) {
  widgets::heading(tr(S::reno_history));
  int index = 0;
  for (const app::RenovationStep& s : r.history) {
    std::string line = short_time(ctx.session.local(s.at_ms)) + "  " + tr(reno_stage_label(s.to)) + " · " + ctx.session.estate().staff_name(s.by);
    if (!s.note.empty()) line += " · " + s.note;
    if (s.refused != reno::TransitionError::none) line += std::string(" · ") + tr(S::err_renovation_skips_step);
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(line, s.refused == reno::TransitionError::none ? colors::text : colors::warn);
    ImGui::PopTextWrapPos();
    char id[32];
    std::snprintf(id, sizeof id, "renovation_step:%d", index++);
    automation().record_last_item(id, line.c_str(), "label");
  }
}

}  // namespace

void draw_renovation_message(const RenovationUi& st, int where) {
  if (st.message.empty() || st.message_at != where) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", st.message.c_str());
  ImGui::PopTextWrapPos();
  automation().record_last_item("renovation_message", st.message.c_str(), "banner");
}

void draw_renovation_page(ScreenContext& ctx, const app::Renovation& r) {
  RenovationUi& st = ctx.state.renovation;
  if (st.drafts_for != st.application) {
    st.drafts_for = st.application;
    st.note.clear();
    st.deposit_yuan.clear();
    st.waste_yuan.clear();
    st.pass_number.clear();
    st.pass_worker.clear();
    st.refund_signature = {};
    st.follow_notice = {};
    st.follow_note.clear();
    st.follow_day = 0;
    st.message.clear();
  }
  if (widgets::button("renovation_back", tr(S::reno_back), 0, widgets::Tone::quiet)) {
    st.application = {};
    st.message.clear();
    return;
  }
  const app::UnitRow* row = ctx.session.estate().unit_row(r.unit);
  char title[200];
  std::snprintf(title, sizeof title, tr(S::reno_page_title), row ? row->label.c_str() : "");
  ui().fonts->request_title_text(title);
  widgets::heading(title);
  automation().record_last_item("renovation_title", title, "label");
  progress(r);
  const bool columns = !ui().portrait;
  if (columns) {
    ImGui::BeginTable("##renovation_columns", 2, ImGuiTableFlags_SizingStretchSame);
    ImGui::TableNextColumn();
  }
  details(ctx, r);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  draw_renovation_next(ctx, r);
  if (columns) ImGui::TableNextColumn();
  else ImGui::Dummy(ImVec2(0, ui().css(8)));
  draw_renovation_passes(ctx, r);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  draw_renovation_notices(ctx, r);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  history(ctx, r);
  if (columns) ImGui::EndTable();
}

}  // namespace shell
