// A ticket's next step, for the status it is at and its lifecycle
// (app/tickets/ticket_rules.hpp): classify; a repair's slip to engineering,
// signed for by the receiver, accepted, on site; a complaint's responsible
// department on site, or handled; done with the owner's signature, the leak
// test and the callback, and the head butler's re-check. Every button is one
// Session command; a refusal is shown in the user's words.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "app/tickets/ticket_labels.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/signature_pad.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace tk = app::tickets;

namespace shell {
namespace {

constexpr S kDispatchTo[] = {S::dept_engineering, S::dept_cleaning, S::dept_greening, S::dept_security, S::dept_service_centre};

// Runs a command; on success the step's drafts are spent.
void done(TicketsUi& st, const app::Status& s) {
  st.message = s.ok() ? std::string() : s.error().message;
  if (!s.ok()) return;
  st.note.clear();
  st.signature = app::Signature{};
  st.receiver_signature = app::Signature{};
}

void label(S key) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(key)); }

int index_of(const tk::Kind k) {
  for (std::size_t i = 0; i < std::size(tk::kAllKinds); ++i) if (tk::kAllKinds[i] == k) return static_cast<int>(i);
  return 0;
}

// The class: asked here only for a ticket received unclassified, or when the
// butler opens 修改定性 on one classified at receipt (before it is sent on).
void classify(ScreenContext& ctx, const app::Ticket& t, TicketsUi& st) {
  if (st.classify_kind < 0) st.classify_kind = index_of(t.kind);
  if (st.classify_severity < 0) st.classify_severity = static_cast<int>(t.severity);
  label(S::ticket_kind);
  const char* kinds[std::size(tk::kAllKinds)];
  for (std::size_t k = 0; k < std::size(tk::kAllKinds); ++k) kinds[k] = tr(tk::kind_label(tk::kAllKinds[k]));
  widgets::choices("classify_kind", kinds, static_cast<int>(std::size(tk::kAllKinds)), &st.classify_kind, 4);
  label(S::ticket_severity);
  const char* severities[] = {tr(S::ticket_sev_major), tr(S::ticket_sev_important), tr(S::ticket_sev_minor)};
  widgets::choices("classify_severity", severities, 3, &st.classify_severity);
  // A later date is the manager's to approve, on its own (complaint_acts.cpp).
  const bool correcting = t.status == tk::Status::classified;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("ticket_classify", tr(correcting ? S::ticket_reclassify_save : S::ticket_classify), correcting ? half : -1,
                      widgets::Tone::primary)) {
    done(st, ctx.session.tickets().classify_ticket(t.id, tk::kAllKinds[st.classify_kind], tk::kAllSeverities[st.classify_severity]));
    if (st.message.empty()) st.reclassifying = false;
  }
  if (!correcting) return;
  ImGui::SameLine();
  if (widgets::button("ticket_reclassify_cancel", tr(S::ticket_reclassify_cancel), half)) {
    st.reclassifying = false;
    st.classify_kind = st.classify_severity = -1;
  }
}

// The class given at receipt, and the way to correct it before dispatch.
void class_line(const app::Ticket& t, TicketsUi& st) {
  const std::string line = std::string(tr(S::ticket_class_line)) + tr(tk::kind_label(t.kind)) + " · " + tr(tk::severity_label(t.severity));
  const float button_w = ImGui::CalcTextSize(tr(S::ticket_reclassify)).x + ui().css(40);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float right = at.x + ImGui::GetContentRegionAvail().x;
  ImGui::AlignTextToFramePadding();
  widgets::data_text(line, colors::text);
  automation().record_last_item("ticket_class", line.c_str(), "label");
  ImGui::SetCursorScreenPos(ImVec2(right - button_w, at.y));
  if (widgets::button("ticket_reclassify", tr(S::ticket_reclassify), button_w)) {
    st.reclassifying = true;
    st.classify_kind = st.classify_severity = -1;
  }
}

const char* department_choice(const TicketsUi& st) { return tr(kDispatchTo[st.dispatch_to], app::i18n::Lang::zh_CN); }

