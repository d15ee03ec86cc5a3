// Keys through Session: the demo's board, lending and returning with each
// refusal in words, overdue at the end of the day on a clock that cannot go
// back, the leaver who must hand back every key first, lost keys and their
// follow-up, history per key and per person, two tablets lending one key
// offline, insane ops refused, the loan register for the office, snapshots.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/server/csv_export.hpp"
#include "app/store/snapshot.hpp"
#include "keys_fixture.hpp"
#include "export_text.hpp"

using namespace app;
using namespace keys_fixture;
using keys::KeyStatus;

TEST_CASE("the demo's key cabinet: every vacant, renovating and model unit's key, public keys in both sets, the last day's register") {
  Device d(1);
  REQUIRE(d.loaded);
  const MasterData& m = d.session.master_data();
  std::size_t keyed_units = 0, unit_keys = 0, engineering = 0, backup = 0;
  for (const auto& [id, u] : m.units) keyed_units += u.status != UnitStatus::occupied;
  std::string last_group;
  for (const KeyRow& r : d.session.keys().filed_keys()) {
    if (r.key->kind == keys::KeyKind::unit) {
      ++unit_keys;
      CHECK(r.key->custody == keys::Custody::centre);  // 各户钥匙全部由客服中心进行保管
      CHECK(m.units.at(r.key->place).status != UnitStatus::occupied);
      CHECK(r.group.find("层") != std::string::npos);
    } else {
      (r.key->custody == keys::Custody::engineering ? engineering : backup)++;
      CHECK(r.group == r.key->category + " → " + r.key->system);
    }
  }
  CHECK(unit_keys == keyed_units);
  CHECK(unit_keys == 193);
  CHECK(engineering == 30);
  CHECK(backup == 30);
  // Unit keys are filed before public ones, and the board reads 1栋 first.
  CHECK(d.session.keys().filed_keys().front().key->kind == keys::KeyKind::unit);
  CHECK(d.session.keys().filed_keys().front().group.rfind("1栋", 0) == 0);
  CHECK(d.session.keys().filed_keys().back().key->kind == keys::KeyKind::public_area);
  REQUIRE(d.key("配电房", keys::Custody::engineering));
  REQUIRE(d.key("1栋 天台门"));
  // The register: one key still out with a contractor (overdue by now), one lost.
  const auto out = d.session.keys().keys_out();
  REQUIRE(out.size() == 1);
  CHECK(out.front().overdue);
  CHECK(d.session.keys().key_holder_name(out.front()) == "李建国（施工单位）");
  CHECK(out.front().loan->reason == "装修施工进场（已办出入证）");
  REQUIRE(d.session.keys().lost_keys().size() == 1);
  CHECK(d.session.keys().key_events_of(d.session.keys().lost_keys().front()->id).size() == 2);  // the report and its follow-up
  CHECK(d.session.master_data().keys.loans.size() == 3);
  CHECK(d.session.keys().key_conflicts().empty());
}

TEST_CASE("the keeper files keys: unit keys by their unit, public keys by category and system") {
  Device d(2);
  const Id unit = d.session.estate().unit_rows()[40].id;
  NewKey k;
  k.unit = unit;
  CHECK(d.session.keys().add_key(k).error().code == "not_allowed");  // a butler does not file the board
  d.as(Role::front_desk);
  NewKey none;
  CHECK(d.session.keys().add_key(none).error().code == "unit_required");
  const Id id = d.session.keys().add_key(k).value();
  CHECK(d.session.keys().key(id)->label == d.session.estate().unit_rows()[40].label);
  CHECK(d.session.keys().key(id)->custody == keys::Custody::centre);
  NewKey pub;
  pub.kind = keys::KeyKind::public_area;
  pub.system = "中水机房";
  CHECK(d.session.keys().add_key(pub).error().code == "filing_required");
  pub.category = "给排水";
  pub.building = d.session.master_data().units.at(unit).building;
  pub.custody = keys::Custody::engineering;
  const Id p = d.session.keys().add_key(pub).value();
  CHECK(d.session.keys().key(p)->label == d.session.estate().unit_rows()[40].building_name + " 中水机房");
  CHECK(d.session.keys().key(p)->category == "给排水");
  pub.building = Id{9, 9};
  CHECK(d.session.keys().add_key(pub).error().code == "unknown_building");
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());
}

