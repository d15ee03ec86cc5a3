#pragma once
// What the key cabinet and shift handover screens hold between frames
// (keys_register.cpp, key_sheet.cpp, key_loan.cpp, key_person.cpp,
// key_cabinet_edit.cpp, key_cabinet_add.cpp, handover.cpp,
// handover_form.cpp). Presentation only: every rule is app::Session's.
// Keys and people are held by id, never by pointer (a query's pointers last
// only until the next command).
#include <cstddef>
#include <string>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/signature.hpp"
#include "app/handover/handover_data.hpp"

namespace shell {

struct KeysUi {
  std::string message;  // the last board command's refusal, in the user's words
  // The board.
  int view = 0;                     // 0 the cabinet, 1 people and the keys they hold, 2 its upkeep (keepers only)
  int filter = 0;                   // 0 all, 1 in, 2 out, 3 overdue, 4 lost
  std::string query;                // search by label
  std::vector<app::Id> picked;      // the tray: keys picked into the next loan
  // A key's sheet.
  app::Id open_key;                 // nil: closed
  int key_form = 0;                 // 0 none, 1 report lost, 2 follow up a lost key
  std::string key_note;             // the return's, loss's or follow-up's words
  std::string key_message;
  // The loan sheet (钥匙借用登记).
  bool loan_open = false;
  int borrower_kind = 0;            // 员工 / 施工单位 / 业主 / 其他
  int borrower_staff = 0;           // index in the staff choices (0: this tablet's user)
  bool staff_list_open = false;     // the staff list shown to change the borrower
  std::string borrower_name, borrower_phone, reason;
  int due_choice = 0;               // 0 today (当天归还), 1 tomorrow, 2 in three days (offered to the manager only: 000:407)
  app::Signature loan_signature;    // the borrower's (000:425 使用人须签收)
  std::string loan_message;
  // The cabinet's upkeep (钥匙柜管理, key_cabinet_edit.cpp and key_cabinet_add.cpp).
  std::string cabinet_query;         // search by label
  app::Id cabinet_key;               // the key being relabelled or retired; nil: none
  std::string cabinet_label;         // its new label
  bool cabinet_retiring = false;     // "retire" tapped once: confirm
  std::string cabinet_message, cabinet_done;  // a refusal; what was done
  std::vector<app::Id> print_picked; // keys picked for the label sheet
  bool add_open = false;             // the add form
  int add_kind = 0;                  // 0 a unit key, 1 a public-area key
  app::Id add_unit;
  std::string add_unit_query, add_matched_query;
  std::vector<std::size_t> add_matches;  // into the estate's unit rows
  std::string add_category, add_system, add_label, add_message;
  int add_building = 0;              // 0 estate-wide, k: the k-th of key_buildings()
  int add_custody = 0;               // 0 客服中心, 1 工程部
  bool print_open = false;           // the label sheet's choice
  int print_choice = 0;              // 0 the keys picked, k: the k-th building
  bool printed = false;
  // A person's keys.
  app::Id person;                   // nil: closed
  int departure_kind = 0;           // 离职 / 调岗
  std::string departure_note, person_message;
  // The handover being written (本班交接).
  bool handover_open = false;
  std::vector<app::HandoverItem> handover_items;  // handover_prefill() when the form opened
  std::vector<app::Id> handover_keys;             // keys out with the outgoing staff
  std::vector<bool> handover_checked;             // handed over in person
  std::string handover_notes;
  app::Signature outgoing_signature;
  std::string handover_message;
  // Taking over the last handover (接班).
  bool takeover_open = false;
  int incoming = -1;                // index in the incoming choices
  app::Signature incoming_signature;
  std::string takeover_message;
};

}  // namespace shell
