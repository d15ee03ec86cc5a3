#pragma once
// The key cabinet's screens (keys/): the board, a key's sheet, the loan sheet, people and
// the keys they hold, the cabinet's upkeep, and the keys overdue on Today.
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
// 钥匙柜管理, for whoever keeps the cabinet: the keys in use with relabel and
// retire (key_cabinet_edit.cpp), adding a key (key_cabinet_add.cpp), printing labels (key_label_print.cpp).
void draw_key_cabinet(ScreenContext& ctx);
void open_key_add(KeysUi& st);
void draw_key_add(ScreenContext& ctx);
void open_label_print(KeysUi& st);
void draw_label_print(ScreenContext& ctx);

}  // namespace shell
