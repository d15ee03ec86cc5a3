// The set-up sheets: a zone (name, butler, buildings) and a checkpoint of the
// open route (name, kind — which sets its checklist — and building). Saving
// calls app::SetupService; its refusal shows in the sheet.
#include <algorithm>
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/rounds/checklists.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/screens/building_chips.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/setup/setup_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

constexpr int kCheckpointKinds = static_cast<int>(app::kLastCheckpointKind) + 1;

void draw_zone_sheet(ScreenContext& ctx) {
  SetupUi& st = ctx.state.setup;
  if (!widgets::begin_modal("##setup_zone", st.zone_open, true, 0)) return;
  app::SetupService& setup = ctx.session.setup();
  widgets::heading(tr(st.editing_zone.is_nil() ? S::setup_zone_add : S::setup_zone_edit));
  widgets::begin_modal_body("##setup_zone_body", ui().touch() + ui().css(24));
  widgets::text_field("zone_form_name", tr(S::setup_zone_name), &st.zone_name);
  ImGui::TextUnformatted(tr(S::setup_zone_butler));
  const std::vector<const app::Staff*> butlers = setup.butlers();
  std::vector<std::string> names{tr(S::setup_zone_no_butler)};
  for (const app::Staff* s : butlers) names.push_back(s->name);
  std::vector<const char*> labels;
  for (const auto& n : names) {
    ui().fonts->request_text(n.c_str());
    labels.push_back(n.c_str());
  }
  widgets::choices("zone_form_butler", labels.data(), static_cast<int>(labels.size()), &st.zone_butler, 3);
  ImGui::TextUnformatted(tr(S::setup_zone_buildings));
  building_chips("zone_form_building", setup.buildings(), &st.zone_buildings);
  if (!st.editing_zone.is_nil() && widgets::button("zone_form_retire", tr(S::setup_zone_retire), 0, widgets::Tone::danger)) {
    sheet_finish(st, setup.retire_zone(st.editing_zone), &st.zone_open);
    if (st.zone_open == false) st.route = {};
  }
  bool save = false;
  sheet_footer(st, "zone_form_save", "zone_form_cancel", &st.zone_open, &save);
  if (save) {
    app::ZoneDraft d{st.zone_name, {}, st.zone_buildings};
    if (st.zone_butler > 0 && st.zone_butler <= static_cast<int>(butlers.size())) d.butler = butlers[st.zone_butler - 1]->id;
    if (st.editing_zone.is_nil()) {
      auto added = setup.add_zone(d);
      sheet_finish(st, added.ok() ? app::ok_status() : app::Status(added.error()), &st.zone_open);
    } else {
      sheet_finish(st, setup.edit_zone(st.editing_zone, d), &st.zone_open);
    }
  }
  if (!st.zone_open) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

void draw_checkpoint_sheet(ScreenContext& ctx) {
  SetupUi& st = ctx.state.setup;
  if (!widgets::begin_modal("##setup_cp", st.checkpoint_open, true, 0)) return;
  app::SetupService& setup = ctx.session.setup();
  widgets::heading(tr(st.editing_checkpoint.is_nil() ? S::setup_checkpoint_add : S::setup_zone_edit));
  widgets::begin_modal_body("##setup_cp_body", ui().touch() + ui().css(24));
  widgets::text_field("cp_form_name", tr(S::setup_checkpoint_name), &st.checkpoint_name);
  ImGui::TextUnformatted(tr(S::setup_checkpoint_kind));
  const bool en = app::i18n::current_language() == app::i18n::Lang::en;
  std::vector<const char*> kinds;
  for (int k = 0; k < kCheckpointKinds; ++k) {
    const app::ChecklistTemplate& t = app::template_for(static_cast<app::CheckpointKind>(k));
    kinds.push_back(en ? t.en.c_str() : t.zh.c_str());
  }
  widgets::choices("cp_form_kind", kinds.data(), kCheckpointKinds, &st.checkpoint_kind, en ? 2 : 3);
  ImGui::TextUnformatted(tr(S::setup_checkpoint_building));
  const std::vector<const app::Building*> buildings = setup.buildings();
  std::vector<const char*> places{tr(S::setup_checkpoint_estate_wide)};
  for (const app::Building* b : buildings) places.push_back(b->name.c_str());
  widgets::choices("cp_form_building", places.data(), static_cast<int>(places.size()), &st.checkpoint_building, 3);
  if (!st.editing_checkpoint.is_nil() &&
      widgets::button("cp_form_retire", tr(S::setup_checkpoint_retire), 0, widgets::Tone::danger)) {
    sheet_finish(st, setup.retire_checkpoint(st.editing_checkpoint), &st.checkpoint_open);
  }
  bool save = false;
  sheet_footer(st, "cp_form_save", "cp_form_cancel", &st.checkpoint_open, &save);
  if (save) {
    app::CheckpointDraft d{st.checkpoint_name, {}, static_cast<app::CheckpointKind>(st.checkpoint_kind)};
    if (st.checkpoint_building > 0 && st.checkpoint_building <= static_cast<int>(buildings.size())) {
      d.building = buildings[st.checkpoint_building - 1]->id;
    }
    if (st.editing_checkpoint.is_nil()) {
      auto added = setup.add_checkpoint(st.route, d);
      sheet_finish(st, added.ok() ? app::ok_status() : app::Status(added.error()), &st.checkpoint_open);
    } else {
      sheet_finish(st, setup.edit_checkpoint(st.editing_checkpoint, d), &st.checkpoint_open);
    }
  }
  if (!st.checkpoint_open) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace

void sheet_footer(SetupUi& st, const char* save_id, const char* cancel_id, bool* open, bool* save) {
  if (!st.message.empty() && !st.message_ok) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", st.message.c_str());
    ImGui::PopTextWrapPos();
    automation().record_last_item("setup_sheet_message", st.message.c_str(), "banner");
  }
  widgets::end_modal_body();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  *save = widgets::button(save_id, tr(S::setup_save), half, widgets::Tone::primary);
  ImGui::SameLine();
  if (widgets::button(cancel_id, tr(S::setup_cancel), half)) {
    *open = false;
    st.message.clear();
  }
}

void sheet_finish(SetupUi& st, const app::Status& s, bool* open) {
  st.message = s.ok() ? tr(S::setup_saved) : s.error().message;
  st.message_ok = s.ok();
  if (s.ok()) *open = false;
}


void open_zone_sheet(ScreenContext& ctx, const app::Id& zone) {
  SetupUi& st = ctx.state.setup;
  st = SetupUi{.route = st.route};
  st.zone_open = true;
  st.editing_zone = zone;
  const app::MasterData& d = ctx.session.master_data();
  if (auto z = d.zones.find(zone); z != d.zones.end()) {
    st.zone_name = z->second.name;
    st.zone_buildings = z->second.buildings;
    const auto butlers = ctx.session.setup().butlers();
    for (std::size_t i = 0; i < butlers.size(); ++i) {
      if (butlers[i]->id == z->second.butler) st.zone_butler = static_cast<int>(i) + 1;
    }
  }
}

void open_checkpoint_sheet(ScreenContext& ctx, const app::Id& checkpoint) {
  SetupUi& st = ctx.state.setup;
  st = SetupUi{.route = st.route};
  st.checkpoint_open = true;
  st.editing_checkpoint = checkpoint;
  const app::MasterData& d = ctx.session.master_data();
  if (auto c = d.checkpoints.find(checkpoint); c != d.checkpoints.end()) {
    st.checkpoint_name = c->second.name;
    st.checkpoint_kind = static_cast<int>(c->second.kind);
    const auto buildings = ctx.session.setup().buildings();
    for (std::size_t i = 0; i < buildings.size(); ++i) {
      if (buildings[i]->id == c->second.building) st.checkpoint_building = static_cast<int>(i) + 1;
    }
  }
}

void draw_setup_sheets(ScreenContext& ctx) {
  draw_zone_sheet(ctx);
  draw_checkpoint_sheet(ctx);
  draw_hours_sheet(ctx);
}

}  // namespace shell
