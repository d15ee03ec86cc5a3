#pragma once
// The key cabinet's screens (keys/): the board, a key's sheet, the loan sheet, people and
// the keys they hold, and the keys overdue on Today.
#include <cstdint>
#include <string>

#include "shell/screens/screens.hpp"

namespace shell {

void draw_keys_register(ScreenContext& ctx);
void draw_keys_today(ScreenContext& ctx);
void draw_key_sheet(ScreenContext& ctx);       // a key: status, holder, actions, history (key_sheet.cpp)
void open_loan_sheet(KeysUi& st);              // the loan sheet for the keys picked (key_loan.cpp)
void draw_loan_sheet(ScreenContext& ctx);
void draw_key_people(ScreenContext& ctx);      // people and the keys they hold (key_person.cpp)
void draw_person_sheet(ScreenContext& ctx);    // a person's keys, history, departure

}  // namespace shell