// 000:321 ③ the responsible department, ④ on site with its head; a
// communication complaint may be handled at once (④ "通知相关部门去处理或给予解答").
void complaint_next(ScreenContext& ctx, const app::Ticket& t, TicketsUi& st) {
  label(S::ticket_responsible_dept);
  const char* to[std::size(kDispatchTo)];
  for (std::size_t k = 0; k < std::size(kDispatchTo); ++k) to[k] = tr(kDispatchTo[k]);
  widgets::choices("dispatch_to", to, static_cast<int>(std::size(kDispatchTo)), &st.dispatch_to, ui().portrait ? 3 : 5);
  widgets::text_field("ticket_note", tr(S::ticket_step_note), &st.note);
  if (widgets::button("ticket_on_site", tr(S::ticket_complaint_on_site), -1, widgets::Tone::primary)) {
    done(st, ctx.session.tickets().step_ticket(t.id, tk::Status::on_site, st.note, department_choice(st)));
  }
  if (t.kind != tk::Kind::valid_complaint && widgets::button("ticket_handled", tr(S::ticket_complaint_handled), -1)) {
    done(st, ctx.session.tickets().finish_ticket(t.id, {}, st.note));
  }
}

// 000:627 "在10分钟内送达工程维修部,并请接收人签字接收": the receiver's name and
// signature; sent unsigned, it counts once engineering accepts it.
void send_slip(ScreenContext& ctx, const app::Ticket& t, TicketsUi& st) {
  label(S::ticket_dispatch_to);
  const char* to[std::size(kDispatchTo)];
  for (std::size_t k = 0; k < std::size(kDispatchTo); ++k) to[k] = tr(kDispatchTo[k]);
  widgets::choices("dispatch_to", to, static_cast<int>(std::size(kDispatchTo)), &st.dispatch_to, ui().portrait ? 3 : 5);
  widgets::text_field("slip_receiver", tr(S::ticket_slip_receiver), &st.slip_receiver);
  label(S::ticket_slip_receiver_sign);
  widgets::signature_pad("slip_receiver_signature", &st.receiver_signature);
  widgets::text_field("ticket_note", tr(S::ticket_step_note), &st.note);
  auto& tickets = ctx.session.tickets();
  if (widgets::button("ticket_dispatch", tr(S::ticket_dispatch), -1, widgets::Tone::primary)) {
    const std::string strokes = st.receiver_signature.empty() ? std::string() : app::encode_signature(st.receiver_signature);
    if (strokes.empty()) st.message = tr(S::err_slip_receiver_blank);
    else done(st, tickets.send_slip(t.id, department_choice(st), st.slip_receiver, strokes, st.note));
  }
  if (widgets::button("ticket_dispatch_unsigned", tr(S::ticket_dispatch_unsigned), -1)) {
    done(st, tickets.send_slip(t.id, department_choice(st), {}, {}, st.note));
  }
}

// Whether the slip is with engineering, under a repair's later steps.
void slip_receipt(ScreenContext& ctx, const app::Ticket& t) {
  if (t.lifecycle() != tk::Lifecycle::repair) return;
  char line[200];
  if (t.slip_signed_ms > 0) {
    std::snprintf(line, sizeof line, tr(S::ticket_slip_signed_line), t.slip_receiver.c_str(), short_time(ctx.session.local(t.slip_signed_ms)).c_str());
  } else if (!ctx.session.tickets().slip_received(t)) {
    std::snprintf(line, sizeof line, "%s", tr(S::ticket_slip_unsigned_line));
  } else {
    return;
  }
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(line, t.slip_signed_ms > 0 ? colors::ok : colors::primary);
  ImGui::PopTextWrapPos();
  automation().record_last_item("ticket_slip_receipt", line, "label");
}

