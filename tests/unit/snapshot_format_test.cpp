// The snapshot's stored bytes, pinned. A snapshot is only a cache, but one
// written by this build must read in the next and the other way round as long
// as kSnapshotFormatVersion stays the same: a field moved, re-encoded or
// dropped without a version bump would be misread, not dropped. So the bytes
// of a hand-built projection with one entity of every type (two elements in
// every list, every field a value of its own, so that two fields swapped
// show) are pinned by their SHA-256; a change of the format must change the
// digest here together with the version.
#include <catch2/catch.hpp>

#include <string>

#include "app/core/bytes.hpp"
#include "app/core/sha256.hpp"
#include "app/demo/demo_community.hpp"
#include "app/domain/replica.hpp"
#include "app/ops/codec.hpp"
#include "app/store/snapshot.hpp"

using namespace app;

namespace {

// Every id, number and text drawn from one counter: no two fields alike.
struct Values {
  std::uint64_t n = 0;
  Id id() {
    ++n;
    return Id{0x5EED000000000000ull + n, 0x0123456789ABCDEFull ^ n};
  }
  std::int64_t number() { return static_cast<std::int64_t>(++n) * 1009; }
  std::string text(const char* what) { return std::string(what) + " " + std::to_string(++n); }
};

ChecklistItem item(Values& v, ItemType type) {
  ChecklistItem i;
  i.zh = v.text("检查项");
  i.en = i.zh;
  i.type = type;
  i.photo_required = type == ItemType::check;
  if (type == ItemType::choice) i.choices = {v.text("是"), v.text("否")};
  if (type == ItemType::reading) i.unit = "kWh";
  return i;
}

MasterData one_of_each() {
  Values v;
  MasterData d;
  d.community = {v.id(), "望江花园", "成都"};
  const Id building = v.id(), unit = v.id(), staff = v.id(), zone = v.id(), checkpoint = v.id(), round = v.id();
  d.buildings[building] = Building{building, v.text("楼"), 33, 2};
  d.units[unit] = Unit{unit, building, v.number(), v.text("单元"), v.text("室"), UnitStatus::renovating, UnitStatus::vacant};  // format 10
  {
    Resident r{v.id(), unit, v.text("姓名"), v.text("电话"), v.text("职业"), false, Relation::tenant, v.number(), v.number(), false};
    d.residents[r.id] = r;
  }
  d.staff[staff] = Staff{staff, v.text("员工"), v.text("工号"), v.text("电话"), v.text("pin"), Role::head_butler};
  d.zones[zone] = Zone{zone, v.text("片区"), staff, {building, v.id()}, v.number(), true};
  d.checkpoints[checkpoint] = Checkpoint{checkpoint, building, zone, v.text("点位"), CheckpointKind::fire_door, v.number(), true};
  {
    HouseholdMove m{v.id(), unit, staff, true, v.number(), {v.id(), v.id()}, v.text("住户卡"), v.number(), v.text("备注"), v.number()};
    d.moves[m.id] = m;
  }
  {
    ContactView c{v.id(), v.id(), staff, v.number()};
    d.contact_views[c.id] = c;
  }
  {
    Photo p{v.id(), checkpoint, sha256_hex("photo"), v.number()};
    d.photos[p.id] = p;
  }

  Round r;
  r.id = round;
  r.zone = zone;
  r.butler = staff;
  r.kind = RoundKind::gate;
  r.day = 20260101;
  r.route = {checkpoint, v.id()};
  r.started_ms = v.number();
  r.finished_ms = v.number();
  r.pins = "lift:3";
  r.finish_note = v.text("钥匙不在");
  d.rounds.rounds[r.id] = r;
  Answer a;
  a.id = v.id();
  a.round = round;
  a.checkpoint = checkpoint;
  a.item = v.number();
  a.result = ItemResult::fail;
  a.note = v.text("备注");
  a.reading = v.number();
  a.has_reading = true;
  a.checklist = v.text("lift");
  a.version = v.number();
  a.at_ms = v.number();
  d.rounds.answers[a.id] = a;
  Finding f;
  f.id = v.id();
  f.round = round;
  f.checkpoint = checkpoint;
  f.opened_by = staff;
  f.verified_by = v.id();
  f.item = v.number();
  f.note = v.text("问题");
  f.urgent = true;
  f.told = v.text("对讲");
  f.department = v.text("工程部");
  f.opened_ms = v.number();
  f.verified_ms = v.number();
  f.verify_note = v.text("复核");
  f.owner_notice = true;
  d.rounds.findings[f.id] = f;
  SavedChecklist c;
  c.id = v.id();
  c.saved_by = staff;
  c.saved_ms = v.number();
  c.checklist.key = "lift";
  c.checklist.zh = v.text("电梯");
  c.checklist.en = c.checklist.zh;
  c.checklist.version = v.number();
  c.checklist.items = {item(v, ItemType::check), item(v, ItemType::reading), item(v, ItemType::choice)};
  d.rounds.checklists[c.id] = c;

  Ticket t;
  t.id = v.id();
  t.unit = unit;
  t.received_by = staff;
  t.responsible = v.id();
  t.owner = v.text("业主");
  t.phone = v.text("电话");
  t.what = v.text("内容");
  t.wants = v.text("诉求");
  t.handler = v.text("处理人");
  t.number = "T3-0042";
  t.signature = v.text("签名");
  t.channel = 3;
  t.received_ms = v.number();
  t.requested_ms = v.number();
  t.done_ms = v.number();
  t.closed_ms = v.number();
  t.kind = tickets::Kind::repair;
  t.severity = tickets::Severity::important;
  t.approved_later = true;
  t.status = tickets::Status::callback;
  t.leak_test_ms = v.number();
  t.callback_ms = v.number();
  t.callback_problem = true;
  t.rechecked_ms = v.number();
  t.recheck_problem = false;
  t.slip.set = true;
  t.slip.appointment_ms = v.number();
  t.slip.category = tickets::RepairCategory::leak;
  t.slip.materials = v.text("材料");
  t.slip.lines = {SlipLine{v.id(), v.text("水龙头"), "个", 1250, 2}, SlipLine{v.id(), v.text("软管"), "根", 800, 1}};
  t.complained_person = v.text("被投诉人");
  t.complained_department = v.text("被投诉部门");
  t.escalation_step = true;
  t.escalated_ms = v.number();
  t.escalated_to = static_cast<std::int64_t>(Role::head_butler);
  t.answered_ms = v.number();
  t.later_asked_ms = v.number();
  t.later_approved_ms = v.number();
  t.later_approved_by = v.id();
  t.every_event_callback = true;  // format 10
  t.handed_over_ms = v.number();
  t.own_lifecycle = true;  // format 11
  t.slip_signed_ms = v.number();
  t.slip_receiver = v.text("接收人");
  t.slip_receiver_signature = v.text("签名");
  t.accepted_ms = v.number();
  t.accepted_by = v.id();
  t.slip.reviewed_ms = v.number();
  t.slip.review_passed = true;
  t.slip.reviewed_by = v.id();
  for (int i = 0; i < 2; ++i) {
    TicketStep s;
    s.id = v.id();
    s.by = staff;
    s.event = i == 0 ? TicketEvent::handed_on : TicketEvent::recheck;
    s.to = i == 0 ? tickets::Status::dispatched : tickets::Status::closed;
    s.at_ms = v.number();
    s.note = v.text("步骤");
    s.handed_to = v.text("部门");
    s.assignee = v.id();
    s.callback_failed = i == 0;
    s.method = i;
    s.result = 1 - i;
    s.refused = i == 0 ? tickets::TransitionError::none : tickets::TransitionError::reopen_needs_callback;
    s.role = i == 0 ? static_cast<std::int64_t>(Role::manager) : -1;
    s.date_ms = i == 0 ? 0 : v.number();
    t.history.push_back(s);
  }
  d.tickets.tickets[t.id] = t;
  {
    PriceItem p{v.id(), v.text("更换水龙头"), "个", v.number(), true};
    d.tickets.prices[p.id] = p;
    Visit vi{v.id(), unit, staff, v.number(), 1, v.text("走访"), v.text("跟进")};
    d.tickets.visits[vi.id] = vi;
  }
  d.tickets.settings = {7, 3, 45, 4, 5, 11, 6, 8, 9};
  d.tickets.settings.complaint_callback_days = 4;  // format 10

  KeyRecord k;
  k.id = v.id();
  k.place = unit;
  k.kind = keys::KeyKind::public_area;
  k.custody = keys::Custody::engineering;
  k.label = v.text("标签");
  k.category = v.text("类别");
  k.system = v.text("系统");
  k.added_ms = v.number();
  k.status = keys::KeyStatus::lost;
  k.loan = v.id();
  k.holder = v.id();
  k.lost_report = v.id();
  k.retired = true;
  d.keys.keys[k.id] = k;
  Loan l;
  l.id = v.id();
  l.lent_by = staff;
  l.borrower = v.id();
  l.borrower_kind = keys::BorrowerKind::contractor;
  l.borrower_name = v.text("借用人");
  l.phone = v.text("电话");
  l.reason = v.text("事由");
  l.out_ms = v.number();
  l.due_ms = v.number();
  l.keys = {LoanKey{k.id, LoanKeyState::returned, keys::KeyError::not_out, v.id(), v.number(), v.id()},
            LoanKey{v.id(), LoanKeyState::refused, keys::KeyError::already_out, v.id(), v.number(), v.id()}};
  l.returns = {LoanReturn{v.id(), v.id(), v.number(), v.text("归还"), {k.id, v.id()}, {v.id()}},
               LoanReturn{v.id(), v.id(), v.number(), v.text("归还"), {}, {v.id(), v.id()}}};
  l.transfers = {KeyTransfer{k.id, v.id(), v.id(), v.id(), v.number()}, KeyTransfer{v.id(), v.id(), v.id(), v.id(), v.number()}};
  l.signature = v.text("签收");  // format 9
  l.approved_by = v.id();
  l.approved_ms = v.number();
  l.approval_note = v.text("过夜");
  d.keys.loans[l.id] = l;
  {
    KeyEvent e{v.id(), k.id, staff, KeyEventKind::replaced, v.number(), v.text("说明"), l.id, keys::KeyError::not_lost};
    d.keys.events[e.id] = e;
    Departure dep{v.id(), v.id(), staff, keys::DepartureKind::changes_post, v.number(), v.text("调岗"), 3};
    d.keys.departures[dep.id] = dep;
  }

  Handover h;
  h.id = v.id();
  h.outgoing = staff;
  h.written_ms = v.number();
  h.notes = v.text("交班");
  h.items = {HandoverItem{handover::ItemKind::key_out, k.id, v.number(), true, v.text("钥匙")},
             HandoverItem{handover::ItemKind::incident, v.id(), 0, false, v.text("事件")}};
  h.item_count = 5;
  h.keys_handed = {k.id, v.id()};
  h.outgoing_signature = v.text("签名");
  h.incoming = v.id();
  h.confirmation = v.id();
  h.confirmed_ms = v.number();
  h.incoming_signature = v.text("签名");
  h.keys_taken = {v.id(), v.id()};
  h.keys_not_taken = {v.id()};
  h.refused = {RefusedConfirmation{v.id(), v.id(), v.id(), v.number(), v.text("签名"), handover::Refusal::own_handover},
               RefusedConfirmation{v.id(), v.id(), v.id(), v.number(), v.text("签名"), handover::Refusal::already_confirmed}};
  d.handover.handovers[h.id] = h;

  Incident i;
  i.id = v.id();
  i.started_by = staff;
  i.closed_by = v.id();
  i.unit = unit;
  i.building = building;
  i.kind = incidents::Kind::water_leak;
  i.place = v.text("地点");
  i.lift_number = v.text("电梯");
  i.lift_location = v.text("位置");
  i.outcome = v.text("结果");
  i.lift_floor = v.number();
  i.has_lift_floor = true;
  i.started_ms = v.number();
  i.closed_ms = v.number();
  i.steps = {IncidentStep{v.id(), staff, "call", v.text("报警"), v.number(), v.number(), true, v.text("维保"), v.number()},
             IncidentStep{v.id(), v.id(), "rescue", v.text("救出"), v.number(), v.number(), false, "", 0}};
  i.reports = {FiledReport{v.id(), staff, incidents::ReportForm::special, v.number(), v.text("经过")},
               FiledReport{v.id(), v.id(), incidents::ReportForm::major, v.number(), v.text("经过")}};  // format 9
  i.people = {v.text("张三"), v.text("李四")};
  i.notes = {IncidentNote{v.id(), staff, v.number(), v.text("记录")}, IncidentNote{v.id(), v.id(), v.number(), v.text("记录")}};
  d.incidents.incidents[i.id] = i;

  Renovation rn;
  rn.id = v.id();
  rn.unit = unit;
  rn.applied_by = staff;
  rn.owner = v.text("业主");
  rn.contractor = v.text("施工单位");
  rn.contractor_phone = v.text("电话");
  rn.scope = v.text("范围");
  rn.refund_signature = v.text("签名");
  rn.planned_start = 20260105;
  rn.planned_end = 20260305;
  rn.applied_ms = v.number();
  rn.stage = renovation::Stage::rechecked;
  rn.deposit_cents = v.number();
  rn.waste_fee_cents = v.number();
  rn.completion_day = 20260310;
  rn.completion_ms = v.number();
  rn.recheck_ms = v.number();
  rn.refunded_ms = v.number();
  rn.refund_cents = v.number();
  rn.penalty_cents = v.number();
  rn.papers = {RenovationPaper{v.id(), staff, renovation::PaperKind::insurance, sha256_hex("insurance"), v.number()},
               RenovationPaper{v.id(), v.id(), renovation::PaperKind::worker_id, sha256_hex("worker"), v.number()}};
  rn.passes = {RenovationPass{v.id(), staff, v.id(), v.text("出入证"), v.text("工人"), v.number(), v.number(), 0},
               RenovationPass{v.id(), v.id(), v.id(), v.text("出入证"), v.text("工人"), v.number(), 0, v.number()}};
  rn.notices = {ViolationNotice{v.id(), staff, v.id(), v.id(), v.text("违规"), v.text("跟进"), renovation::Action::deduct_deposit,
                                20260201, v.number(), v.number(), v.number(), 20260203, "N3-0007"},
                ViolationNotice{v.id(), v.id(), v.id(), v.id(), v.text("违规"), v.text("跟进"), renovation::Action::expel_contractor,
                                20260202, v.number(), v.number(), v.number(), 20260204}};
  // format 10: a notice's set of actions; the renovation settings.
  rn.notices[0].actions = renovation::action_bit(renovation::Action::deduct_deposit) | renovation::action_bit(renovation::Action::expel_contractor);
  rn.notices[1].actions = renovation::action_bit(renovation::Action::expel_contractor);
  d.renovation.settings = renovation::Settings{v.number(), false};
  rn.history = {RenovationStep{v.id(), staff, renovation::Stage::approved, v.number(), v.text("审批"), renovation::TransitionError::none},
                RenovationStep{v.id(), v.id(), renovation::Stage::refunded, v.number(), v.text("退款"),
                               renovation::TransitionError::already_refunded}};
  d.renovation.renovations[rn.id] = rn;

  // format 11: the mail register and its return time.
  MailItem mi;
  mi.id = v.id();
  mi.received_by = staff;
  mi.unit = unit;
  mi.kind = mail::Kind::express;
  mi.carrier = v.text("顺丰");
  mi.tracking = v.text("SF");
  mi.recipient = v.text("收件人");
  mi.note = v.text("备注");
  mi.received_ms = v.number();
  mi.notices = {MailNotice{v.id(), staff, mail::NoticeHow::sms, v.number(), v.text("短信")},
                MailNotice{v.id(), v.id(), mail::NoticeHow::phone, v.number(), v.text("电话")}};
  mi.state = mail::State::collected;
  mi.closed_record = v.id();
  mi.closed_by = v.id();
  mi.closed_ms = v.number();
  mi.collector = mail::Collector::tenant;
  mi.collector_name = v.text("领取人");
  mi.signature = v.text("签名");
  mi.close_note = v.text("说明");
  mi.conflicts = {MailConflict{v.id(), v.id(), mail::State::returned, v.number(), v.text("冲突")}};
  d.mail.items[mi.id] = mi;
  d.mail.settings.return_after_days = 14;

  // format 13: an outage notice, posted and withdrawn.
  Outage ou;
  ou.id = v.id();
  ou.announced_by = staff;
  ou.kind = outages::Kind::power;
  ou.reason = v.text("停电原因");
  ou.from_ms = v.number();
  ou.until_ms = v.number();
  ou.buildings = {v.id(), v.id()};
  ou.announced_ms = v.number();
  ou.posted_ms = v.number();
  ou.posted_by = v.id();
  ou.cancelled_ms = v.number();
  ou.cancelled_by = v.id();
  ou.cancel_note = v.text("撤销");
  d.outages.notices[ou.id] = ou;

  ImportRecord im{v.id(), staff, ImportKind::checkpoints, v.text("文件"), v.number(), v.number(), v.number(), v.number()};
  d.setup.imports[im.id] = im;
  d.setup.hours = EstateHours{.model_opens = 9 * 60, .model_closes = 18 * 60, .greeting_from = 7 * 60, .greeting_until = 8 * 60, .gate = v.id(),
                              .zone_round_from = 8 * 60 + 30, .zone_round_until = 17 * 60, .close_grace_minutes = 15};  // format 11

  // format 13: the visitors register.
  VisitorRecord vi;
  vi.id = v.id();
  vi.received_by = staff;
  vi.purpose = v.text("来意");
  vi.name = v.text("来访人");
  vi.phone = v.text("电话");
  vi.note = v.text("备注");
  vi.id_seen = visitors::IdSeen::work_pass;
  vi.unit = unit;
  vi.department = v.text("工程部");
  vi.place = visitors::Place::other;
  vi.place_text = v.text("会议室");
  vi.arrived_ms = v.number();
  vi.told_by = v.id();
  vi.told_ms = v.number();
  vi.left_by = v.id();
  vi.left_ms = v.number();
  vi.ticket = v.id();
  vi.ticket_by = v.id();
  d.visitors.visits[vi.id] = vi;
  return d;
}

std::string one_of_each_snapshot(const MasterData& d) {
  const FoldKey frontier{{1767225600000, 7}, Id{0xD, 0xE}, Id{0xF, 0x1}};
  return encode_snapshot(d, {Id{1, 2}, Id{3, 4}, Id{5, 6}}, 4, frontier, {{2, "damaged record"}});
}

}  // namespace

