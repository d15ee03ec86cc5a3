// Taps that must not record what the butler did not see (issue 15): a press
// begun before a widget appeared does not press it, and the second tap of a
// double tap on 全部合格 does not pass the checkpoint swapped in under it.
#include <catch2/catch.hpp>

#include "imgui.h"
#include "shell/ui/press_guard.hpp"
#include "shell/ui/sheet_backdrop.hpp"
#include "shell/ui/theme.hpp"
#include "tests/screens/tablet.hpp"

using namespace screens_test;

namespace {

// A bare ImGui context, a button at a fixed place from frame `appears` on,
// a finger pressed at frame `down` and lifted at frame `up` on it: whether
// the button (through the press guard) was pressed.
bool press_with_button_appearing(int appears, int down, int up) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // the null backend still needs a built atlas
  io.DisplaySize = ImVec2(400, 400);
  io.DeltaTime = 1.0f / 30.0f;
  bool pressed = false;
  for (int frame = 0; frame < up + 3; ++frame) {
    io.MousePos = ImVec2(60, 60);
    io.MouseDown[0] = frame >= down && frame < up;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(400, 400));
    ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::SetCursorScreenPos(ImVec2(20, 20));
    if (frame >= appears) pressed = shell::widgets::fresh_press(ImGui::Button("全部合格", ImVec2(200, 100))) || pressed;
    ImGui::End();
    ImGui::Render();
  }
  ImGui::DestroyContext();
  return pressed;
}

}  // namespace

TEST_CASE("a press begun before a button appeared does not press it — one begun after it does", "[screens][taps]") {
  CHECK(press_with_button_appearing(0, 3, 5));        // on screen before the finger went down
  CHECK_FALSE(press_with_button_appearing(4, 3, 6));  // appeared under a finger already down
  CHECK_FALSE(press_with_button_appearing(3, 3, 5));  // appeared in the frame that took the press
  CHECK(press_with_button_appearing(3, 4, 6));        // the next frame's press is the butler's
}

TEST_CASE("a double tap on 全部合格 records one checkpoint, the next takes taps after it said what was recorded", "[screens][taps]") {
  app::i18n::set_current_language(app::i18n::Lang::zh_CN);
  Tablet t({"768x1024", 768, 1024});
  t.frames(4);
  REQUIRE(t.tap("welcome_try_demo"));
  REQUIRE(t.tap("nav_rounds"));
  REQUIRE(t.tap("zone:0"));
  REQUIRE(t.tap("zone_start:0"));
  REQUIRE(t.tap("round_cp:0"));
  const app::Id round = t.state().rounds.active_round;
  const app::Id first = t.state().rounds.open_checkpoint;
  REQUIRE_FALSE(first.is_nil());
  REQUIRE(t.tap("cp_all_pass"));
  CHECK(t.session().rounds().checkpoint_progress(round, first).done());
  const app::Id second = t.state().rounds.open_checkpoint;
  REQUIRE_FALSE(second.is_nil());
  REQUIRE(second != first);
  // What was recorded, said before the next checkpoint takes a tap.
  const WidgetRecord* band = t.find("cp_recorded");
  REQUIRE(band);
  CHECK(band->label.find("已记录 · 1/") != std::string::npos);
  CHECK(band->label.find(t.session().rounds().stop_label(round, first)) != std::string::npos);
  // The second tap, 300 ms after the first (7 + 2 frames at 30 fps), where the first landed.
  t.frames(2);
  t.tap_at(t.last_tap());
  CHECK(t.session().rounds().checkpoint_progress(round, second).answered == 0);
  CHECK(t.state().rounds.open_checkpoint == second);
  // A tap once the moment has passed is the butler's own.
  t.frames(20);
  REQUIRE(t.tap("cp_all_pass"));
  CHECK(t.session().rounds().checkpoint_progress(round, second).done());
  CHECK(t.find("cp_recorded")->label.find("已记录 · 2/") != std::string::npos);
  INFO(t.problems().size() << " problems");
}

TEST_CASE("a sheet opens at its top: the new-ticket form reopened shows its unit search, not where the last one was left",
          "[screens][taps]") {
  app::i18n::set_current_language(app::i18n::Lang::zh_CN);
  Tablet t({"768x1024", 768, 1024});
  t.frames(4);
  REQUIRE(t.tap("welcome_try_demo"));
  REQUIRE(t.tap("ticket_new"));
  t.frames(4);
  REQUIRE(t.find("ticket_unit_search"));
  REQUIRE(t.tap("ticket_requested:5"));  // the bottom of the form: the search scrolled out of sight
  t.frames(2);
  const WidgetRecord* search = t.find("ticket_unit_search");
  REQUIRE((search == nullptr || !Tablet::mostly_shown(*search)));
  REQUIRE(t.tap("ticket_form_close"));
  REQUIRE(t.tap("ticket_new"));
  t.frames(4);
  search = t.find("ticket_unit_search");
  REQUIRE(search != nullptr);
  CHECK(Tablet::mostly_shown(*search));
}

TEST_CASE("under a sheet nothing is drawn: the frame is cleared with the dim, the sheet's lists alone are rendered",
          "[screens][taps]") {
  app::i18n::set_current_language(app::i18n::Lang::zh_CN);
  Tablet t({"768x1024", 768, 1024});
  t.frames(4);
  REQUIRE(t.tap("welcome_try_demo"));
  t.frames(2);
  // Today: nothing to hide, the clear colour stays the page background.
  ImVec4 clear(1, 1, 1, 1);
  CHECK_FALSE(shell::hide_under_sheet(ImGui::GetDrawData(), &clear));
  CHECK(clear.x == 1.0f);

  REQUIRE(t.tap("ticket_new"));
  t.frames(30);  // the dim has faded in
  ImDrawData* data = ImGui::GetDrawData();
  const int lists = data->CmdListsCount;
  ImDrawList* top = data->CmdLists[lists - 1];
  REQUIRE(shell::hide_under_sheet(data, &clear));
  CHECK(data->CmdListsCount < lists);
  CHECK(data->CmdLists[data->CmdListsCount - 1] == top);  // what is above the sheet stays
  CHECK(data->CmdLists[0]->CmdBuffer[0].ElemCount == 0);  // the sheet's dim rectangle is not drawn
  const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(shell::colors::background);
  CHECK(clear.x < bg.x - 0.2f);  // darker than the page: the dim at full strength
  int vertices = 0;
  for (int i = 0; i < data->CmdListsCount; ++i) vertices += data->CmdLists[i]->VtxBuffer.Size;
  CHECK(data->TotalVtxCount == vertices);

  // Closed: the next frame draws the screen again.
  REQUIRE(t.tap("ticket_form_close"));
  t.frames(2);
  CHECK_FALSE(shell::hide_under_sheet(ImGui::GetDrawData(), &clear));
}