void dispatch(ScreenContext& ctx, const app::Ticket& t, TicketsUi& st) {
  if (st.reclassifying) {
    classify(ctx, t, st);
    return;
  }
  class_line(t, st);
  if (t.kind == tk::Kind::inquiry || t.kind == tk::Kind::suggestion) {
    // Answered on the spot: nothing to send anywhere.
    widgets::text_field("ticket_note", tr(S::ticket_step_note), &st.note);
    if (widgets::button("ticket_answered", tr(S::ticket_answered), -1, widgets::Tone::primary)) {
      done(st, ctx.session.tickets().finish_ticket(t.id, {}, st.note));
    }
    return;
  }
  if (t.lifecycle() == tk::Lifecycle::complaint) {
    complaint_next(ctx, t, st);
    return;
  }
  if (t.kind == tk::Kind::repair) draw_repair_slip(ctx, t);
  if (t.lifecycle() == tk::Lifecycle::repair) {
    send_slip(ctx, t, st);
    return;
  }
  label(S::ticket_dispatch_to);
  const char* to[std::size(kDispatchTo)];
  for (std::size_t k = 0; k < std::size(kDispatchTo); ++k) to[k] = tr(kDispatchTo[k]);
  widgets::choices("dispatch_to", to, static_cast<int>(std::size(kDispatchTo)), &st.dispatch_to, ui().portrait ? 3 : 5);
  widgets::text_field("ticket_note", tr(S::ticket_step_note), &st.note);
  if (widgets::button("ticket_dispatch", tr(S::ticket_dispatch), -1, widgets::Tone::primary)) {
    // Recorded in the manuals' words whatever language the tablet speaks.
    done(st, ctx.session.tickets().step_ticket(t.id, tk::Status::dispatched, st.note, tr(kDispatchTo[st.dispatch_to], app::i18n::Lang::zh_CN)));
  }
}

void finish(ScreenContext& ctx, const app::Ticket& t, TicketsUi& st) {
  // The prompt is for the owner while the pad is empty; once signed it says so.
  if (st.signature.empty()) label(S::ticket_sign_title);
  else ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::ok), "%s", tr(S::ticket_sign_done));
  automation().record_last_item("ticket_sign_prompt", tr(st.signature.empty() ? S::ticket_sign_title : S::ticket_sign_done), "label");
  widgets::signature_pad("ticket_signature", &st.signature);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float third = (ImGui::GetContentRegionAvail().x - gap) / 3;
  if (widgets::button("ticket_sign_clear", tr(S::ticket_sign_clear), third, widgets::Tone::normal, !st.signature.empty())) {
    st.signature = app::Signature{};
  }
  ImGui::SameLine();
  if (widgets::button("ticket_finish", tr(S::ticket_finish), third * 2, widgets::Tone::primary)) {
    done(st, ctx.session.tickets().finish_ticket(t.id, st.signature.empty() ? std::string() : app::encode_signature(st.signature), st.note));
  }
  widgets::text_field("ticket_note", tr(S::ticket_step_note), &st.note);
  // A complaint can be done with the owner away (answered by phone); a repair cannot.
  if (t.kind != tk::Kind::repair && widgets::button("ticket_finish_unsigned", tr(S::ticket_finish_unsigned), -1)) {
    done(st, ctx.session.tickets().finish_ticket(t.id, {}, st.note));
  }
}