TEST_CASE("snapshot bytes are pinned: one entity of every type writes exactly these bytes") {
  const MasterData d = one_of_each();
  const std::string bytes = one_of_each_snapshot(d);
  // Changing this digest is changing the format: bump kSnapshotFormatVersion with it.
  CHECK(sha256_hex(bytes) == "9c9d3612d83a3369aee1f17e0d4077620d8ede99e087fe044aba5e880d2a0779");
  CHECK(kSnapshotFormatVersion == 13);
  // And they read back to the same projection, every field of it.
  Result<Snapshot> s = decode_snapshot(bytes);
  REQUIRE(s.ok());
  CHECK(s.value().data == d);
  CHECK(s.value().op_count == 3);
  CHECK(s.value().record_count == 4);
  REQUIRE(s.value().quarantined.size() == 1);
  CHECK(s.value().quarantined[0].index == 2);
}

TEST_CASE("snapshot of the demo community: the same bytes in one go or in small steps") {
  const DemoCommunity demo = generate_demo({});
  Replica replica;
  replica.add(demo.ops);
  const std::string whole = encode_snapshot(replica.data(), replica.ids(), replica.size(), replica.frontier(), {});
  // A step may stop anywhere inside a section and go on from there.
  SnapshotWriter writer(replica.data(), replica.size(), [&replica](std::size_t i) { return replica.id_at(i); }, replica.size(),
                        replica.frontier(), {});
  int steps = 0;
  while (!writer.step(7)) ++steps;
  CHECK(steps > 100);
  std::string stepped;
  for (const std::string& chunk : writer.take()) stepped += chunk;
  CHECK(stepped == whole);
}

