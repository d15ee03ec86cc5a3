// The built-in checklists: well-formed data in both languages, the manuals'
// rules present (red meter digits, model-unit hours), and every kind of
// checkpoint mapped to its own checklist.
#include <catch2/catch.hpp>

#include <cstdint>
#include <iterator>
#include <set>
#include <string>
#include <string_view>

#include "app/rounds/checklists.hpp"

using namespace app;

namespace {

// Decodes s as UTF-8; false on any malformed, overlong or surrogate sequence.
// Sets *cjk when a CJK ideograph (U+3400–U+9FFF) is among the code points.
bool utf8_cjk(std::string_view s, bool* cjk) {
  *cjk = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = 0;
    std::size_t n = 0;
    if (b < 0x80) { cp = b; n = 1; }
    else if ((b & 0xE0) == 0xC0) { cp = b & 0x1Fu; n = 2; }
    else if ((b & 0xF0) == 0xE0) { cp = b & 0x0Fu; n = 3; }
    else if ((b & 0xF8) == 0xF0) { cp = b & 0x07u; n = 4; }
    else return false;
    if (i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    const std::uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    if (cp >= 0x3400 && cp <= 0x9FFF) *cjk = true;
    i += n;
  }
  return true;
}

bool chinese(std::string_view s) {
  bool cjk = false;
  return utf8_cjk(s, &cjk) && cjk;
}

bool mentions(const ChecklistTemplate& t, std::string_view what) {
  for (const ChecklistItem& i : t.items) {
    if (i.zh.find(what) != std::string::npos) return true;
  }
  return false;
}

const char* const all_keys[] = {"lobby",           "lift",          "corridor",        "walls",        "fire_door",
                                "hydrant",         "ventilation",   "lamps",           "handrails",    "roof",
                                "plant_room",      "model_unit_open", "model_unit_close", "model_unit_day", "notice_board", "gate",
                                "greening",        "signage",       "repair_site",     "security_log", "vacant_unit",
                                "renovation_unit"};

}  // namespace

TEST_CASE("the UTF-8 check itself tells Chinese from broken or Latin text") {
  CHECK(chinese("地面无垃圾"));
  CHECK_FALSE(chinese("floor clean"));
  CHECK_FALSE(chinese(""));
  CHECK_FALSE(chinese("\xE5\x9C"));          // truncated 地
  CHECK_FALSE(chinese("\xC0\xAF\xE5\x9C\xB0"));  // overlong '/' before 地
  CHECK_FALSE(chinese("\xED\xA0\x80\xE5\x9C\xB0"));  // surrogate before 地
}

TEST_CASE("the built-in checklists are all there, in a fixed order, with unique non-empty keys") {
  const auto& ts = builtin_templates();
  REQUIRE(ts.size() == std::size(all_keys));
  std::set<std::string> keys;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    INFO(ts[i].key);
    CHECK_FALSE(ts[i].key.empty());
    CHECK(keys.insert(ts[i].key).second);
    CHECK(ts[i].key == all_keys[i]);
    CHECK(ts[i].version == 1);
    CHECK(chinese(ts[i].zh));
    CHECK_FALSE(ts[i].en.empty());
    CHECK(find_template(ts[i].key) == &ts[i]);
  }
  // Built once: the same object every call, so references handed out stay valid.
  CHECK(&builtin_templates() == &ts);
  CHECK(find_template("nope") == nullptr);
  CHECK(find_template("") == nullptr);
}

TEST_CASE("every item is one bilingual statement of a well-formed type") {
  const std::set<std::string> public_areas = {"lobby",       "lift",  "corridor",  "walls", "fire_door",
                                              "hydrant",     "ventilation", "lamps", "handrails", "roof"};
  int photos = 0, items = 0;
  for (const ChecklistTemplate& t : builtin_templates()) {
    INFO(t.key);
    CHECK(t.items.size() >= 3u);
    if (public_areas.count(t.key)) CHECK(t.items.size() <= 7u);  // walked many times a round: kept short
    // Item 0 is answered by "all pass" and must be a plain check.
    REQUIRE_FALSE(t.items.empty());
    CHECK(t.items[0].type == ItemType::check);
    for (const ChecklistItem& i : t.items) {
      INFO(i.zh);
      ++items;
      photos += i.photo_required ? 1 : 0;
      CHECK_FALSE(i.zh.empty());
      CHECK_FALSE(i.en.empty());
      CHECK(chinese(i.zh));
      CHECK(i.en.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos);
      if (i.type == ItemType::choice) {
        CHECK(i.choices.size() >= 2);
        for (const std::string& c : i.choices) CHECK(chinese(c));
      } else {
        CHECK(i.choices.empty());
      }
      if (i.type == ItemType::reading) CHECK_FALSE(i.unit.empty());
      else CHECK(i.unit.empty());
    }
  }
  // Photos are demanded for the failures that need evidence, not for everything.
  CHECK(photos > 0);
  CHECK(photos * 3 < items);
}

