// Shift handover through Session: the form pre-filled from state (keys out,
// lost keys, open findings, overdue tickets and callbacks, model units not yet
// closed), written with the outgoing signature as a frozen copy, taken over
// by the incoming staff with theirs (the keys handed over change holder), the
// last handover to read, two tablets taking over one handover, insane ops
// refused, handovers.csv, and a snapshot.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/handover/handover_codec.hpp"
#include "app/server/csv_export.hpp"
#include "app/store/snapshot.hpp"
#include "app/tickets/ticket_number.hpp"
#include "keys_fixture.hpp"
#include "export_text.hpp"

using namespace app;
using namespace keys_fixture;
using handover::ItemKind;

namespace {

constexpr std::int64_t kEvening = 1795512600000;  // 2026-11-24 17:30 Beijing: the day shift hands over

// The day as it stands at 17:30: a callback two days overdue, a repair slip
// not yet with engineering, a finding on today's round, the model-unit keys
// with the duty butler, and the demo's contractor key and lost key.
struct Shift {
  Device d{21};
  Id callback, repair, finding;
  std::vector<Id> model_keys;
  Shift() {
    i18n::set_current_language(i18n::Lang::zh_CN);
    NewTicket t;
    t.unit = d.session.estate().unit_rows()[10].id;
    t.owner = "张先生";
    t.what = "卫生间水龙头漏水";
    t.kind = tickets::Kind::repair;
    t.severity = tickets::Severity::minor;
    d.clock.now = kAfternoon - 2 * kDay - 4 * kHour;  // 11-22 10:00
    callback = d.session.tickets().open_ticket(t).value();
    (void)d.session.tickets().classify_ticket(callback, tickets::Kind::repair, tickets::Severity::minor);
    for (tickets::Status s : {tickets::Status::dispatched, tickets::Status::accepted, tickets::Status::on_site}) {
      REQUIRE(d.session.tickets().step_ticket(callback, s, "", s == tickets::Status::dispatched ? "工程部" : "").ok());
    }
    REQUIRE(d.session.tickets().finish_ticket(callback, encode_signature(name_signature())).ok());  // the owner signs the repair done
    d.clock.now = kEvening - 30 * kMinute;  // 17:00
    t.what = "入户门锁损坏";
    repair = d.session.tickets().open_ticket(t).value();
    const Id zone = d.session.estate().zone_rows().front().id;
    const Id round = d.session.rounds().start_round(zone).value();
    const RouteStop stop = d.session.rounds().route_of(round).front();
    (void)d.session.rounds().answer_item(round, stop.id, 0, ItemResult::fail, "地面有积水");
    finding = d.session.rounds().open_finding(round, stop.id, 0, NewFinding{"地面有积水", false, "", "保洁"}).value();
    for (const KeyRow& r : d.session.keys().filed_keys()) {
      if (r.key->kind == keys::KeyKind::unit && d.session.master_data().units.at(r.key->place).status == UnitStatus::model) {
        model_keys.push_back(r.key->id);
      }
    }
    (void)d.session.keys().lend(d.loan_to(d.session.actor(), model_keys, "样板间晚间关闭"));
    d.clock.now = kEvening;
  }
};

std::vector<ItemKind> kinds_of(const std::vector<HandoverItem>& items) {
  std::vector<ItemKind> out;
  for (const HandoverItem& it : items) out.push_back(it.kind);
  return out;
}

}  // namespace

TEST_CASE("the handover lists the tickets falling due in the next shift, with which deadline, not only the overdue ones") {
  Shift s;
  NewTicket t;
  t.unit = s.d.session.estate().unit_rows()[12].id;
  t.what = "阳台地漏堵塞";
  t.kind = tickets::Kind::repair;
  t.severity = tickets::Severity::minor;
  t.classified = true;
  s.d.clock.now = kEvening - 5 * kMinute;  // 17:25: the slip is due with engineering by 17:35
  const Id soon = s.d.session.tickets().open_ticket(t).value();
  t.what = "楼道灯不亮";
  t.kind = tickets::Kind::help_seeking;  // resolved within 2 days: not the next shift's
  const Id later = s.d.session.tickets().open_ticket(t).value();
  s.d.clock.now = kEvening;
  const std::vector<HandoverItem> items = s.d.session.handover().handover_prefill();
  const HandoverItem* due = nullptr;
  for (const HandoverItem& it : items) {
    if (it.ref == soon) due = &it;
    CHECK(it.ref != later);
  }
  REQUIRE(due);
  CHECK(due->kind == ItemKind::ticket_due);
  CHECK_FALSE(due->overdue);
  CHECK(due->due_ms == kEvening + 5 * kMinute);
  CHECK(due->text.find("下一班内到期：") == 0);
  CHECK(due->text.find("阳台地漏堵塞（派单 11-24 17:35 前）") != std::string::npos);
  // Named by the number the next shift will quote on the phone.
  const std::string number = tickets::ticket_number(*s.d.session.tickets().ticket(soon));
  CHECK(number.rfind("T0-", 0) == 0);
  CHECK(due->text.find("：" + number + " ") != std::string::npos);
}

