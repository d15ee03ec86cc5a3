#pragma once
// 入住登记 and 迁出登记 on the unit record (unit_moves.cpp): the two forms, the
// buttons that open them and the record's 历史. The rules are
// EstateService's (session.estate().move_in / move_out); the forms only
// gather what the butler enters.
#include <string>
#include <vector>

#include "app/core/id.hpp"

namespace app { struct UnitRow; }

namespace shell {

struct ScreenContext;

struct MovePersonDraft {
  std::string name, phone, occupation;
  int relation = 0;  // app::Relation: 业主, 家属, 租户
};

struct UnitMoveDraft {
  enum class Form { none, in, out };
  Form form = Form::none;
  std::string day;                      // "2026-12-04", today's when opened
  std::vector<MovePersonDraft> people;  // moving in, new on the record
  std::vector<app::Id> chosen;          // on the record: moving in (in), leaving (out)
  std::string cards, note;
  int keys = 0;
  std::string message;                  // what the last save refused
};

// The two buttons under the residents.
void unit_move_buttons(ScreenContext& ctx, const app::UnitRow& row);
// The open form in place of the record (header, body and footer of the
// sheet); false when no form is open.
bool draw_unit_move_form(ScreenContext& ctx, const app::UnitRow& row);
// Former residents and the moves in and out, latest first.
void unit_history(ScreenContext& ctx, const app::UnitRow& row);

}  // namespace shell
