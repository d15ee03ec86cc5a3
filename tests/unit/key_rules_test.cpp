// Key rules, one table per rule of shared/domain.md §4 and the centre's
// 钥匙管理工作程序: the key's state machine (every status × every act), the end
// of the local day a key is due back by, who may set a later time, overdue
// at the minute after it, and the handover items' text form.
#include <catch2/catch.hpp>

#include "app/handover/handover_codec.hpp"
#include "app/keys/key_rules.hpp"

using namespace app;
using namespace app::keys;

namespace {
constexpr std::int64_t kMinute = 60000, kHour = 60 * kMinute, kDay = 24 * kHour;
constexpr std::int64_t kAfternoon = 1795500000000;  // 2026-11-24 14:00 Beijing
constexpr std::int64_t kMidnight = 1795536000000;   // 2026-11-25 00:00 Beijing
}  // namespace

TEST_CASE("the key's state machine: every status and every act") {
  struct Row { KeyStatus from; Action act; KeyStatus to; KeyError error; };
  const Row rows[] = {
      // Lent only from the cabinet: no double loan, no loan of a lost key.
      {KeyStatus::in, Action::lend, KeyStatus::out, KeyError::none},
      {KeyStatus::out, Action::lend, KeyStatus::out, KeyError::already_out},
      {KeyStatus::lost, Action::lend, KeyStatus::lost, KeyError::lost},
      // Returned only when out: a return of a key in the cabinet is refused, a lost one is "found".
      {KeyStatus::in, Action::give_back, KeyStatus::in, KeyError::not_out},
      {KeyStatus::out, Action::give_back, KeyStatus::in, KeyError::none},
      {KeyStatus::lost, Action::give_back, KeyStatus::lost, KeyError::lost},
      // Lost from the cabinet or by a borrower; not twice.
      {KeyStatus::in, Action::lose, KeyStatus::lost, KeyError::none},
      {KeyStatus::out, Action::lose, KeyStatus::lost, KeyError::none},
      {KeyStatus::lost, Action::lose, KeyStatus::lost, KeyError::lost},
      // A lost key stays lost until found or replaced; notes keep it lost.
      {KeyStatus::in, Action::note, KeyStatus::in, KeyError::not_lost},
      {KeyStatus::out, Action::note, KeyStatus::out, KeyError::not_lost},
      {KeyStatus::lost, Action::note, KeyStatus::lost, KeyError::none},
      {KeyStatus::in, Action::find, KeyStatus::in, KeyError::not_lost},
      {KeyStatus::out, Action::find, KeyStatus::out, KeyError::not_lost},
      {KeyStatus::lost, Action::find, KeyStatus::in, KeyError::none},
      {KeyStatus::in, Action::replace, KeyStatus::in, KeyError::not_lost},
      {KeyStatus::out, Action::replace, KeyStatus::out, KeyError::not_lost},
      {KeyStatus::lost, Action::replace, KeyStatus::in, KeyError::none},
  };
  CHECK(std::size(rows) == 3 * 6);  // every pair
  for (const Row& r : rows) {
    INFO(static_cast<int>(r.from) << " / " << static_cast<int>(r.act));
    const Step s = step(r.from, r.act);
    CHECK(s.to == r.to);
    CHECK(s.error == r.error);
    if (s.error != KeyError::none) CHECK(s.to == r.from);  // a refused act changes nothing
  }
}

TEST_CASE("borrowed today, back today: the end of the local day") {
  struct Row { std::int64_t at; int offset; std::int64_t end; };
  const Row rows[] = {
      {kAfternoon, 480, kMidnight},                     // Beijing afternoon → the coming midnight
      {kMidnight - 1, 480, kMidnight},                  // a millisecond before midnight
      {kMidnight, 480, kMidnight + kDay},               // at midnight the new day has begun
      {kMidnight - 16 * kHour, 480, kMidnight},         // 08:00 the same day
      {kAfternoon, 0, kMidnight + 8 * kHour},           // a UTC tablet: its own midnight
      {kAfternoon + 123, 480, kMidnight},               // odd milliseconds
      {kMidnight - 10 * kHour, -300, kMidnight + 13 * kHour},  // UTC−5: 09:00 there → its own midnight
  };
  for (const Row& r : rows) {
    INFO(r.at << " @ " << r.offset);
    CHECK(end_of_local_day(r.at, r.offset) == r.end);
  }
}

