// The built-in checklists: complete, bilingual, and mapped from every kind
// of checkpoint.
#include <catch2/catch.hpp>

#include <cctype>
#include <set>

#include "app/rounds/checklists.hpp"

using namespace app;

TEST_CASE("every checklist has a unique key, its items in both languages, and readings with a unit") {
  std::set<std::string> keys;
  for (const ChecklistTemplate& t : builtin_templates()) {
    INFO(t.key);
    CHECK(keys.insert(t.key).second);
    CHECK_FALSE(t.zh.empty());
    CHECK_FALSE(t.en.empty());
    CHECK(t.version >= 1);
    CHECK(t.items.size() >= (t.key == "meter" ? 2u : 3u));
    for (const ChecklistItem& i : t.items) {
      CHECK_FALSE(i.zh.empty());
      CHECK_FALSE(i.en.empty());
      CHECK((static_cast<unsigned char>(i.zh[0]) >= 0x80 || std::isdigit(static_cast<unsigned char>(i.zh[0])) != 0));
      if (i.type == ItemType::reading) CHECK_FALSE(i.unit.empty());
      if (i.type == ItemType::choice) CHECK(i.choices.size() >= 2);
      else CHECK(i.choices.empty());
    }
  }
  for (const char* k : {"lobby", "lift", "corridor", "walls", "fire_door", "hydrant", "ventilation", "lamps", "handrails", "roof",
                        "plant_room", "model_unit_open", "model_unit_close", "notice_board", "gate", "greening", "signage",
                        "security_log", "vacant_unit", "renovation_unit", "meter"}) {
    CHECK(find_template(k) != nullptr);
  }
  CHECK(find_template("nope") == nullptr);
}

TEST_CASE("the manuals' rules are in the checklists: red meter digits, model-unit hours") {
  for (const char* key : {"vacant_unit", "meter"}) {
    const ChecklistTemplate* t = find_template(key);
    REQUIRE(t);
    bool has_reading = false, red = false;
    for (const ChecklistItem& i : t->items) {
      has_reading |= i.type == ItemType::reading;
      red |= i.zh.find("红色数字") != std::string::npos && i.zh.find("购电") != std::string::npos;
    }
    CHECK(has_reading);
    CHECK(red);
  }
  bool seven_fifty = false, nine = false;
  for (const ChecklistItem& i : find_template("model_unit_open")->items) {
    seven_fifty |= i.zh.find("7:50") != std::string::npos;
    nine |= i.zh.find("9:00") != std::string::npos;
  }
  CHECK(seven_fifty);
  CHECK(nine);
  CHECK(find_template("model_unit_close")->items.front().zh.find("8:00") != std::string::npos);
}

TEST_CASE("each kind of checkpoint is inspected with its own checklist") {
  const char* expected[] = {"lobby", "lift",      "corridor", "walls",      "fire_door",       "hydrant",      "ventilation",
                            "lamps", "handrails", "roof",     "plant_room", "model_unit_open", "notice_board", "gate"};
  for (int k = 0; k < 14; ++k) CHECK(template_for(static_cast<CheckpointKind>(k)).key == expected[k]);
  CHECK(template_for(static_cast<CheckpointKind>(99)).key == "lobby");
}