TEST_CASE("a key is lent once: a second loan is refused with who has it - a return of a key not out is refused") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(3);
  d.as(Role::front_desk);
  const Id engineer = d.staff(Role::engineering);
  const KeyRecord* room = d.key("配电房");
  REQUIRE(room);
  const Id key = room->id;
  NewLoan loan = d.loan_to(engineer, {key}, "配电房例行检修");
  loan.reason = "  ";
  CHECK(d.session.keys().lend(loan).error().code == "reason_required");
  loan.reason = "配电房例行检修";
  NewLoan nobody = loan;
  nobody.staff = Id{7, 7};
  CHECK(d.session.keys().lend(nobody).error().code == "unknown_staff");
  NewLoan twice = loan;
  twice.keys = {key, key};
  CHECK(d.session.keys().lend(twice).error().code == "key_twice");
  CHECK(d.session.keys().lend(d.loan_to(engineer, {})).error().code == "no_keys");
  const Id first = d.session.keys().lend(loan).value();
  CHECK(d.session.keys().key(key)->status == KeyStatus::out);
  CHECK(d.session.keys().key(key)->holder == engineer);
  // No double loan: the refusal says whose it is and since when.
  const auto again = d.session.keys().lend(d.loan_to(d.staff(Role::butler, 2), {key}));
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == "already_out");
  CHECK(again.error().message.find("配电房") != std::string::npos);
  CHECK(again.error().message.find(d.session.estate().staff_name(engineer)) != std::string::npos);
  CHECK(again.error().message.find("11-24 14:00") != std::string::npos);
  d.clock.now += 2 * kHour;
  REQUIRE(d.session.keys().return_key(key, "检修完毕").ok());
  CHECK(d.session.keys().key(key)->status == KeyStatus::in);
  CHECK_FALSE(d.session.keys().loan(first)->open());
  // A return of a key that is not out: refused, with a message.
  const Status back_again = d.session.keys().return_key(key);
  CHECK(back_again.error().code == "not_out");
  CHECK(back_again.error().message == "配电房 没有借出，不能归还。");
  CHECK(d.session.keys().return_keys(first).error().code == "all_back");
  CHECK(d.session.keys().return_keys(first, {key}).error().code == "not_out");
  // A bunch: returned one at a time.
  const std::vector<Id> bunch = d.keys_in(3);
  const Id loan3 = d.session.keys().lend(d.loan_to(engineer, bunch)).value();
  CHECK(d.session.keys().return_keys(loan3, {key}).error().code == "not_in_loan");
  REQUIRE(d.session.keys().return_keys(loan3, {bunch[1]}).ok());
  CHECK(d.session.keys().loan(loan3)->open());
  CHECK(d.session.keys().keys_held_by(engineer).size() == 2);
  REQUIRE(d.session.keys().return_keys(loan3).ok());  // the rest
  CHECK_FALSE(d.session.keys().loan(loan3)->open());
  // An outsider needs a name and a phone.
  NewLoan outsider;
  outsider.keys = {key};
  outsider.borrower_kind = keys::BorrowerKind::contractor;
  outsider.reason = "电梯维保";
  outsider.signature = name_signature();
  CHECK(d.session.keys().lend(outsider).error().code == "borrower_required");
  outsider.name = "周师傅";
  outsider.phone = "12";
  CHECK(d.session.keys().lend(outsider).error().code == "phone_required");
  outsider.phone = "13800001111";
  const Id loan4 = d.session.keys().lend(outsider).value();
  CHECK(d.session.keys().borrower_name(*d.session.keys().loan(loan4)) == "周师傅（施工单位）");
  CHECK(d.session.keys().key(key)->holder.is_nil());
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());
}