TEST_CASE("a chosen due time: after now, and past today only with the head butler") {
  CHECK(check_due(kAfternoon, kAfternoon + kHour, 480, false) == DueError::none);
  CHECK(check_due(kAfternoon, kMidnight, 480, false) == DueError::none);  // the end of the day itself
  CHECK(check_due(kAfternoon, kMidnight + 1, 480, false) == DueError::after_today);
  CHECK(check_due(kAfternoon, kMidnight + kDay, 480, true) == DueError::none);
  CHECK(check_due(kAfternoon, kAfternoon, 480, true) == DueError::before_out);
  CHECK(check_due(kAfternoon, kAfternoon - kMinute, 480, false) == DueError::before_out);
}

TEST_CASE("overdue once still out after the time due, by default the end of the day it went out") {
  struct Row { std::int64_t out, due, now; bool overdue; };
  const Row rows[] = {
      {kAfternoon, 0, kAfternoon + kHour, false},
      {kAfternoon, 0, kMidnight, false},       // at the stroke of midnight: not yet
      {kAfternoon, 0, kMidnight + 1, true},    // any moment after it
      {kAfternoon, 0, kMidnight + kDay, true},
      {kAfternoon, kAfternoon + 2 * kHour, kAfternoon + 2 * kHour + 1, true},  // a chosen 16:00
      {kAfternoon, kAfternoon + 2 * kHour, kAfternoon + kHour, false},
      {kAfternoon, kMidnight + kDay, kMidnight + kHour, false},                 // a later day the head allowed
  };
  for (const Row& r : rows) {
    INFO(r.out << " " << r.due << " " << r.now);
    CHECK(overdue(r.out, r.due, r.now, 480) == r.overdue);
  }
}

TEST_CASE("stored codes are checked one by one") {
  for (std::int64_t v = -1; v <= 6; ++v) {
    INFO(v);
    CHECK(is_key_kind(v) == (v == 0 || v == 1));
    CHECK(is_custody(v) == (v == 0 || v == 1));
    CHECK(is_key_status(v) == (v >= 0 && v <= 2));
    CHECK(is_borrower_kind(v) == (v >= 0 && v <= 3));
    CHECK(is_follow_up(v) == (v >= 0 && v <= 2));
    CHECK(is_departure_kind(v) == (v == 0 || v == 1));
    CHECK(handover::is_item_kind(v) == (v >= 0 && v <= 6));
  }
  CHECK(handover::is_item_kind(7));  // "and N more"
  CHECK(handover::is_item_kind(8));  // a ticket due in the next shift
  CHECK(handover::is_item_kind(9));  // mail waiting to be collected
  CHECK(handover::is_item_kind(10));  // water or power off
  CHECK(handover::is_item_kind(11));  // a visitor still in
  CHECK_FALSE(handover::is_item_kind(handover::kLastItemKind + 1));
}

TEST_CASE("handover items survive their text form exactly - anything else is refused") {
  std::vector<HandoverItem> items = {
      {handover::ItemKind::key_out, Id{1, 2}, kMidnight, true, "钥匙逾期未还：3栋 2单元 1502（李建国（施工单位），应还 11-24 17:30）"},
      {handover::ItemKind::open_finding, Id{3, 4}, 0, false, "待核实问题：1栋 大堂入口 · 地面无垃圾"},
      {handover::ItemKind::more, Id{}, 0, false, "另有 12 项未列出"},
  };
  const std::string text = encode_handover_items(items);
  const auto back = decode_handover_items(text);
  REQUIRE(back);
  CHECK(*back == items);
  CHECK(decode_handover_items("")->empty());  // a quiet shift
  // Separators inside a text become spaces; the edges are trimmed.
  items[1].text = "\t第一行\n第二行  ";
  CHECK(decode_handover_items(encode_handover_items(items))->at(1).text == "第一行 第二行");
  for (const char* bad : {"99\t00000000000000000000000000000001\t0\t0\tx",  // unknown kind
                          "0\tnot-an-id\t0\t0\tx", "0\t00000000000000000000000000000001\t-5\t0\tx",
                          "0\t00000000000000000000000000000001\t0\t2\tx",   // a flag is 0 or 1
                          "0\t00000000000000000000000000000001\t0\t0\t",    // no words
                          "0\t00000000000000000000000000000001\t0\t0\t x",  // not the form encode writes
                          "0\t00000000000000000000000000000001\t0\t0"}) {
    INFO(bad);
    CHECK_FALSE(decode_handover_items(bad));
  }
  std::vector<HandoverItem> many(kMaxHandoverItems + 1, items[0]);
  CHECK_FALSE(decode_handover_items(encode_handover_items(many)));
}