TEST_CASE("the handover form is pre-filled from what the product knows, one typed line each") {
  Shift s;
  REQUIRE(s.model_keys.size() == 2);
  const std::vector<HandoverItem> items = s.d.session.handover().handover_prefill();
  const std::vector<ItemKind> expected = {ItemKind::key_out,        ItemKind::key_out,      ItemKind::key_out,
                                          ItemKind::key_lost,       ItemKind::open_finding, ItemKind::callback_due,
                                          ItemKind::overdue_ticket, ItemKind::model_unit_open, ItemKind::model_unit_open};
  CHECK(kinds_of(items) == expected);
  REQUIRE(items.size() == expected.size());
  // Keys out, due soonest first: the contractor's (overdue since last year), then the model units'.
  CHECK(items[0].overdue);
  CHECK(items[0].text.find("钥匙逾期未还：") == 0);
  CHECK(items[0].text.find("李建国（施工单位）") != std::string::npos);
  CHECK_FALSE(items[1].overdue);
  CHECK(items[1].due_ms == kMidnight);
  CHECK((items[1].ref == s.model_keys[0] || items[1].ref == s.model_keys[1]));
  CHECK(items[3].ref == s.d.session.keys().lost_keys().front()->id);
  CHECK(items[4].ref == s.finding);
  CHECK(items[4].text.find("待核实问题：") == 0);
  CHECK(items[5].ref == s.callback);
  CHECK(items[5].overdue);  // due two days after it was done
  CHECK(items[5].text.find("张先生 · 卫生间水龙头漏水") != std::string::npos);
  CHECK(items[6].ref == s.repair);  // the slip was due with engineering within 10 minutes
  CHECK(items[6].due_ms == kEvening - 20 * kMinute);
  CHECK(items[7].ref == s.d.session.estate().zone_rows().front().id);
  CHECK_FALSE(items[7].overdue);  // 20:00 is still to come
  CHECK(items[7].text.find("20:30") != std::string::npos);
  CHECK(items[8].text.find("样板间昨晚未关闭") == 0);
  CHECK(items[8].overdue);
  for (const HandoverItem& it : items) CHECK(it.kind != ItemKind::incident);  // none until the incidents register exists
  // English reads the same state in English.
  i18n::set_current_language(i18n::Lang::en);
  CHECK(s.d.session.handover().handover_prefill()[0].text.find("Key overdue: ") == 0);
  i18n::set_current_language(i18n::Lang::zh_CN);
}

TEST_CASE("the incidents of the shift are handed over: one still open, one closed since the last handover") {
  Shift s;
  NewIncident lift;
  lift.kind = incidents::Kind::lift_entrapment;
  lift.where.lift_number = "3-2";
  lift.where.lift_location = "3栋 2单元 东侧客梯";
  const Id open = s.d.session.incidents().start_incident(lift).value();
  NewIncident leak;
  leak.kind = incidents::Kind::water_leak;
  leak.where.place = "地下车库B区";
  const Id closed = s.d.session.incidents().start_incident(leak).value();
  REQUIRE(s.d.session.incidents().record_incident_step(closed, "source_found", "楼上住户水管爆裂").ok());
  REQUIRE(s.d.file_incident_reports(closed));
  REQUIRE(s.d.session.incidents().close_incident(closed, "已关闭总阀，积水已清理").ok());
  std::vector<HandoverItem> items = s.d.session.handover().handover_prefill();
  std::vector<const HandoverItem*> lines;
  for (const HandoverItem& it : items) if (it.kind == ItemKind::incident) lines.push_back(&it);
  REQUIRE(lines.size() == 2);
  const auto of = [&](const Id& id) { return *std::find_if(lines.begin(), lines.end(), [&](const HandoverItem* it) { return it->ref == id; }); };
  CHECK(of(open)->overdue);  // still open: the next shift's to see through
  CHECK(of(open)->text.find("应急事件处理中：电梯困人") == 0);
  CHECK_FALSE(of(closed)->overdue);
  CHECK(of(closed)->text.find("本班应急事件：") == 0);
  CHECK(of(closed)->text.find("已关闭总阀，积水已清理") != std::string::npos);
  // Once a handover is written, a closed incident of that shift is not handed over again.
  NewHandover h;
  h.signature = name_signature();
  REQUIRE(s.d.session.handover().write_handover(h).ok());
  s.d.clock.now += 60000;
  items = s.d.session.handover().handover_prefill();
  std::size_t incident_lines = 0;
  for (const HandoverItem& it : items) incident_lines += it.kind == ItemKind::incident;
  CHECK(incident_lines == 1);
}

