// An application's next stage, one card with one button (one Session
// command each; a refusal is shown in words above): the contractor's papers
// photographed and the service centre's pre-review, engineering's approval,
// the deposit and waste fee in 元 (kept in fen), works started, the
// completion check, the re-check a month on, and the deposit refund with its
// arithmetic and a head butler's or the manager's signature. Also the
// workers' passes: issued by number and name, each returned or lost.
#include <algorithm>
#include <cstdio>

#include "app/core/money.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/renovation/renovation_rules.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/renovation/renovation_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/sync/photo_capture.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/photo_strip.hpp"
#include "shell/ui/signature_pad.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace reno = app::renovation;

namespace shell {
namespace {

void muted(const char* text) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", text);
  ImGui::PopTextWrapPos();
}

bool done(RenovationUi& st, const app::Status& s, int where = 0) {
  st.message = s.ok() ? std::string() : s.error().message;
  st.message_at = where;
  return s.ok();
}

// 营业执照/资质证书, 施工人员身份证, 装修图纸, 保险 and 装修许可证 (视情况): a
// photo button per kind, its thumbnails beside it.
void papers(ScreenContext& ctx, const app::Renovation& r) {
  ImGui::TextUnformatted(tr(S::reno_papers));
  muted(tr(S::reno_papers_hint));
  const reno::PaperKind kinds[] = {reno::PaperKind::licence, reno::PaperKind::worker_id, reno::PaperKind::drawings,
                                   reno::PaperKind::insurance, reno::PaperKind::permit};
  const S names[] = {S::reno_paper_licence, S::reno_paper_worker_id, S::reno_paper_drawings, S::reno_paper_insurance, S::reno_paper_permit};
  for (int k = 0; k < 5; ++k) {
    const bool optional = kinds[k] == reno::PaperKind::insurance || kinds[k] == reno::PaperKind::permit;
    std::vector<std::string> shas;
    for (const app::RenovationPaper& p : r.papers) {
      if (p.kind == kinds[k]) shas.push_back(p.sha256);
    }
    char id[32], label[128];
    std::snprintf(id, sizeof id, "renovation_paper:%d", static_cast<int>(kinds[k]));
    std::snprintf(label, sizeof label, "%s%s (%d)", tr(names[k]), optional ? tr(S::reno_paper_optional) : "",
                  static_cast<int>(shas.size()));
    if (widgets::button(id, label, ui().css(ui().portrait ? 280 : 260), shas.empty() ? widgets::Tone::normal : widgets::Tone::quiet,
                        !ctx.photos.busy())) {
      const app::Id app_id = r.id;
      const reno::PaperKind kind = kinds[k];
      ctx.photos.capture([&session = ctx.session, app_id, kind](const std::string& sha) {
        const auto added = session.renovation().add_renovation_paper(app_id, kind, sha);
        return added.ok() ? app::ok_status() : app::Status(added.error());
      });
    }
    char strip[40];
    std::snprintf(strip, sizeof strip, "renovation_paper_tile:%d", static_cast<int>(kinds[k]));
    widgets::photo_strip(strip, shas, ui().touch(), true);
  }
  if (!ctx.photos.message().empty()) ImGui::TextWrapped("%s", ctx.photos.message().c_str());
}

void note_field(RenovationUi& st) { widgets::text_field("renovation_note", tr(S::reno_note_hint), &st.note); }

void fees(ScreenContext& ctx, const app::Renovation& r) {
  RenovationUi& st = ctx.state.renovation;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  // Each amount's label over its field (screen coordinates: inside a card).
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::TextUnformatted(tr(S::reno_deposit));
  ImGui::SetCursorScreenPos(ImVec2(at.x + half + gap, at.y));
  ImGui::TextUnformatted(tr(S::reno_waste_fee));
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + ImGui::GetTextLineHeightWithSpacing()));
  widgets::number_field("renovation_deposit", "3000", &st.deposit_yuan, half);
  ImGui::SameLine();
  widgets::number_field("renovation_waste", "300", &st.waste_yuan, half);
  if (widgets::button("renovation_fees", tr(S::reno_fees_save), -1, widgets::Tone::primary)) {
    const std::optional<std::int64_t> deposit = app::parse_yuan(st.deposit_yuan), waste = app::parse_yuan(st.waste_yuan);
    if (!deposit || !waste) {
      st.message = tr(S::reno_not_amount);
      st.message_at = 0;
    } else if (done(st, ctx.session.renovation().record_renovation_fees(r.id, *deposit, *waste))) {
      st.deposit_yuan.clear();
      st.waste_yuan.clear();
    }
  }
}

