// A head butler edits a checklist on the tablet: the edit is an op and a new
// version; a round already started keeps the version it started with, a new
// round takes the new one; only a head butler may save; choice and text
// items are answered; the text forms parse strictly; versions survive a
// snapshot and fold the same in any order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/rounds/checklist_codec.hpp"
#include "app/rounds/checklist_versions.hpp"
#include "app/session/session.hpp"
#include "app/store/snapshot.hpp"
#include "device_fixture.hpp"

using namespace app;

namespace {

struct Device : fixture::Device {
  Device() : fixture::Device(23, Id{0xE, 0xF}) { REQUIRE(session.load_demo({}).ok()); }
  const ZoneRow& zone() const { return session.estate().zone_rows().front(); }
  // The first stop of the zone round inspected with the lobby checklist.
  Id lobby(const Id& round) const {
    for (const RouteStop& s : session.rounds().route_of(round)) {
      if (s.checklist->key == "lobby") return s.id;
    }
    return {};
  }
};

ChecklistItem item(const char* zh, ItemType type = ItemType::check) {
  ChecklistItem i;
  i.zh = zh;
  i.en = zh;
  i.type = type;
  return i;
}

}  // namespace

TEST_CASE("checklist items and pins round-trip through their text forms, and bad text is refused") {
  std::vector<ChecklistItem> items = {item("地面无垃圾"), item("分户电表读数", ItemType::reading), item("天气", ItemType::choice), item("备注", ItemType::text)};
  items[0].photo_required = true;
  items[1].unit = "度";
  items[2].choices = {"晴", "雨"};
  const auto back = decode_items(encode_items(items));
  REQUIRE(back);
  CHECK(*back == items);
  // A user's tab, newline or '|' cannot break the format.
  items[0].zh = "地面\t无|垃圾\n";
  CHECK(decode_items(encode_items(items))->at(0).zh == "地面 无 垃圾");
  CHECK_FALSE(decode_items(""));
  CHECK_FALSE(decode_items("9\t0\t地面\t\t\t"));        // unknown type
  CHECK_FALSE(decode_items("0\t2\t地面\t\t\t"));        // bad photo flag
  CHECK_FALSE(decode_items("0\t0\t\t\t\t"));            // no wording
  CHECK_FALSE(decode_items("2\t0\t天气\t\t\t晴"));      // a choice of one
  CHECK_FALSE(decode_items("0\t0\t地面\t\t"));          // a field missing

  const std::vector<PinnedVersion> pins = {{"lift", 3}, {"lobby", 2}};
  CHECK(decode_pins(encode_pins(pins))->size() == 2);
  CHECK(decode_pins("")->empty());
  CHECK_FALSE(decode_pins("lift"));
  CHECK_FALSE(decode_pins("lift:0"));
  CHECK_FALSE(decode_pins(":2"));
}

TEST_CASE("checklist items read only in the form encode_items writes, so what an op holds reads back the same from a snapshot") {
  // Found by fuzz/checklist_codec_fuzz.cpp: decode_items took texts that
  // encode_items writes differently (a snapshot keeps items in their text
  // form), so a state read from a snapshot differed from the folded one, or
  // did not read at all.
  CHECK_FALSE(decode_items("0\t0\t 地面\t\t\t"));              // a space the encoder trims
  CHECK_FALSE(decode_items("0\t0\t地面\tFloor \t\t"));
  CHECK_FALSE(decode_items("0\t0\t地面|垃圾\t\t\t"));           // '|' the encoder turns into a space
  CHECK_FALSE(decode_items("0\t0\t|\t\t\t"));                   // ... into no wording at all
  CHECK_FALSE(decode_items("0\t0\t地面\tFloor\r\t\t"));       // a line break inside a text
  CHECK_FALSE(decode_items("1\t0\t电表\t\t 度\t"));
  CHECK_FALSE(decode_items("2\t0\t天气\t\t\t晴 |雨"));
  CHECK_FALSE(decode_items("2\t0\t天气\t\t\t晴| |雨"));         // a blank choice
  for (std::string_view text : {"0\t1\t地面无垃圾\tFloor clean\t\t", "2\t0\t天气\t\t\t晴|雨|多云", "1\t0\t电表\tMeter\t度\t",
                                "0\t0\t大堂 地面\t\t\t\n3\t0\t备注\t\t\t"}) {
    const auto items = decode_items(text);
    REQUIRE(items);
    const auto back = decode_items(encode_items(*items));
    REQUIRE(back);
    CHECK(*back == *items);
  }
}