TEST_CASE("the manuals' rules are in the checklists: red meter digits, model-unit hours") {
  for (const char* key : {"vacant_unit"}) {
    const ChecklistTemplate* t = find_template(key);
    REQUIRE(t);
    INFO(key);
    bool reading_in_du = false;
    for (const ChecklistItem& i : t->items) reading_in_du |= i.type == ItemType::reading && i.unit == "度";
    CHECK(reading_in_du);
    CHECK(mentions(*t, "红"));
    CHECK(mentions(*t, "购电"));
  }
  const ChecklistTemplate* open = find_template("model_unit_open");
  REQUIRE(open);
  CHECK((mentions(*open, "07:50") || mentions(*open, "7:50")));
  CHECK(mentions(*open, "9:00"));
  const ChecklistTemplate* close = find_template("model_unit_close");
  REQUIRE(close);
  CHECK(mentions(*close, "8:00"));
  const ChecklistTemplate* reno = find_template("renovation_unit");
  REQUIRE(reno);
  CHECK(mentions(*reno, "承重"));
  CHECK(mentions(*reno, "出入证"));
}

TEST_CASE("each kind of checkpoint is inspected with its own checklist") {
  // 000:741 "每天检查绿化养护工作情况": the planted areas are checkpoints of their own.
  const char* expected[] = {"lobby",     "lift",      "corridor", "walls",      "fire_door",      "hydrant",      "ventilation", "lamps",
                            "handrails", "roof",      "plant_room", "model_unit_day", "notice_board", "gate",     "greening",    "signage"};
  static_assert(std::size(expected) == kLastCheckpointKind + 1, "a new kind needs its checklist here");
  const auto& ts = builtin_templates();
  for (std::int64_t k = 0; k <= kLastCheckpointKind; ++k) {
    INFO(k);
    const ChecklistTemplate& t = template_for(static_cast<CheckpointKind>(k));
    CHECK(t.key == expected[k]);
    CHECK(&t == find_template(expected[k]));  // a reference into the built-in list, not a copy
  }
  // A kind this build does not know (from a newer device) falls back to the lobby.
  for (std::int64_t k : {std::int64_t{-1}, kLastCheckpointKind + 1, std::int64_t{99}}) {
    const ChecklistTemplate& t = template_for(static_cast<CheckpointKind>(k));
    CHECK(t.key == "lobby");
    CHECK(&t == &ts.front());
  }
}

TEST_CASE("a failed item's slip goes by default to the department whose work it describes") {
  auto item = [](const char* zh) {
    ChecklistItem i;
    i.zh = zh;
    return i;
  };
  CHECK(default_department(item("墙面、信报箱无乱涂、乱画、乱贴")) == FindingDepartment::cleaning);  // graffiti: 保洁, not 工程部
  CHECK(default_department(item("地面无垃圾、无积水、无污渍")) == FindingDepartment::cleaning);
  CHECK(default_department(item("无杂草丛生、枯枝败叶")) == FindingDepartment::greening);
  CHECK(default_department(item("楼道无杂物堆放、无私自占用，消防通道畅通")) == FindingDepartment::security);
  CHECK(default_department(item("墙面无渗水、无霉斑")) == FindingDepartment::engineering);
  CHECK(default_department(item("照明正常，灯具完好无损坏")) == FindingDepartment::engineering);
  // Every built-in item gets one of the four.
  for (const ChecklistTemplate& t : builtin_templates()) {
    for (const ChecklistItem& i : t.items) {
      const int d = static_cast<int>(default_department(i));
      CHECK((d >= 0 && d <= 3));
    }
  }
}

// Issue 16 item 10: a model unit on the daytime zone round (000:563) is checked
// for what the day asks (000:567 "巡查…样板间的卫生、设施"), not the early
// shift's 07:50 opening or 09:00 shutting items (000:565).
TEST_CASE("a model unit on the daytime zone round has its own checklist, not the opening items") {
  const ChecklistTemplate& day = template_for(CheckpointKind::model_unit);
  CHECK(day.key == "model_unit_day");
  CHECK_FALSE(mentions(day, "7:50"));
  CHECK_FALSE(mentions(day, "9:00前"));
  CHECK(mentions(day, "卫生"));
  CHECK(mentions(day, "设施完好"));
  const ChecklistTemplate* open = find_template("model_unit_open");
  REQUIRE(open);
  CHECK(mentions(*open, "7:50"));
}