void refund(ScreenContext& ctx, const app::Renovation& r) {
  RenovationUi& st = ctx.state.renovation;
  const reno::Refund f = ctx.session.renovation().renovation_refund(r);
  char math[320];
  app::i18n::format_to(math, sizeof math, S::reno_refund_math, reno_yuan(f.deposit).c_str(), reno_yuan(f.deductions).c_str(),
                static_cast<int>(f.lost_passes), reno_yuan(f.penalty_each).c_str(), reno_yuan(f.refund).c_str());
  if (r.stage == reno::Stage::refunded) {
    char line[200];
    std::snprintf(line, sizeof line, tr(S::reno_refunded_line), reno_yuan(r.refund_cents).c_str(),
                  short_time(ctx.session.local(r.refunded_ms)).c_str());
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::ok), "%s", line);
    automation().record_last_item("renovation_refunded", line, "label");
    muted(math);
    if (auto decoded = app::decode_signature(r.refund_signature)) widgets::signature_view(*decoded, ui().css(240));
    return;
  }
  ImGui::TextUnformatted(tr(S::reno_refund_title));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::primary), "%s", math);
  ImGui::PopTextWrapPos();
  automation().record_last_item("renovation_refund_math", math, "label");
  if (f.lost_passes > 0 && !ctx.session.renovation().renovation_settings().penalty_from_deposit) {
    char apart[160];
    app::i18n::format_to(apart, sizeof apart, S::reno_penalty_apart, static_cast<int>(f.lost_passes));
    muted(apart);
  }
  muted(tr(S::reno_refund_sign));
  widgets::signature_pad("renovation_refund_signature", &st.refund_signature);
  if (widgets::button("renovation_refund", tr(S::reno_refund_save), -1, widgets::Tone::primary)) {
    if (done(st, ctx.session.renovation().refund_renovation_deposit(r.id, st.refund_signature))) st.refund_signature = {};
  }
}

bool stage_button(ScreenContext& ctx, const char* id, S label) {
  note_field(ctx.state.renovation);
  return widgets::button(id, tr(label), -1, widgets::Tone::primary);
}

}  // namespace

void draw_renovation_next(ScreenContext& ctx, const app::Renovation& r) {
  RenovationUi& st = ctx.state.renovation;
  widgets::begin_card("renovation_next_card");
  auto ran = [&](const app::Status& s) {
    if (done(st, s)) st.note.clear();
  };
  switch (r.stage) {
    case reno::Stage::applied:
      papers(ctx, r);
      if (stage_button(ctx, "renovation_pre_review", S::reno_pre_review)) ran(ctx.session.renovation().pre_review_renovation(r.id, st.note));
      break;
    case reno::Stage::pre_reviewed:
      muted(tr(S::reno_review_hint));
      if (stage_button(ctx, "renovation_review", S::reno_review)) ran(ctx.session.renovation().review_renovation_works(r.id, st.note));
      break;
    case reno::Stage::works_reviewed:
      muted(tr(S::reno_approve_hint));
      if (stage_button(ctx, "renovation_approve", S::reno_approve)) ran(ctx.session.renovation().approve_renovation(r.id, st.note));
      break;
    case reno::Stage::approved: fees(ctx, r); break;
    case reno::Stage::fees_paid: {
      char next[160];
      std::snprintf(next, sizeof next, tr(S::reno_next), tr(S::reno_pass_issue));
      ImGui::TextUnformatted(next);
      break;
    }
    case reno::Stage::passes_issued:
      if (stage_button(ctx, "renovation_start_works", S::reno_start_works)) ran(ctx.session.renovation().start_renovation_works(r.id, st.note));
      break;
    case reno::Stage::in_progress:
      if (stage_button(ctx, "renovation_completion", S::reno_check_completion)) ran(ctx.session.renovation().check_renovation_completion(r.id, st.note));
      break;
    case reno::Stage::completion_checked: {
      if (auto due = ctx.session.renovation().renovation_recheck_due(r)) {
        char line[200];
        std::snprintf(line, sizeof line, tr(S::reno_recheck_on), day_label(r.completion_day).c_str(), day_label(*due).c_str());
        const bool overdue = ctx.session.renovation().renovation_recheck_overdue(r);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(overdue ? colors::danger : colors::text), "%s", line);
        ImGui::PopTextWrapPos();
        automation().record_last_item("renovation_recheck_due", line, "label");
      }
      if (stage_button(ctx, "renovation_recheck", S::reno_recheck)) ran(ctx.session.renovation().recheck_renovation(r.id, st.note));
      break;
    }
    case reno::Stage::rechecked:
    case reno::Stage::refunded: refund(ctx, r); break;
  }
  if (r.stage != reno::Stage::applied && !r.papers.empty()) {
    // The papers stay in view once reviewed: the office's proof.
    std::vector<std::string> shas;
    for (const app::RenovationPaper& p : r.papers) shas.push_back(p.sha256);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::reno_papers));
    widgets::photo_strip("renovation_papers", shas, ui().touch(), true);
  }
  if (r.deposit_cents || r.waste_fee_cents) {
    char line[160];
    std::snprintf(line, sizeof line, tr(S::reno_fees_line), reno_yuan(r.deposit_cents).c_str(), reno_yuan(r.waste_fee_cents).c_str());
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", line);
    automation().record_last_item("renovation_fees_line", line, "label");
  }
  draw_renovation_message(st, 0);
  widgets::end_card();
}