TEST_CASE("the outgoing staff signs a frozen copy - the incoming takes it over and the keys handed over are theirs") {
  Shift s;
  Session& session = s.d.session;
  const Id outgoing = session.actor(), incoming = s.d.staff(Role::butler, 1);
  NewHandover h;
  h.items = session.handover().handover_prefill();
  h.notes = "5栋电梯异响已报工程部\n明早复查";
  h.keys_handed = s.model_keys;
  NewHandover blank = h;
  blank.signature = {};
  CHECK(session.handover().write_handover(blank).error().message == "请交班人签名。");
  h.signature = name_signature();
  NewHandover not_mine = h;
  not_mine.keys_handed.push_back(session.keys().keys_out().front().key->id);  // the contractor has that one
  CHECK(session.handover().write_handover(not_mine).error().code == "key_not_held");
  session.set_actor(Id{});
  CHECK(session.handover().write_handover(h).error().code == "who");
  session.set_actor(outgoing);
  const Id id = session.handover().write_handover(h).value();
  const Handover* written = session.handover().handover(id);
  REQUIRE(written);
  CHECK(written->items == h.items);
  CHECK(written->item_count == static_cast<std::int64_t>(h.items.size()));
  CHECK(written->notes == h.notes);
  CHECK(written->outgoing == outgoing);
  CHECK(decode_signature(written->outgoing_signature) == h.signature);
  CHECK(session.handover().last_handover() == written);
  CHECK_FALSE(session.handover().last_handover()->confirmed());
  // Later changes do not rewrite what was handed over.
  s.d.as(Role::front_desk);
  REQUIRE(session.keys().return_key(session.keys().keys_out().front().key->id).ok());
  CHECK(session.handover().handover_prefill().size() == h.items.size() - 1);
  CHECK(session.handover().handover(id)->items == h.items);
  // Taking it over.
  CHECK(session.handover().confirm_handover(id, outgoing, name_signature(1)).error().code == "own_handover");
  CHECK(session.handover().confirm_handover(id, Id{5, 5}, name_signature(1)).error().code == "unknown_staff");
  CHECK(session.handover().confirm_handover(id, incoming, Signature{}).error().message == "请接班人签名。");
  CHECK(session.handover().confirm_handover(Id{6, 6}, incoming, name_signature(1)).error().code == "unknown_handover");
  CHECK(session.keys().keys_held_by(outgoing).size() == 2);
  s.d.clock.now += 10 * kMinute;
  REQUIRE(session.handover().confirm_handover(id, incoming, name_signature(1)).ok());
  const Handover* taken = session.handover().handover(id);
  CHECK(taken->confirmed());
  CHECK(taken->incoming == incoming);
  CHECK(taken->confirmed_ms == kEvening + 10 * kMinute);
  CHECK(taken->keys_taken == s.model_keys);
  CHECK(taken->keys_not_taken.empty());
  CHECK(session.keys().keys_held_by(outgoing).empty());
  CHECK(session.keys().keys_held_by(incoming).size() == 2);
  const auto history = session.keys().key_history(s.model_keys[0]);
  REQUIRE_FALSE(history.empty());
  CHECK(history.back().kind == KeyHistoryKind::handed_over);
  CHECK(history.back().from == outgoing);
  CHECK(history.back().to == incoming);
  // The incoming now returns them as the holder.
  s.d.clock.now += kMinute;
  REQUIRE(session.keys().return_keys(session.keys().key(s.model_keys[0])->loan).ok());
  CHECK(session.keys().staff_key_history(incoming).back().kind == KeyHistoryKind::returned);
  const auto again = session.handover().confirm_handover(id, s.d.staff(Role::butler, 2), name_signature(2));
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == "already_confirmed");
  CHECK(again.error().message.find(session.estate().staff_name(incoming)) != std::string::npos);
  for (const Op& op : session.decoded_log()) CHECK(validate_op(op).ok());

  // The office's handovers.csv.
  Replica replica;
  replica.add(session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  const std::string csv = export_text((*exports.find("handovers"))(server::ExportInput{replica}));
  CHECK(csv.rfind("交班人,接班人,交班时间,接班确认时间,事项数,备注\r\n", 0) == 0);
  const std::string row = session.estate().staff_name(outgoing) + "," + session.estate().staff_name(incoming) + ",2026-11-24 17:30,2026-11-24 17:40," +
                          std::to_string(h.items.size()) + ",5栋电梯异响已报工程部\n明早复查\r\n";
  CHECK(csv.find(row) != std::string::npos);

  // And the snapshot keeps every part of it.
  const auto snap = decode_snapshot(encode_snapshot(session.master_data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.handover == session.master_data().handover);
  CHECK(snap.value().data.keys == session.master_data().keys);
}

TEST_CASE("a long shift's items: what the op has no room for is counted, not lost") {
  Device d(22);
  NewHandover h;
  for (int i = 0; i < 400; ++i) {
    h.items.push_back({ItemKind::open_finding, Id{1, static_cast<std::uint64_t>(i + 1)}, 0, false,
                       "待核实问题：" + std::to_string(i) + "号 很长很长的一段描述，用来占满交接记录的空间"});
  }
  h.signature = name_signature();
  const Id id = d.session.handover().write_handover(h).value();
  const Handover* written = d.session.handover().handover(id);
  REQUIRE(written);
  CHECK(written->item_count == 400);
  REQUIRE(written->items.size() < 400);
  CHECK(written->items.size() <= kMaxHandoverItems);
  CHECK(written->items.back().kind == ItemKind::more);
  CHECK(written->items.back().text == "另有 " + std::to_string(400 - (written->items.size() - 1)) + " 项未列出");
  CHECK(written->items.front() == h.items.front());
  CHECK(validate_op(d.session.decoded_log().back()).ok());
}

TEST_CASE("two tablets take over one handover offline: the first stands, the second is kept and listed") {
  Device a(23, 0xA), b(24, 0xB);
  a.as(Role::butler);
  const std::vector<Id> keys = a.keys_in(2);
  REQUIRE(a.session.keys().lend(a.loan_to(a.session.actor(), keys, "样板间晚间关闭")).ok());
  NewHandover h;
  h.items = a.session.handover().handover_prefill();
  h.keys_handed = keys;
  h.signature = name_signature();
  const Id id = a.session.handover().write_handover(h).value();
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  REQUIRE(b.session.handover().last_handover());
  CHECK(b.session.handover().last_handover()->id == id);
  const Id x = a.staff(Role::butler, 1), y = a.staff(Role::butler, 2);
  a.clock.now += kMinute;
  b.clock.now += 2 * kMinute;
  REQUIRE(a.session.handover().confirm_handover(id, x, name_signature(1)).ok());
  REQUIRE(b.session.handover().confirm_handover(id, y, name_signature(2)).ok());
  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  CHECK(a.session.master_data().handover == b.session.master_data().handover);
  CHECK(a.session.master_data().keys == b.session.master_data().keys);
  const Handover* h_a = a.session.handover().handover(id);
  CHECK(h_a->incoming == x);
  CHECK(a.session.keys().keys_held_by(x).size() == 2);
  CHECK(a.session.keys().keys_held_by(y).empty());
  const auto conflicts = b.session.handover().handover_conflicts();
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts.front().second->incoming == y);
  CHECK(conflicts.front().second->reason == handover::Refusal::already_confirmed);
  CHECK(decode_signature(conflicts.front().second->signature) == name_signature(2));  // what Y signed is kept
  std::vector<Op> shuffled = a.session.decoded_log();
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937_64(23));
  Replica any;
  any.add(shuffled);
  CHECK(any.data().handover == a.session.master_data().handover);
}