TEST_CASE("borrowed today, back today: still out after the end of the day is overdue, and a clock set back hides nothing") {
  Device d(4);
  d.as(Role::front_desk);
  const Id butler = d.staff(Role::butler, 1);
  const std::vector<Id> keys = d.keys_in(2);
  const Id loan = d.session.keys().lend(d.loan_to(butler, {keys[0]})).value();
  CHECK(d.session.keys().loan_due(*d.session.keys().loan(loan)) == kMidnight);  // 当天借用，当天归还
  CHECK_FALSE(d.session.keys().loan_overdue(*d.session.keys().loan(loan)));
  d.clock.now = kMidnight - kMinute;  // 23:59
  CHECK_FALSE(d.session.keys().loan_overdue(*d.session.keys().loan(loan)));
  CHECK(d.session.keys().overdue_keys().size() == 1);  // only the demo's contractor, out since last year
  d.clock.now = kMidnight + kMinute;  // 00:01 the next day
  CHECK(d.session.keys().loan_overdue(*d.session.keys().loan(loan)));
  const auto overdue = d.session.keys().overdue_keys();
  REQUIRE(overdue.size() == 2);  // with the demo's contractor
  CHECK(std::any_of(overdue.begin(), overdue.end(), [&](const KeyOut& k) { return k.key->id == keys[0]; }));
  const Id other = d.session.keys().lend(d.loan_to(butler, {keys[1]})).value();  // the tablet stamps the late time
  d.clock.now = kAfternoon - kDay;  // someone sets the clock back a day and a half
  CHECK(d.session.keys().loan_overdue(*d.session.keys().loan(loan)));
  CHECK_FALSE(d.session.keys().loan_overdue(*d.session.keys().loan(other)));
  d.clock.now = kMidnight + kHour;
  // A chosen time: not in the past, and a later day is the manager's exception (000:407).
  NewLoan later = d.loan_to(butler, d.keys_in(1));
  later.due_ms = d.clock.now - kMinute;
  CHECK(d.session.keys().lend(later).error().code == "due_past");
  later.due_ms = d.clock.now + 2 * kDay;
  CHECK(d.session.keys().lend(later).error().code == "due_after_today");
  d.as(Role::head_butler);
  CHECK(d.session.keys().lend(later).error().code == "due_after_today");
  d.as(Role::manager);
  const Id allowed = d.session.keys().lend(later).value();
  CHECK(d.session.keys().loan_due(*d.session.keys().loan(allowed)) == later.due_ms);
  CHECK(d.session.keys().loan(allowed)->approved_by == d.staff(Role::manager));
}

TEST_CASE("a leaver or a change of post waits until every key is back, and the refusal names them") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(5);
  const Id leaver = d.staff(Role::butler, 3);
  d.as(Role::front_desk);
  const std::vector<Id> keys = d.keys_in(2);
  const Id loan = d.session.keys().lend(d.loan_to(leaver, keys)).value();
  CHECK(d.session.keys().record_departure(leaver, keys::DepartureKind::leaves).error().code == "not_allowed");
  d.as(Role::head_butler);
  const auto held = d.session.keys().keys_held_by(leaver);
  REQUIRE(held.size() == 2);
  const auto refused = d.session.keys().record_departure(leaver, keys::DepartureKind::leaves, "个人原因离职");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "keys_not_back");
  CHECK(refused.error().message.find("2 把钥匙未交回") != std::string::npos);
  for (const KeyRecord* k : held) CHECK(refused.error().message.find(k->label) != std::string::npos);
  CHECK(d.session.keys().record_departure(leaver, keys::DepartureKind::changes_post).error().code == "keys_not_back");
  REQUIRE(d.session.keys().return_keys(loan, {keys[0]}).ok());
  CHECK(d.session.keys().record_departure(leaver, keys::DepartureKind::leaves).error().message.find("1 把钥匙") != std::string::npos);
  REQUIRE(d.session.keys().return_keys(loan).ok());
  const Id gone = d.session.keys().record_departure(leaver, keys::DepartureKind::leaves, "个人原因离职").value();
  CHECK(d.session.keys().departure_of(leaver)->id == gone);
  CHECK(d.session.keys().departure_of(leaver)->keys_held == 0);
  CHECK(d.session.keys().record_departure(leaver, keys::DepartureKind::leaves).error().code == "already_left");
  // Gone: no more keys for them.
  CHECK(d.session.keys().lend(d.loan_to(leaver, d.keys_in(1))).error().code == "staff_left");
  // A change of post does not stop anyone borrowing.
  const Id moved = d.staff(Role::butler, 4);
  REQUIRE(d.session.keys().record_departure(moved, keys::DepartureKind::changes_post, "调往二期").ok());
  CHECK(d.session.keys().lend(d.loan_to(moved, d.keys_in(1))).ok());
}

