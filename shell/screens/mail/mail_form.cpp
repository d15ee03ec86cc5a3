// The sign-in sheet (收件登记): the kind (a parcel preselected), the unit by
// the same search as a new ticket's, the carrier, the tracking number typed,
// and the recipient's name (the owner on record, changeable). MailService
// decides what is missing (a special item's number, 001) and says so here.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/mail/mail_labels.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/mail/mail_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/unit_matches.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace mail = app::mail;

namespace shell {
namespace {

void label(S key) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(key)); }

void pick_unit(ScreenContext& ctx, MailUi& st) {
  label(S::mail_form_unit);
  if (!st.unit.is_nil()) {
    if (const app::UnitRow* row = ctx.session.estate().unit_row(st.unit)) {
      widgets::data_text(row->label, colors::text);
      automation().record_last_item("mail_form_unit_picked", row->label.c_str(), "label");
      if (widgets::button("mail_form_unit_change", tr(S::mail_form_unit_change), 0, widgets::Tone::quiet)) st.unit = {};
      return;
    }
  }
  widgets::text_field("mail_form_unit_search", tr(S::mail_form_unit_search), &st.unit_query);
  if (st.unit_query.empty()) return;
  if (st.unit_query != st.matched_query || !st.matches_valid) {
    st.matches = ctx.session.estate().search_units(st.unit_query);
    st.matched_query = st.unit_query;
    st.matches_valid = true;
  }
  if (const app::UnitRow* row = draw_unit_matches(ctx, "mail_form_unit", st.matches, 4)) {
    st.unit = row->id;
    if (st.recipient.empty()) st.recipient = row->owner_name;
    st.form_message.clear();
  }
}

void save(ScreenContext& ctx, MailUi& st) {
  app::NewMail m;
  m.kind = static_cast<mail::Kind>(st.kind);
  m.unit = st.unit;
  m.carrier = st.carrier;
  m.tracking = st.tracking;
  m.recipient = st.recipient;
  const app::Result<app::Id> r = ctx.session.mail().receive(m);
  if (!r.ok()) {
    st.form_message = r.error().message;
    return;
  }
  st.form_open = false;
  st.message.clear();
}

}  // namespace

void open_mail_form(MailUi& st) {
  st.form_open = true;
  st.kind = static_cast<int>(mail::Kind::parcel);
  st.unit = {};
  st.unit_query.clear();
  st.matches_valid = false;
  st.carrier.clear();
  st.tracking.clear();
  st.recipient.clear();
  st.form_message.clear();
}

void draw_mail_form(ScreenContext& ctx) {
  MailUi& st = ctx.state.mail;
  if (!widgets::begin_modal("##mail_form", st.form_open, true)) return;
  widgets::heading(tr(S::mail_form_title));
  widgets::begin_modal_body("##mail_form_body", ui().touch() + ui().css(24));
  label(S::mail_form_kind);
  const char* kinds[mail::kKindCount];
  for (int k = 0; k < mail::kKindCount; ++k) kinds[k] = tr(mail::kind_label(static_cast<mail::Kind>(k)));
  if (widgets::choices("mail_form_kind", kinds, mail::kKindCount, &st.kind, ui().portrait ? 3 : 5)) st.form_message.clear();
  pick_unit(ctx, st);
  widgets::text_field("mail_form_carrier", tr(S::mail_form_carrier), &st.carrier);
  widgets::text_field("mail_form_tracking", tr(S::mail_form_tracking), &st.tracking);
  widgets::text_field("mail_form_recipient", tr(S::mail_form_recipient), &st.recipient);
  widgets::end_modal_body();
  // Above the buttons, where it is seen whatever the form's scroll.
  mail_banner("mail_form_message", st.form_message);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("mail_form_cancel", tr(S::mail_cancel), half)) st.form_open = false;
  ImGui::SameLine();
  if (widgets::button("mail_form_save", tr(S::mail_form_save), half, widgets::Tone::primary)) save(ctx, st);
  if (!st.form_open) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace shell
