#pragma once
// The built-in inspection checklists (巡查检查表), worded as in the source
// documents (shared/seeds/). Each template has a stable key and a version: a
// round keeps the version it started with, so a later edit of a template
// never changes a round already walked. Texts carry both languages because
// they are data, not UI strings (the UI catalogue is app/i18n/strings.inc).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/domain/master_data.hpp"

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
  bool photo_required = false;        // a photo is required when the item fails (check) or always (others)
  std::vector<std::string> choices;   // for ItemType::choice: zh labels
  std::string unit;                   // for ItemType::reading: "kWh", "度", "人"…
};

struct ChecklistTemplate {
  std::string key;                    // stable: "public_cleaning", "lift", …
  std::string zh, en;                 // the template's name
  std::int64_t version = 1;
  std::vector<ChecklistItem> items;
};

// Every built-in template, in a fixed order.
const std::vector<ChecklistTemplate>& builtin_templates();
// nullptr when no template has that key.
const ChecklistTemplate* find_template(std::string_view key);
// The template a public checkpoint of this kind is inspected with.
const ChecklistTemplate& template_for(CheckpointKind kind);

}  // namespace app