TEST_CASE("a lost key stays lost until found or replaced, and only the manager records a replacement") {
  Device d(6);
  d.as(Role::front_desk);
  const Id butler = d.staff(Role::butler, 1);
  const Id key = d.keys_in(1).front();
  const Id loan = d.session.keys().lend(d.loan_to(butler, {key})).value();
  CHECK(d.session.keys().report_key_lost(key, " ").error().code == "note_required");
  REQUIRE(d.session.keys().report_key_lost(key, "巡楼时遗失在 5 栋").ok());
  CHECK(d.session.keys().key(key)->status == KeyStatus::lost);
  CHECK(d.session.keys().loan(loan)->keys.front().state == LoanKeyState::lost);
  CHECK_FALSE(d.session.keys().loan(loan)->open());  // no longer overdue: the loss is the follow-up now
  CHECK(d.session.keys().keys_held_by(butler).empty());
  CHECK(d.session.keys().report_key_lost(key, "再报一次").error().code == "already_lost");
  CHECK(d.session.keys().return_key(key).error().code == "key_lost");
  CHECK(d.session.keys().lend(d.loan_to(butler, {key})).error().code == "key_lost");
  CHECK(d.session.keys().follow_up_lost_key(key, keys::FollowUp::note).error().code == "note_required");
  REQUIRE(d.session.keys().follow_up_lost_key(key, keys::FollowUp::note, "已在 5 栋各层查找").ok());
  CHECK(d.session.keys().key(key)->status == KeyStatus::lost);
  CHECK(d.session.keys().follow_up_lost_key(key, keys::FollowUp::replaced, "更换锁芯").error().code == "not_allowed");
  d.as(Role::head_butler);
  CHECK(d.session.keys().follow_up_lost_key(key, keys::FollowUp::replaced, "更换锁芯").error().code == "not_allowed");
  d.as(Role::manager);
  REQUIRE(d.session.keys().follow_up_lost_key(key, keys::FollowUp::replaced, "经主任同意更换锁芯，新钥匙入柜").ok());
  CHECK(d.session.keys().key(key)->status == KeyStatus::in);
  CHECK(d.session.keys().follow_up_lost_key(key, keys::FollowUp::found).error().code == "not_lost");
  // The board's other lost key (the demo's) is found.
  const Id demo_lost = d.session.keys().lost_keys().front()->id;
  REQUIRE(d.session.keys().follow_up_lost_key(demo_lost, keys::FollowUp::found, "业主家中找到").ok());
  CHECK(d.session.keys().lost_keys().empty());
  CHECK(d.session.keys().key_events_of(key).size() == 3);
}