void draw_renovation_passes(ScreenContext& ctx, const app::Renovation& r) {
  RenovationUi& st = ctx.state.renovation;
  widgets::heading(tr(S::reno_passes));
  if (r.passes.empty()) muted(tr(S::reno_no_passes));
  // The penalty per lost pass: the one recorded once refunded, else the office's setting (none until set).
  const reno::Settings& settings = ctx.session.renovation().renovation_settings();
  const bool refunded = r.stage == reno::Stage::refunded;
  const std::int64_t penalty = refunded ? r.penalty_cents : settings.lost_pass_penalty_cents;
  const bool penalty_known = refunded || settings.penalty_set();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  // Wide enough for either label whole, in either language.
  const float button_w = std::max(ui().css(80), std::max(ImGui::CalcTextSize(tr(S::reno_pass_return)).x, ImGui::CalcTextSize(tr(S::reno_pass_lose)).x) +
                                                    2 * ImGui::GetStyle().FramePadding.x + ui().css(4));
  int index = 0;
  for (const app::RenovationPass& p : r.passes) {
    char id[40];
    std::string line = p.number + " · " + p.worker + " · ";
    if (p.state() == reno::PassState::returned) line += tr(S::reno_pass_returned);
    else if (p.state() == reno::PassState::lost) {
      char lost[96];
      std::snprintf(lost, sizeof lost, "%s", tr(S::reno_pass_lost_unset));
      if (penalty_known) std::snprintf(lost, sizeof lost, tr(S::reno_pass_lost_penalty), reno_yuan(penalty).c_str());
      line += lost;
    } else line += tr(S::reno_pass_issued);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float right = at.x + ImGui::GetContentRegionAvail().x;
    ImGui::AlignTextToFramePadding();
    widgets::data_text(line, p.out() ? colors::text : colors::muted);
    std::snprintf(id, sizeof id, "renovation_pass:%d", index);
    automation().record_last_item(id, line.c_str(), "label");
    if (p.out()) {
      ImGui::SetCursorScreenPos(ImVec2(right - button_w * 2 - gap, at.y));
      std::snprintf(id, sizeof id, "renovation_pass_return:%d", index);
      if (widgets::button(id, tr(S::reno_pass_return), button_w)) done(st, ctx.session.renovation().return_renovation_pass(r.id, p.id), 3);
      ImGui::SameLine();
      std::snprintf(id, sizeof id, "renovation_pass_lost:%d", index);
      if (widgets::button(id, tr(S::reno_pass_lose), button_w, widgets::Tone::danger)) done(st, ctx.session.renovation().declare_renovation_pass_lost(r.id, p.id), 3);
    }
    ++index;
  }
  if (!reno::passes_may_be_issued(r.stage)) {
    draw_renovation_message(st, 3);
    return;
  }
  // A new pass: its number and the worker's name, on one row with the button.
  const float issue_w = ImGui::CalcTextSize(tr(S::reno_pass_issue)).x + ui().css(32);
  const float field_w = (ImGui::GetContentRegionAvail().x - issue_w - gap * 2) / 2;
  widgets::text_field("renovation_pass_number", tr(S::reno_pass_number), &st.pass_number, field_w * 0.8f);
  ImGui::SameLine();
  widgets::text_field("renovation_pass_worker", tr(S::reno_pass_worker), &st.pass_worker, field_w * 1.2f);
  ImGui::SameLine();
  if (widgets::button("renovation_pass_issue", tr(S::reno_pass_issue), issue_w, widgets::Tone::primary)) {
    const auto issued = ctx.session.renovation().issue_renovation_pass(r.id, st.pass_number, st.pass_worker);
    st.message = issued.ok() ? std::string() : issued.error().message;
    st.message_at = 3;
    if (issued.ok()) {
      st.pass_number.clear();
      st.pass_worker.clear();
    }
  }
  draw_renovation_message(st, 3);
}

}  // namespace shell