TEST_CASE("validate_op refuses insane handover ops") {
  Device d(25);
  NewHandover h;
  h.items = d.session.handover().handover_prefill();
  h.signature = name_signature();
  REQUIRE(d.session.handover().write_handover(h).ok());
  const Op good = d.session.decoded_log().back();
  REQUIRE(good.kind == OpKind::handover_written);
  REQUIRE(validate_op(good).ok());
  Op op = good;
  Signature dot;
  dot.strokes.push_back({{500, 500}, {501, 501}});
  op.payload.set(F::signature, encode_signature(dot));
  CHECK_FALSE(validate_op(op).ok());  // a blank pad is no signature, on the wire either
  op = good;
  op.payload.set(F::signature, std::string("not strokes"));
  CHECK_FALSE(validate_op(op).ok());
  op = good;
  op.payload.set(F::handover_items, std::string("garbage"));
  CHECK_FALSE(validate_op(op).ok());
  op = good;
  op.payload.set(F::item_count, std::int64_t{-1});
  CHECK_FALSE(validate_op(op).ok());
  op = good;
  op.payload.set(F::incoming, Id{1, 1}.to_hex());  // not a field of the written handover
  CHECK_FALSE(validate_op(op).ok());
  Op confirm = good;
  confirm.kind = OpKind::handover_confirmed;
  confirm.payload = {};
  confirm.payload.set(F::parent, good.entity.to_hex()).set(F::signature, encode_signature(name_signature())).set(F::at_ms, *good.payload.number(F::at_ms));
  CHECK_FALSE(validate_op(confirm).ok());  // who takes it over?
  confirm.payload.set(F::incoming, Id{2, 2}.to_hex());
  CHECK(validate_op(confirm).ok());
  confirm.payload.set(F::incoming, std::string("someone"));
  CHECK_FALSE(validate_op(confirm).ok());
}