TEST_CASE("history per key and per person, oldest first, handovers and conflicts included") {
  Device d(7);
  d.as(Role::front_desk);
  const Id a = d.staff(Role::butler, 1), eng = d.staff(Role::engineering);
  const Id key = d.keys_in(1).front();  // a model unit's: the demo's register has it out and back already
  const std::size_t before = d.session.keys().key_history(key).size();
  REQUIRE(d.session.keys().lend(d.loan_to(a, {key}, "空置房巡查")).ok());
  d.clock.now += kHour;
  REQUIRE(d.session.keys().return_key(key, "已归还").ok());
  d.clock.now += kHour;
  REQUIRE(d.session.keys().lend(d.loan_to(eng, {key}, "水管维修")).ok());
  d.clock.now += kHour;
  REQUIRE(d.session.keys().report_key_lost(key, "维修时遗失").ok());
  const auto all = d.session.keys().key_history(key);
  REQUIRE(all.size() == before + 4);
  const std::vector<KeyHistoryLine> lines(all.begin() + static_cast<std::ptrdiff_t>(before), all.end());
  CHECK(lines[0].kind == KeyHistoryKind::lent);
  CHECK(lines[0].to == a);
  CHECK(lines[0].note == "空置房巡查");
  CHECK(lines[1].kind == KeyHistoryKind::returned);
  CHECK(lines[1].from == a);
  CHECK(lines[1].note == "已归还");
  CHECK(lines[2].kind == KeyHistoryKind::lent);
  CHECK(lines[3].kind == KeyHistoryKind::lost);
  CHECK(lines[3].loan);  // lost while out on the engineer's loan
  const auto of_a = d.session.keys().staff_key_history(a);
  REQUIRE(of_a.size() == 2);
  CHECK(of_a[0].kind == KeyHistoryKind::lent);
  CHECK(of_a[1].kind == KeyHistoryKind::returned);
  CHECK(d.session.keys().staff_key_history(eng).size() == 4 + 1);  // the demo's plant-room keys out and back, and this loan
  const auto contractor = d.session.keys().outsider_key_history("13905716688");  // the demo's contractor
  REQUIRE(contractor.size() == 1);
  CHECK(contractor[0].kind == KeyHistoryKind::lent);
}

TEST_CASE("two tablets lend one key offline: both loans kept, the second is a conflict, and so is its return") {
  Device a(8, 0xA), b(9, 0xB);
  a.as(Role::front_desk);
  b.as(Role::front_desk, 1);
  const Id key = a.keys_in(1).front();
  REQUIRE(b.session.keys().key(key));
  a.clock.now += kMinute;
  b.clock.now += 2 * kMinute;
  const Id la = a.session.keys().lend(a.loan_to(a.staff(Role::butler, 1), {key}, "A 借出")).value();
  const Id lb = b.session.keys().lend(b.loan_to(b.staff(Role::engineering), {key}, "B 借出")).value();
  b.clock.now += kMinute;
  REQUIRE(b.session.keys().return_keys(lb).ok());  // on B it was out: B takes it back
  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  CHECK(a.session.master_data().keys == b.session.master_data().keys);
  // A's loan came first (its clock was earlier): it holds the key, B's is kept, refused.
  REQUIRE(a.session.keys().loan(la));
  REQUIRE(a.session.keys().loan(lb));
  CHECK(a.session.keys().key(key)->status == KeyStatus::out);
  CHECK(a.session.keys().key(key)->loan == la);
  CHECK(a.session.keys().loan(lb)->keys.front().state == LoanKeyState::refused);
  CHECK(a.session.keys().loan(lb)->keys.front().refused == keys::KeyError::already_out);
  const auto conflicts = a.session.keys().key_conflicts();
  REQUIRE(conflicts.size() == 2);
  CHECK(conflicts[0].kind == KeyConflictKind::double_loan);
  CHECK(conflicts[0].record == lb);
  CHECK(conflicts[1].kind == KeyConflictKind::return_not_out);
  CHECK(conflicts[1].loan->id == lb);
  CHECK(b.session.keys().key_conflicts().size() == 2);
  // Any order of the same ops folds the same, and a snapshot keeps it.
  const std::vector<Op> log = a.session.decoded_log();
  Replica in_order;
  in_order.add(log);
  std::vector<Op> shuffled = log;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937_64(8));
  Replica any;
  any.add(shuffled);
  CHECK(any.data().keys == in_order.data().keys);
  const auto snap = decode_snapshot(encode_snapshot(in_order.data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.keys == in_order.data().keys);
}