TEST_CASE("a head butler's edit is a new version — a started round keeps its version, a new round takes the new one") {
  Device d;
  const Id butler = d.session.actor();
  const Id round_before = d.session.rounds().start_round(d.zone().id).value();
  const Id lobby = d.lobby(round_before);
  const ChecklistTemplate original = *d.session.rounds().checklist_at(round_before, lobby);
  REQUIRE(original.version == 1);

  // The butler on the tablet may not change checklists.
  ChecklistTemplate edited = original;
  edited.items.push_back(item("垃圾桶已清理"));
  CHECK(d.session.rounds().save_checklist(edited).error().code == "not_allowed");

  // The head butler adds an item, moves the last one first, makes one a photo-required item.
  d.as(Role::head_butler);
  REQUIRE(d.session.estate().lead_signed_in());
  std::rotate(edited.items.rbegin(), edited.items.rbegin() + 1, edited.items.rend());
  edited.items[1].photo_required = true;
  const auto saved = d.session.rounds().save_checklist(edited);
  REQUIRE(saved.ok());
  CHECK(saved.value() == 2);
  CHECK(d.session.rounds().save_checklist(edited).error().code == "checklist_unchanged");
  ChecklistTemplate emptied = edited;
  emptied.items.clear();
  CHECK(d.session.rounds().save_checklist(emptied).error().code == "checklist_empty");
  ChecklistTemplate blank = edited;
  blank.items[0].zh = " \t ";
  CHECK(d.session.rounds().save_checklist(blank).error().code == "item_empty");

  const ChecklistTemplate* latest = latest_checklist(d.session.master_data().rounds, "lobby");
  REQUIRE(latest);
  CHECK(latest->version == 2);
  CHECK(latest->items.size() == original.items.size() + 1);
  CHECK(latest->items.front().zh == "垃圾桶已清理");
  // The round walked before the edit still shows version 1.
  CHECK(d.session.rounds().checklist_at(round_before, lobby)->version == 1);
  CHECK(d.session.rounds().checklist_at(round_before, lobby)->items.size() == original.items.size());
  REQUIRE(d.session.rounds().pass_checkpoint(round_before, lobby).ok());
  CHECK(d.session.rounds().answer(round_before, lobby, 0)->version == 1);
  REQUIRE(d.session.rounds().finish_round(round_before, "只查了大堂").ok());

  // Tomorrow's round walks version 2, and its answers say so.
  d.session.set_actor(butler);
  d.clock.now += 86400000;
  const Id round_after = d.session.rounds().start_round(d.zone().id).value();
  CHECK(round_after != round_before);
  CHECK(d.session.rounds().round(round_after)->pins == "lobby:2");
  CHECK(d.session.rounds().checklist_at(round_after, lobby)->version == 2);
  REQUIRE(d.session.rounds().pass_checkpoint(round_after, lobby).ok());
  CHECK(d.session.rounds().answer(round_after, lobby, 0)->version == 2);
  CHECK(d.session.rounds().answer(round_after, lobby, 0)->checklist == "lobby");

  // The versions fold the same in any order, and survive a snapshot.
  const std::vector<Op> log = d.session.decoded_log();
  for (const Op& op : log) CHECK(validate_op(op).ok());
  Replica in_order;
  in_order.add(log);
  std::vector<Op> shuffled = log;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937_64(9));
  Replica any_order;
  any_order.add(shuffled);
  CHECK(any_order.data() == in_order.data());
  const auto snap = decode_snapshot(encode_snapshot(in_order.data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.rounds == in_order.data().rounds);
}

TEST_CASE("a checklist edit op is refused when its text or entity is wrong") {
  Device d;
  d.as(Role::head_butler);
  ChecklistTemplate edited = *latest_checklist(d.session.master_data().rounds, "lift");
  edited.items.pop_back();
  REQUIRE(d.session.rounds().save_checklist(edited).ok());
  Op op = d.session.decoded_log().back();
  REQUIRE(op.kind == OpKind::checklist_saved);
  CHECK(validate_op(op).ok());
  Op moved = op;
  moved.entity = checklist_entity("lift", 3);  // says version 2 in its payload
  CHECK_FALSE(validate_op(moved).ok());
  Op broken = op;
  broken.payload.set(F::items, std::string("0\t0\t\t\t\t"));
  CHECK_FALSE(validate_op(broken).ok());
  Op builtin = op;
  builtin.payload.set(F::version, std::int64_t{1});
  builtin.entity = checklist_entity("lift", 1);
  CHECK_FALSE(validate_op(builtin).ok());
}

TEST_CASE("choice and text items are answered with what was chosen or written") {
  Device d;
  d.as(Role::head_butler);
  ChecklistTemplate edited = *latest_checklist(d.session.master_data().rounds, "lobby");
  ChecklistItem weather = item("地面湿滑情况", ItemType::choice);
  weather.choices = {"干燥", "潮湿", "积水"};
  edited.items.push_back(weather);
  edited.items.push_back(item("其他情况说明", ItemType::text));
  REQUIRE(d.session.rounds().save_checklist(edited).ok());
  const Id round = d.session.rounds().start_round(d.zone().id).value();
  const Id lobby = d.lobby(round);
  const int choice = static_cast<int>(edited.items.size()) - 2, text = choice + 1;
  CHECK(d.session.rounds().answer_choice(round, lobby, choice, 3).error().code == "unknown_choice");
  REQUIRE(d.session.rounds().answer_choice(round, lobby, choice, 1).ok());
  CHECK(d.session.rounds().answer(round, lobby, choice)->note == "潮湿");
  CHECK(d.session.rounds().answer(round, lobby, choice)->reading == 1);
  CHECK(d.session.rounds().answer_text(round, lobby, text, "   ").error().code == "text_required");
  CHECK(d.session.rounds().answer_choice(round, lobby, text, 0).error().code == "not_a_choice");
  REQUIRE(d.session.rounds().answer_text(round, lobby, text, "大堂门口有快递堆放").ok());
  CHECK(d.session.rounds().answer(round, lobby, text)->note == "大堂门口有快递堆放");
  // "All pass" answers the checks; with the choice and text given, the checkpoint is done.
  REQUIRE(d.session.rounds().pass_checkpoint(round, lobby).ok());
  CHECK(d.session.rounds().checkpoint_progress(round, lobby).done());
}