TEST_CASE("a format-2 snapshot still reads: its rounds are zone rounds, owners owners, the sections after the findings absent") {
  using namespace bytes;
  const Id op{0xAA, 0xBB}, round{0xC1, 1}, zone{0xC2, 2}, butler{0xC3, 3}, owner{0xC4, 4}, family{0xC4, 5};
  auto format_2 = [&](bool one_byte_more) {
    std::string b = "BUTLERSN";
    b.push_back(2);
    put_varint(b, 1);  // ops
    put_varint(b, 1);  // records
    put_varint(b, 1767225600000);
    put_varint(b, 0);
    put_id(b, Id{0xD, 1});
    put_id(b, op);
    put_varint(b, 1);
    put_id(b, op);
    put_varint(b, 0);  // nothing set aside
    put_id(b, Id{0xC0, 0});
    put_text(b, "望江花园");
    put_text(b, "成都");
    put_varint(b, 0);  // buildings
    put_varint(b, 0);  // units
    put_varint(b, 2);  // residents: an owner and a family member, before relations were stored
    for (const Id& person : {owner, family}) {
      put_id(b, person);
      put_id(b, Id{0xC5, 5});
      put_text(b, person == owner ? "张伟" : "李娜");
      put_text(b, "13800000000");
      put_text(b, "");
      put_varint(b, person == owner ? 1 : 0);  // owner bit, removed bit
      put_varint(b, zigzag(20200101));
      put_varint(b, 0);
    }
    put_varint(b, 0);  // staff
    put_varint(b, 0);  // zones
    put_varint(b, 0);  // checkpoints
    put_varint(b, 0);  // photos (no moves in format 2)
    put_varint(b, 1);
    put_id(b, round);
    put_id(b, zone);
    put_id(b, butler);
    for (std::int64_t n : {20260101ll, 1000ll, 2000ll}) put_varint(b, zigzag(n));
    put_varint(b, 0);  // answers
    put_varint(b, 0);  // findings
    if (one_byte_more) put_varint(b, 0);
    put_u32(b, crc32(b));
    return b;
  };
  Result<Snapshot> s = decode_snapshot(format_2(false));
  REQUIRE(s.ok());
  CHECK(s.value().data.community.name == "望江花园");
  REQUIRE(s.value().data.rounds.rounds.size() == 1);
  const Round& r = s.value().data.rounds.rounds.at(round);
  CHECK(r.kind == RoundKind::zone);
  CHECK(r.pins.empty());
  CHECK(r.zone == zone);
  CHECK(r.butler == butler);
  CHECK(r.finished_ms == 2000);
  CHECK(s.value().data.tickets.tickets.empty());
  CHECK(s.value().data.tickets.settings == tickets::Settings{});
  // A relation follows the owner flag, as the fold of an op with only F::is_owner.
  REQUIRE(s.value().data.residents.size() == 2);
  CHECK(s.value().data.residents.at(owner).owner);
  CHECK(s.value().data.residents.at(owner).relation == Relation::owner);
  CHECK(s.value().data.residents.at(owner).moved_in == 20200101);
  CHECK(s.value().data.residents.at(family).relation == Relation::family);
  CHECK(s.value().data.residents.at(family).moved_in == 20200101);
  CHECK(s.value().data.moves.empty());
  // Format 2 ends after the findings: anything more is damage.
  CHECK_FALSE(decode_snapshot(format_2(true)).ok());
}