void callback(ScreenContext& ctx, const app::Ticket& t, TicketsUi& st) {
  if (!t.owes_callback()) {
    // Owes no callback: closed straight from done.
    if (widgets::button("ticket_close", tr(S::ticket_close), -1, widgets::Tone::primary)) done(st, ctx.session.tickets().step_ticket(t.id, tk::Status::closed));
    return;
  }
  if (ctx.session.tickets().answer_before_callback(t)) {
    // 000:265 "给住户明确答复" before 000:321 "⑥、回访": the answer form is above.
    label(S::ticket_answer_before_callback);
    automation().record_last_item("ticket_answer_first", tr(S::ticket_answer_before_callback), "label");
    return;
  }
  if (t.kind == tk::Kind::repair && t.slip.category == tk::RepairCategory::leak && t.leak_test_ms == 0) {
    widgets::text_field("ticket_note", tr(S::ticket_step_note), &st.note);
    if (widgets::button("ticket_leak_test", tr(S::ticket_leak_test), -1, widgets::Tone::primary)) {
      done(st, ctx.session.tickets().record_leak_test(t.id, true, st.note));
    }
    if (widgets::button("ticket_leak_failed", tr(S::ticket_leak_failed), -1, widgets::Tone::danger)) {
      done(st, ctx.session.tickets().record_leak_test(t.id, false, st.note));
    }
    return;
  }
  if (auto due = ctx.session.tickets().callback_due_at(t)) {
    char line[160];
    std::snprintf(line, sizeof line, tr(S::ticket_callback_due), short_time(ctx.session.local(*due)).c_str());
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(countdown_color(*due, ctx.session.lateness_now_ms())), "%s", line);
    automation().record_last_item("callback_due", line, "label");
  }
  const char* methods[] = {tr(S::method_visit), tr(S::method_phone)};
  widgets::choices("callback_method", methods, 2, &st.callback_method);
  widgets::text_field("ticket_note", tr(S::ticket_step_note), &st.note);
  const auto method = static_cast<app::CallbackMethod>(st.callback_method);
  if (widgets::button("callback_ok", tr(S::ticket_callback_ok), -1, widgets::Tone::primary)) {
    done(st, ctx.session.tickets().record_callback(t.id, method, true, st.note));
  }
  if (widgets::button("callback_bad", tr(S::ticket_callback_bad), -1, widgets::Tone::danger)) {
    done(st, ctx.session.tickets().record_callback(t.id, method, false, st.note));
  }
}

void recheck(ScreenContext& ctx, const app::Ticket& t, TicketsUi& st) {
  if (t.callback_ms == 0 || !ctx.session.estate().lead_signed_in()) return;
  if (t.rechecked_ms) {
    char line[160];
    std::snprintf(line, sizeof line, tr(S::ticket_rechecked), tr(t.recheck_problem ? S::recheck_problem : S::recheck_confirmed));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.recheck_problem ? colors::danger : colors::ok), "%s", line);
    return;
  }
  widgets::text_field("ticket_note", tr(S::ticket_step_note), &st.note);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("recheck_ok", tr(S::ticket_recheck_ok), half, widgets::Tone::primary)) done(st, ctx.session.tickets().recheck_callback(t.id, true, st.note));
  ImGui::SameLine();
  if (widgets::button("recheck_bad", tr(S::ticket_recheck_bad), half, widgets::Tone::danger)) done(st, ctx.session.tickets().recheck_callback(t.id, false, st.note));
}

}  // namespace

void draw_ticket_actions(ScreenContext& ctx, const app::Ticket& t) {
  TicketsUi& st = ctx.state.tickets;
  switch (t.status) {
    case tk::Status::received: classify(ctx, t, st); break;
    case tk::Status::classified: dispatch(ctx, t, st); break;
    case tk::Status::dispatched:
      if (t.kind == tk::Kind::repair) draw_repair_slip(ctx, t);
      slip_receipt(ctx, t);
      if (widgets::button("ticket_accept", tr(S::ticket_accept), -1, widgets::Tone::primary)) done(st, ctx.session.tickets().step_ticket(t.id, tk::Status::accepted));
      break;
    case tk::Status::accepted:
      if (t.kind == tk::Kind::repair) draw_repair_slip(ctx, t);
      slip_receipt(ctx, t);
      if (widgets::button("ticket_on_site", tr(S::ticket_on_site), -1, widgets::Tone::primary)) done(st, ctx.session.tickets().step_ticket(t.id, tk::Status::on_site));
      break;
    case tk::Status::on_site:
      if (t.kind == tk::Kind::repair) draw_repair_slip(ctx, t);
      finish(ctx, t, st);
      break;
    case tk::Status::done: callback(ctx, t, st); break;
    case tk::Status::callback:
      if (widgets::button("ticket_close", tr(S::ticket_close), -1, widgets::Tone::primary)) done(st, ctx.session.tickets().step_ticket(t.id, tk::Status::closed));
      break;
    case tk::Status::closed: recheck(ctx, t, st); break;
  }
}

}  // namespace shell