TEST_CASE("acts that no longer fit are listed too: a departure recorded elsewhere while keys were held, a handed-over key already back") {
  Device a(13, 0xA), b(14, 0xB);
  const Id leaver = a.staff(Role::butler, 3);
  a.as(Role::front_desk);
  b.as(Role::head_butler);
  a.clock.now += kMinute;
  b.clock.now += 2 * kMinute;
  const Id key = a.keys_in(1).front();
  REQUIRE(a.session.keys().lend(a.loan_to(leaver, {key})).ok());
  REQUIRE(b.session.keys().record_departure(leaver, keys::DepartureKind::leaves, "离职").ok());  // B saw no key out
  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  const auto conflicts = a.session.keys().key_conflicts();
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].kind == KeyConflictKind::departure_with_keys);
  CHECK(conflicts[0].staff == leaver);
  CHECK(conflicts[0].keys_held == 1);
  CHECK(a.session.keys().keys_held_by(leaver).size() == 1);  // still to come back: the board says so

  // A key checked off at a handover, returned to the cabinet before the take-over.
  Device d(15);
  d.as(Role::butler);
  const std::vector<Id> two = d.keys_in(2);
  REQUIRE(d.session.keys().lend(d.loan_to(d.session.actor(), two)).ok());
  NewHandover h;
  h.keys_handed = two;
  h.signature = name_signature();
  const Id id = d.session.handover().write_handover(h).value();
  REQUIRE(d.session.keys().return_key(two[1], "交班前已放回").ok());
  REQUIRE(d.session.handover().confirm_handover(id, d.staff(Role::butler, 1), name_signature(1)).ok());
  CHECK(d.session.handover().handover(id)->keys_taken == std::vector<Id>{two[0]});
  CHECK(d.session.handover().handover(id)->keys_not_taken == std::vector<Id>{two[1]});
  REQUIRE(d.session.keys().key_conflicts().size() == 1);
  CHECK(d.session.keys().key_conflicts()[0].kind == KeyConflictKind::handover_key_not_out);
  CHECK(d.session.keys().key_conflicts()[0].key->id == two[1]);
}

TEST_CASE("validate_op refuses insane key ops, and the roles that may write them") {
  Device d(10);
  d.as(Role::front_desk);
  const Id key = d.keys_in(1).front();
  REQUIRE(d.session.keys().lend(d.loan_to(d.staff(Role::butler, 1), {key})).ok());
  const Op good = d.session.decoded_log().back();
  REQUIRE(good.kind == OpKind::key_lent);
  REQUIRE(validate_op(good).ok());
  auto with = [&](auto change) {
    Op op = good;
    change(op.payload);
    return validate_op(op).ok();
  };
  CHECK_FALSE(with([](Payload& p) { p.set(F::borrower_kind, std::int64_t{9}); }));
  CHECK_FALSE(with([](Payload& p) { p.set(F::keys, std::string("xyz")); }));
  CHECK_FALSE(with([&](Payload& p) { p.set(F::keys, key.to_hex() + "," + key.to_hex()); }));  // one key twice
  CHECK_FALSE(with([&](Payload& p) { p.set(F::keys, key.to_hex() + ","); }));
  CHECK_FALSE(with([](Payload& p) { p.set(F::due_ms, *p.number(F::at_ms) - 1); }));  // due before it went out
  CHECK_FALSE(with([](Payload& p) { p.set(F::at_ms, std::int64_t{5}); }));
  CHECK_FALSE(with([](Payload& p) { p.set(F::name, std::string("外来人")); }));  // a staff loan with an outsider's name is neither
  CHECK_FALSE(with([](Payload& p) { p.set(F::outcome, std::int64_t{1}); }));     // not a loan's field
  CHECK_FALSE(with([](Payload& p) { p.set(F::keys, std::int64_t{1}); }));        // wrong type
  CHECK_FALSE(with([](Payload& p) { p.mutable_fields().push_back({120, false, 1, {}}); }));  // past every known field
  std::string hundred_and_one;
  fakes::Random r(3);
  for (int i = 0; i < 101; ++i) hundred_and_one += (i ? "," : "") + Id::random(r).to_hex();
  CHECK_FALSE(with([&](Payload& p) { p.set(F::keys, hundred_and_one); }));
  Op unit_key;
  unit_key = good;
  unit_key.kind = OpKind::key_set;
  unit_key.payload = {};
  unit_key.payload.set(F::key_kind, std::int64_t{0}).set(F::name, std::string("3栋 1502"));
  CHECK_FALSE(validate_op(unit_key).ok());  // a unit key needs its unit
  unit_key.payload.set(F::parent, Id{1, 1}.to_hex());
  CHECK(validate_op(unit_key).ok());
  unit_key.payload.set(F::custody, std::int64_t{2});
  CHECK_FALSE(validate_op(unit_key).ok());
  // Who may write what: the board is the keeper's, a departure the head's.
  const auto may = [](Role r, OpKind k) { return role_may_write(static_cast<std::int64_t>(r), k); };
  CHECK(may(Role::front_desk, OpKind::key_set));
  CHECK_FALSE(may(Role::butler, OpKind::key_set));
  CHECK(may(Role::butler, OpKind::key_lent));
  CHECK(may(Role::butler, OpKind::handover_confirmed));
  CHECK_FALSE(may(Role::security, OpKind::key_lent));
  CHECK_FALSE(may(Role::front_desk, OpKind::staff_departed));
  CHECK(may(Role::head_butler, OpKind::staff_departed));
  CHECK(may(Role::manager, OpKind::key_followed_up));
}

