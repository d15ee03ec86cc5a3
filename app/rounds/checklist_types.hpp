#pragma once
// What a checklist is: items of a type, in order, under a stable key and a
// version. Kept apart from the built-in lists (checklists.hpp) because the
// folded state (rounds_data.hpp) holds the head butler's edited versions.
#include <cstdint>
#include <string>
#include <vector>

namespace app {

enum class ItemType : std::uint8_t {
  check = 0,    // 合格 / 不合格 / 不适用 (pass / fail / not applicable)
  reading = 1,  // a number read off something (a meter, a count); previous shown
  choice = 2,   // one of `choices`
  text = 3,     // free text
};

struct ChecklistItem {
  std::string zh, en;                 // what to check, as the manuals say it
  ItemType type = ItemType::check;
  bool photo_required = false;        // a failure must be photographed before the round can finish (check items)
  std::vector<std::string> choices;   // for ItemType::choice: zh labels
  std::string unit;                   // for ItemType::reading: "kWh", "度", "人"…
  bool operator==(const ChecklistItem&) const = default;
};

struct ChecklistTemplate {
  std::string key;                    // stable: "public_cleaning", "lift", …
  std::string zh, en;                 // the template's name
  std::int64_t version = 1;
  std::vector<ChecklistItem> items;
  bool operator==(const ChecklistTemplate&) const = default;
};

}  // namespace app