namespace {
template <class Map>
auto& only(Map& map) {
  return map.begin()->second;
}
}  // namespace

TEST_CASE("a snapshot holding a value no fold could have produced is refused, whole") {
  struct Case {
    const char* what;
    void (*spoil)(MasterData&);
  };
  const Case cases[] = {
      {"unit status", [](MasterData& d) { only(d.units).status = static_cast<UnitStatus>(4); }},
      {"resident relation", [](MasterData& d) { only(d.residents).relation = static_cast<Relation>(3); }},
      {"owner flag apart from the relation", [](MasterData& d) { only(d.residents).owner = true; }},
      {"staff role", [](MasterData& d) { only(d.staff).role = static_cast<Role>(8); }},
      {"checkpoint kind", [](MasterData& d) { only(d.checkpoints).kind = static_cast<CheckpointKind>(kLastCheckpointKind + 1); }},
      {"negative checkpoint kind", [](MasterData& d) { only(d.checkpoints).kind = static_cast<CheckpointKind>(-1); }},
      {"photo digest", [](MasterData& d) { only(d.photos).sha256 = "not a digest"; }},
      {"round kind", [](MasterData& d) { only(d.rounds.rounds).kind = static_cast<RoundKind>(5); }},
      {"answer result", [](MasterData& d) { only(d.rounds.answers).result = static_cast<ItemResult>(3); }},
      {"ticket kind", [](MasterData& d) { only(d.tickets.tickets).kind = static_cast<tickets::Kind>(7); }},
      {"ticket severity", [](MasterData& d) { only(d.tickets.tickets).severity = static_cast<tickets::Severity>(3); }},
      {"ticket status", [](MasterData& d) { only(d.tickets.tickets).status = static_cast<tickets::Status>(8); }},
      {"repair category", [](MasterData& d) { only(d.tickets.tickets).slip.category = static_cast<tickets::RepairCategory>(3); }},
      {"ticket step event", [](MasterData& d) { only(d.tickets.tickets).history[1].event = static_cast<TicketEvent>(10); }},
      {"ticket escalated to", [](MasterData& d) { only(d.tickets.tickets).escalated_to = 8; }},
      {"ticket step status", [](MasterData& d) { only(d.tickets.tickets).history[0].to = static_cast<tickets::Status>(-1); }},
      {"ticket step refusal", [](MasterData& d) { only(d.tickets.tickets).history[1].refused = static_cast<tickets::TransitionError>(7); }},
      {"ticket number all digits", [](MasterData& d) { only(d.tickets.tickets).number = "12345678"; }},
      {"ticket settings", [](MasterData& d) { d.tickets.settings.onsite_minutes = 0; }},
      {"visitor identity seen", [](MasterData& d) { only(d.visitors.visits).id_seen = static_cast<visitors::IdSeen>(3); }},
      {"visitor reception place", [](MasterData& d) { only(d.visitors.visits).place = static_cast<visitors::Place>(-1); }},
      {"an hour past the day", [](MasterData& d) { d.setup.hours.model_closes = 24 * 60; }},
      {"a closing grace past an hour", [](MasterData& d) { d.setup.hours.close_grace_minutes = 61; }},
      {"key kind", [](MasterData& d) { only(d.keys.keys).kind = static_cast<keys::KeyKind>(2); }},
      {"key custody", [](MasterData& d) { only(d.keys.keys).custody = static_cast<keys::Custody>(2); }},
      {"key status", [](MasterData& d) { only(d.keys.keys).status = static_cast<keys::KeyStatus>(3); }},
      {"borrower kind", [](MasterData& d) { only(d.keys.loans).borrower_kind = static_cast<keys::BorrowerKind>(4); }},
      {"loan key state", [](MasterData& d) { only(d.keys.loans).keys[1].state = static_cast<LoanKeyState>(4); }},
      {"loan key refusal", [](MasterData& d) { only(d.keys.loans).keys[0].refused = static_cast<keys::KeyError>(6); }},
      {"key event kind", [](MasterData& d) { only(d.keys.events).kind = static_cast<KeyEventKind>(4); }},
      {"key event refusal", [](MasterData& d) { only(d.keys.events).refused = static_cast<keys::KeyError>(-2); }},
      {"departure kind", [](MasterData& d) { only(d.keys.departures).kind = static_cast<keys::DepartureKind>(2); }},
      {"keys held", [](MasterData& d) { only(d.keys.departures).keys_held = -1; }},
      {"handover refusal", [](MasterData& d) { only(d.handover.handovers).refused[1].reason = static_cast<handover::Refusal>(4); }},
      {"incident kind", [](MasterData& d) { only(d.incidents.incidents).kind = static_cast<incidents::Kind>(9); }},
      {"renovation stage", [](MasterData& d) { only(d.renovation.renovations).stage = static_cast<renovation::Stage>(10); }},
      {"paper kind", [](MasterData& d) { only(d.renovation.renovations).papers[1].kind = static_cast<renovation::PaperKind>(5); }},
      {"paper digest", [](MasterData& d) { only(d.renovation.renovations).papers[0].sha256 = "0123"; }},
      {"notice action", [](MasterData& d) { only(d.renovation.renovations).notices[1].action = static_cast<renovation::Action>(4); }},
      {"notice number all digits", [](MasterData& d) { only(d.renovation.renovations).notices[0].number = "12345678"; }},
      {"renovation step stage", [](MasterData& d) { only(d.renovation.renovations).history[0].to = static_cast<renovation::Stage>(10); }},
      {"notice actions", [](MasterData& d) { only(d.renovation.renovations).notices[1].actions = 32; }},
      {"notice action outside its set", [](MasterData& d) { only(d.renovation.renovations).notices[1].actions = 1; }},
      {"renovation penalty", [](MasterData& d) { d.renovation.settings.lost_pass_penalty_cents = -2; }},
      {"unit recorded status", [](MasterData& d) { only(d.units).recorded_status = static_cast<UnitStatus>(7); }},
      {"renovation step refusal",
       [](MasterData& d) { only(d.renovation.renovations).history[1].refused = static_cast<renovation::TransitionError>(4); }},
  };
  const MasterData good = one_of_each();
  REQUIRE(decode_snapshot(one_of_each_snapshot(good)).ok());
  for (const Case& c : cases) {
    MasterData bad = good;
    c.spoil(bad);
    INFO(c.what);
    const Result<Snapshot> s = decode_snapshot(one_of_each_snapshot(bad));
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == "snapshot_damaged");
  }
}