TEST_CASE("keys.csv is the loan register, one row per key, in Beijing time") {
  Device d(11);
  Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  const std::string csv = export_text((*exports.find("keys"))(server::ExportInput{replica}));
  CHECK(csv.rfind("钥匙,类别,借用人,事由,借出时间,应还时间,归还时间,状态\r\n", 0) == 0);
  const std::string engineer = d.session.estate().staff_name(d.staff(Role::engineering));
  CHECK(csv.find("配电房（客服中心备用）,公共钥匙 · 供配电 → 配电房," + engineer +
                 ",配电房例行检修，水泵房巡检,2025-12-31 09:10,2026-01-01 00:00,2025-12-31 16:40,已归还\r\n") != std::string::npos);
  CHECK(csv.find("地下室水泵房（客服中心备用）,公共钥匙 · 给排水 → 地下室水泵房,") != std::string::npos);
  CHECK(csv.find(",分户钥匙,李建国（施工单位 13905716688）,装修施工进场（已办出入证）,2025-12-31 10:05,2025-12-31 17:30,,逾期未还\r\n") !=
        std::string::npos);
  CHECK(csv.find(",分户钥匙," + d.session.estate().staff_name(d.staff(Role::butler)) + ",样板间开门通风,2025-12-31 07:25,") != std::string::npos);
  std::size_t rows = 0;
  for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) ++rows;
  CHECK(rows == 1 + 2 + 2 + 1);  // header, the model units' two keys, the plant rooms' two, the contractor's one
  CHECK(exports.find("handovers"));
}

TEST_CASE("the key cabinet survives a snapshot: keys, loans, events and departures") {
  Device d(12);
  d.as(Role::front_desk);
  const Id butler = d.staff(Role::butler, 1);
  const std::vector<Id> keys = d.keys_in(3);
  const Id loan = d.session.keys().lend(d.loan_to(butler, keys)).value();
  REQUIRE(d.session.keys().return_keys(loan, {keys[0]}, "先还一把").ok());
  REQUIRE(d.session.keys().report_key_lost(keys[1], "遗失").ok());
  d.as(Role::head_butler);
  REQUIRE(d.session.keys().record_departure(d.staff(Role::butler, 5), keys::DepartureKind::changes_post, "调岗").ok());
  const MasterData& data = d.session.master_data();
  REQUIRE(!data.keys.departures.empty());
  const auto back = decode_snapshot(encode_snapshot(data, {}, 0, FoldKey{}, {}));
  REQUIRE(back.ok());
  CHECK(back.value().data.keys == data.keys);
  CHECK(back.value().data == data);
}
