// Tickets through Session: a major complaint from receipt to close with each
// step stamped, refused steps with a reason, the deadline shown at each
// status, lateness that a clock set back cannot hide, and two tablets that
// step the same ticket offline converging with the conflict kept and listed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "app/core/signature.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "app/store/snapshot.hpp"
#include "app/tickets/ticket_labels.hpp"
#include "device_fixture.hpp"

using namespace app;
using tickets::Kind;
using tickets::Severity;
using TS = tickets::Status;

namespace {

constexpr std::int64_t kHour = 3600000, kDay = 24 * kHour;

// What an owner's finger leaves on the pad: three strokes across it.
std::string owner_signature() {
  Signature s;
  for (int k = 0; k < 3; ++k) {
    std::vector<SignaturePoint> stroke;
    for (int i = 0; i < 25; ++i) stroke.push_back({static_cast<std::uint16_t>(120 + k * 260 + i * 8), static_cast<std::uint16_t>(420 + (i % 6) * 25)});
    s.strokes.push_back(stroke);
  }
  return encode_signature(s);
}

struct Device : fixture::Device {
  explicit Device(std::uint64_t seed, std::uint64_t device) : fixture::Device(seed, Id{device, device}) {
    REQUIRE(session.load_demo({}).ok());
  }
  NewTicket leak() const {
    NewTicket t;
    t.unit = session.estate().unit_rows().front().id;
    t.owner = "张先生";
    t.phone = "13812345678";
    t.what = "卫生间天花板漏水，楼上渗下来";
    t.wants = "尽快上门查看维修";
    t.kind = Kind::repair;
    t.severity = Severity::important;
    return t;
  }
};

}  // namespace

TEST_CASE("a repair from receipt to close: each step in order, each deadline in turn, refusals with a reason") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(1, 1);
  NewTicket blank = d.leak();
  blank.what.clear();
  CHECK(d.session.tickets().open_ticket(blank).error().code == "what_required");
  const Id id = d.session.tickets().open_ticket(d.leak()).value();
  const Ticket* t = d.session.tickets().ticket(id);
  REQUIRE(t);
  CHECK(t->status == TS::received);
  CHECK(t->received_by == d.session.actor());
  const std::int64_t received = t->received_ms;
  // Received: escalation (important: the department head within 1 h) and the
  // repair slip (engineering within 10 minutes) — the slip comes first.
  CHECK(d.session.tickets().next_deadline(*t) == received + 10 * 60000);
  const Status skipped = d.session.tickets().step_ticket(id, TS::accepted);
  CHECK(skipped.error().code == "bad_step");
  CHECK(skipped.error().message == "不能跳过中间步骤");
  REQUIRE(d.session.tickets().classify_ticket(id, Kind::repair, Severity::important).ok());
  CHECK(d.session.tickets().step_ticket(id, TS::dispatched).error().code == "handed_to_required");
  REQUIRE(d.session.tickets().step_ticket(id, TS::dispatched, "三联维修单已交", "工程部").ok());
  t = d.session.tickets().ticket(id);
  CHECK(t->handler == "工程部");
  // 000:627 "并请接收人签字接收": sent without the receiver's signature, the
  // slip is not yet received — the butler's tap does not meet the 10 minutes.
  CHECK(d.session.tickets().next_due(*t)->kind == tickets::DeadlineKind::dispatch);
  CHECK_FALSE(d.session.tickets().slip_received(*t));
  REQUIRE(d.session.tickets().step_ticket(id, TS::accepted).ok());
  CHECK_FALSE(d.session.tickets().slip_received(*d.session.tickets().ticket(id)));  // accepted by the butler, not engineering
  REQUIRE(d.session.tickets().step_ticket(id, TS::on_site).ok());
  d.clock.now += 2 * kHour;
  // 业主试用后签字: a repair is done only with the owner's signature, and a blank pad is not one.
  CHECK(d.session.tickets().step_ticket(id, TS::done, "已更换防水层").error().code == "signature_blank");
  CHECK(d.session.tickets().finish_ticket(id, encode_signature(Signature{}), "已更换防水层").error().code == "signature_blank");
  CHECK(d.session.tickets().finish_ticket(id, "not a signature", "已更换防水层").error().code == "signature_unreadable");
  REQUIRE(d.session.tickets().finish_ticket(id, owner_signature(), "已更换防水层，业主试用后签字").ok());
  t = d.session.tickets().ticket(id);
  CHECK(t->done_ms == d.clock.now);
  CHECK(d.session.tickets().next_deadline(*t) == t->done_ms + 2 * kDay);  // the callback
  CHECK(d.session.tickets().step_ticket(id, TS::on_site).error().message == "工单已在这一步之后");
  REQUIRE(d.session.tickets().step_ticket(id, TS::callback, "电话回访，业主满意").ok());
  REQUIRE(d.session.tickets().step_ticket(id, TS::closed).ok());
  t = d.session.tickets().ticket(id);
  CHECK_FALSE(t->open());
  CHECK(t->history.size() == 7);
  CHECK(d.session.tickets().step_ticket(id, TS::callback).error().message == "工单已关闭");
  CHECK(d.session.tickets().open_tickets().empty());
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());
}

TEST_CASE("repair rules: the slip is received when the receiver signs or engineering accepts, the appointment is the on-site deadline, no complaint clocks") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(11, 11);
  NewTicket major = d.leak();
  major.severity = Severity::major;
  major.classified = true;
  const Id id = d.session.tickets().open_ticket(major).value();
  const Ticket* t = d.session.tickets().ticket(id);
  const std::int64_t received = t->received_ms;
  // A major repair has no escalation, answer or 10-day clock: those are the complaints' (000:265).
  const tickets::Deadlines dl = d.session.tickets().deadlines_of(*t);
  CHECK_FALSE(dl.escalate_by);
  CHECK_FALSE(dl.answer_by);
  CHECK_FALSE(dl.resolve_by);
  CHECK(dl.dispatch_by == received + 10 * 60000);
  CHECK_FALSE(d.session.tickets().escalation_target(*t));
  // 000:627 no repair is done from classified: the slip goes to engineering.
  CHECK(d.session.tickets().finish_ticket(id, owner_signature()).error().code == "bad_step");
  // A signature needs a name; a blank pad is no signature.
  CHECK(d.session.tickets().send_slip(id, "工程部", "", owner_signature()).error().code == "receiver_required");
  CHECK(d.session.tickets().send_slip(id, "工程部", "李工", encode_signature(Signature{})).error().code == "signature_blank");
  d.clock.now += 4 * 60000;
  REQUIRE(d.session.tickets().send_slip(id, "工程部", "李工", owner_signature(), "三联单已交").ok());
  t = d.session.tickets().ticket(id);
  CHECK(t->slip_signed_ms == received + 4 * 60000);
  CHECK(t->slip_receiver == "李工");
  CHECK(d.session.tickets().slip_received(*t));
  CHECK_FALSE(d.session.tickets().next_due(*t));  // nothing pending until an appointment is made
  // 000:631 "维修人员应在预约维的时间前到达现场": the appointment becomes the deadline.
  RepairSlipDraft slip;
  slip.appointment_ms = received + 5 * kHour;
  REQUIRE(d.session.tickets().set_repair_slip(id, slip).ok());
  t = d.session.tickets().ticket(id);
  CHECK(d.session.tickets().next_due(*t)->kind == tickets::DeadlineKind::onsite);
  CHECK(d.session.tickets().next_deadline(*t) == received + 5 * kHour);
  d.clock.now = received + 6 * kHour;
  CHECK(d.session.tickets().overdue(*t));

  // Sent unsigned, engineering's own acceptance is the receipt.
  Device e(12, 12);
  NewTicket repair = e.leak();
  repair.classified = true;
  const Id other = e.session.tickets().open_ticket(repair).value();
  REQUIRE(e.session.tickets().send_slip(other, "工程部", {}, {}).ok());
  CHECK_FALSE(e.session.tickets().slip_received(*e.session.tickets().ticket(other)));
  const Id butler = e.session.actor();
  e.as(Role::engineering);
  REQUIRE(e.session.tickets().step_ticket(other, TS::accepted).ok());
  e.session.set_actor(butler);
  CHECK(e.session.tickets().slip_received(*e.session.tickets().ticket(other)));
  for (const Op& op : e.session.decoded_log()) CHECK(validate_op(op).ok());
}

TEST_CASE("an off-list item (000:619) is reviewed by engineering before the owner signs its price, and a new slip is reviewed anew") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(13, 13);
  NewTicket repair = d.leak();
  repair.classified = true;
  const Id id = d.session.tickets().open_ticket(repair).value();
  RepairSlipDraft slip;
  slip.off_list.push_back({Id{}, "更换整体浴室柜", "", 128000, 1});
  REQUIRE(d.session.tickets().set_repair_slip(id, slip).ok());
  const Ticket* t = d.session.tickets().ticket(id);
  CHECK(t->slip.has_off_list());
  CHECK_FALSE(t->slip.price_stands());
  REQUIRE(d.session.tickets().send_slip(id, "工程部", "李工", owner_signature()).ok());
  for (TS s : {TS::accepted, TS::on_site}) REQUIRE(d.session.tickets().step_ticket(id, s).ok());
  CHECK(d.session.tickets().finish_ticket(id, owner_signature()).error().code == "slip_review_pending");
  // The butler may not review; engineering refuses with a reason, or passes.
  CHECK(d.session.tickets().review_slip(id, true).error().code == "not_allowed");
  const Id butler = d.session.actor();
  d.as(Role::engineering);
  CHECK(d.session.tickets().review_slip(id, false).error().code == "note_required");
  REQUIRE(d.session.tickets().review_slip(id, false, "价格高于市场价").ok());
  CHECK_FALSE(d.session.tickets().ticket(id)->slip.price_stands());
  d.session.set_actor(butler);
  slip.off_list[0].price_cents = 98000;
  REQUIRE(d.session.tickets().set_repair_slip(id, slip).ok());
  CHECK(d.session.tickets().ticket(id)->slip.reviewed_ms == 0);  // the new slip waits for its own review
  d.as(Role::engineering);
  REQUIRE(d.session.tickets().review_slip(id, true).ok());
  d.session.set_actor(butler);
  t = d.session.tickets().ticket(id);
  CHECK(t->slip.price_stands());
  CHECK(t->slip.total_cents() == 98000);
  REQUIRE(d.session.tickets().finish_ticket(id, owner_signature()).ok());
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());
  // A slip with no off-list line has nothing to review.
  Device e(14, 14);
  NewTicket plain = e.leak();
  plain.classified = true;
  const Id free_repair = e.session.tickets().open_ticket(plain).value();
  REQUIRE(e.session.tickets().set_repair_slip(free_repair, {}).ok());
  e.as(Role::engineering);
  CHECK(e.session.tickets().review_slip(free_repair, true).error().code == "nothing_to_review");
}

TEST_CASE("a complaint runs its own lifecycle (000:321): on site with the department, handled, answered, called back — never dispatched") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(15, 15);
  NewTicket c = d.leak();
  c.kind = Kind::valid_complaint;
  c.severity = Severity::important;
  c.classified = true;
  const Id id = d.session.tickets().open_ticket(c).value();
  CHECK(d.session.tickets().step_ticket(id, TS::dispatched, "", "秩序维护部").error().code == "bad_step");
  CHECK(d.session.tickets().finish_ticket(id, {}, "已处理").error().code == "bad_step");  // ④ on site first
  REQUIRE(d.session.tickets().step_ticket(id, TS::on_site, "与秩序维护部主管到现场", "秩序维护部").ok());
  CHECK(d.session.tickets().ticket(id)->handler == "秩序维护部");
  REQUIRE(d.session.tickets().finish_ticket(id, {}, "已协调邻居").ok());
  // Answered before the callback (000:265 "给住户明确答复", 000:321 ⑥ 回访).
  CHECK(d.session.tickets().record_callback(id, CallbackMethod::phone, true, "满意").error().code == "answer_first");
  REQUIRE(d.session.tickets().answer_owner(id, CallbackMethod::phone, "已与楼上住户沟通，晚十点后停止施工").ok());
  // A bad callback sends it back to be handled again, not to a repairer.
  REQUIRE(d.session.tickets().record_callback(id, CallbackMethod::phone, false, "仍有噪音").ok());
  const Ticket* t = d.session.tickets().ticket(id);
  CHECK(t->status == TS::classified);
  CHECK(t->done_ms == 0);
  REQUIRE(d.session.tickets().step_ticket(id, TS::on_site, "再次到场", "秩序维护部").ok());
  REQUIRE(d.session.tickets().finish_ticket(id, {}, "已制止").ok());
  REQUIRE(d.session.tickets().record_callback(id, CallbackMethod::phone, true, "满意").ok());
  CHECK(d.session.tickets().ticket(id)->status == TS::closed);
  // A communication complaint may be handled without going on site.
  NewTicket help = c;
  help.kind = Kind::help_seeking;
  help.severity = Severity::minor;
  const Id h = d.session.tickets().open_ticket(help).value();
  REQUIRE(d.session.tickets().finish_ticket(h, {}, "已通知工程部").ok());
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());
}

TEST_CASE("classified as it is received: the class is on record with the receipt, not asked again, and may be corrected until dispatch") {
  Device d(7, 7);
  NewTicket at_desk = d.leak();
  at_desk.classified = true;  // the new-ticket sheet: 记录投诉内容——分类
  const Id id = d.session.tickets().open_ticket(at_desk).value();
  const Ticket* t = d.session.tickets().ticket(id);
  CHECK(t->status == TS::classified);
  REQUIRE(t->history.size() == 1);
  CHECK(t->history[0].to == TS::classified);
  CHECK(t->history[0].at_ms == t->received_ms);
  // Straight to dispatch: the slip to engineering is the next deadline.
  CHECK(d.session.tickets().next_due(*t)->kind == tickets::DeadlineKind::dispatch);
  // The head butler corrects the severity before it is sent on.
  REQUIRE(d.session.tickets().classify_ticket(id, Kind::repair, Severity::major).ok());
  t = d.session.tickets().ticket(id);
  CHECK(t->status == TS::classified);
  CHECK(t->severity == Severity::major);
  REQUIRE(d.session.tickets().step_ticket(id, TS::dispatched, "", "工程部").ok());
  const Status late = d.session.tickets().classify_ticket(id, Kind::repair, Severity::minor);
  CHECK(late.error().code == "bad_step");  // once sent on, the class stands
  CHECK(d.session.tickets().ticket(id)->severity == Severity::major);
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());
}

TEST_CASE("a bad callback reopens the ticket to the repairer — a plain step back does not") {
  Device d(2, 2);
  const Id id = d.session.tickets().open_ticket(d.leak()).value();
  REQUIRE(d.session.tickets().classify_ticket(id, Kind::repair, Severity::minor).ok());
  for (TS s : {TS::dispatched, TS::accepted, TS::on_site}) {
    REQUIRE(d.session.tickets().step_ticket(id, s, "", s == TS::dispatched ? "工程部" : "").ok());
  }
  REQUIRE(d.session.tickets().finish_ticket(id, owner_signature()).ok());
  REQUIRE(d.session.tickets().step_ticket(id, TS::callback).ok());
  CHECK(d.session.tickets().step_ticket(id, TS::dispatched, "", "工程部").error().message == "只有回访或试漏发现问题才能重新派单");
  REQUIRE(d.session.tickets().step_ticket(id, TS::dispatched, "回访发现仍有渗水", "", true).ok());
  const Ticket* t = d.session.tickets().ticket(id);
  CHECK(t->status == TS::dispatched);
  CHECK(t->done_ms == 0);
  CHECK(t->open());
}

TEST_CASE("overdue is judged on a clock that cannot go back — a later date needs the head") {
  Device d(3, 3);
  NewTicket minor = d.leak();
  minor.severity = Severity::minor;
  minor.kind = Kind::valid_complaint;
  const Id id = d.session.tickets().open_ticket(minor).value();
  REQUIRE(d.session.tickets().classify_ticket(id, Kind::valid_complaint, Severity::minor).ok());
  const Ticket* t = d.session.tickets().ticket(id);
  CHECK_FALSE(d.session.tickets().overdue(*t));
  d.clock.now += 2 * kDay + kHour;
  REQUIRE(d.session.tickets().step_ticket(id, TS::on_site, "", "保洁部").ok());  // the tablet sees the late time (its clock stamps it)
  t = d.session.tickets().ticket(id);
  CHECK(d.session.tickets().overdue(*t));
  d.clock.now -= 3 * kDay;  // someone sets the tablet's clock back
  CHECK(d.session.tickets().overdue(*t));

  Device e(4, 4);
  const Id other = e.session.tickets().open_ticket(minor).value();
  CHECK(e.session.tickets().approve_later_date(other).error().code == "not_allowed");  // the manager approves (complaint_test.cpp)
}

TEST_CASE("two tablets step one ticket offline: every replica folds the same, the later step is kept as a conflict") {
  Device a(5, 5), b(6, 6);
  const Id id = a.session.tickets().open_ticket(a.leak()).value();
  REQUIRE(a.session.tickets().classify_ticket(id, Kind::repair, Severity::important).ok());
  REQUIRE(a.session.tickets().step_ticket(id, TS::dispatched, "", "工程部").ok());
  // B learns the ticket, then both act on it without signal.
  std::vector<Op> shared = a.session.decoded_log();
  REQUIRE(b.session.merge_remote(shared).ok());
  REQUIRE(b.session.tickets().ticket(id));
  a.clock.now += 60000;
  b.clock.now += 120000;
  REQUIRE(a.session.tickets().step_ticket(id, TS::accepted, "A 接单").ok());
  REQUIRE(b.session.tickets().step_ticket(id, TS::accepted, "B 接单").ok());
  REQUIRE(b.session.tickets().step_ticket(id, TS::on_site, "B 到场").ok());
  // Back online: each gets the other's ops.
  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  const Ticket* ta = a.session.tickets().ticket(id);
  const Ticket* tb = b.session.tickets().ticket(id);
  REQUIRE(ta);
  REQUIRE(tb);
  CHECK(*ta == *tb);
  CHECK(ta->status == TS::on_site);
  // A's accept came first (its clock was earlier): B's accept is the conflict.
  const auto conflicts = a.session.tickets().ticket_conflicts();
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts.front().second->note == "B 接单");
  CHECK(conflicts.front().second->refused == tickets::TransitionError::goes_backwards);
  CHECK(b.session.tickets().ticket_conflicts().size() == 1);

  // Any order of the same ops gives the same state, and a snapshot keeps it.
  const std::vector<Op> log = a.session.decoded_log();
  Replica in_order;
  in_order.add(log);
  std::vector<Op> shuffled = log;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937_64(5));
  Replica any;
  any.add(shuffled);
  CHECK(any.data().tickets == in_order.data().tickets);
  const auto snap = decode_snapshot(encode_snapshot(in_order.data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.tickets == in_order.data().tickets);
}

TEST_CASE("Today's next actions: a complaint made on the spot is due on site in 5 minutes, first, and says so") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(3, 3);
  const auto before = d.session.tickets().due_within(2 * kHour).size();
  // A leak: the slip to engineering within 10 minutes.
  const Id leak = d.session.tickets().open_ticket(d.leak()).value();
  d.clock.now += 60000;
  // An owner at the counter complains (a visit): someone on site within 5 minutes.
  NewTicket complaint = d.leak();
  complaint.what = "楼道堆放杂物，堵住消防通道";
  complaint.kind = Kind::valid_complaint;
  complaint.severity = Severity::minor;
  complaint.channel = 1;
  const Id spot = d.session.tickets().open_ticket(complaint).value();
  const auto due = d.session.tickets().due_within(2 * kHour);
  REQUIRE(due.size() == before + 2);
  // The demo's own late tickets (deadlines passed) come before; then these two.
  const auto at = [&due](const Id& id) { return std::find_if(due.begin(), due.end(), [&id](const Ticket* t) { return t->id == id; }) - due.begin(); };
  CHECK(at(spot) + 1 == at(leak));  // due at +6 min, before the slip at +10
  const auto first = d.session.tickets().next_due(*d.session.tickets().ticket(spot));
  REQUIRE(first);
  CHECK(first->kind == tickets::DeadlineKind::onsite);
  CHECK(first->at == d.session.tickets().ticket(spot)->received_ms + 5 * 60000);
  CHECK(std::string(i18n::tr(tickets::deadline_label(first->kind))) == "到场");
  CHECK(d.session.tickets().next_due(*d.session.tickets().ticket(leak))->kind == tickets::DeadlineKind::dispatch);
  // A phone complaint of the same kind waits for days: not among the next two hours.
  NewTicket phoned = complaint;
  phoned.channel = 0;
  const Id later = d.session.tickets().open_ticket(phoned).value();
  for (const Ticket* t : d.session.tickets().due_within(2 * kHour)) CHECK(t->id != later);
  // Late, it stays ahead of the leak, and is overdue.
  d.clock.now += 30 * 60000;
  const auto late = d.session.tickets().due_within(2 * kHour);
  const auto pos = [&late](const Id& id) { return std::find_if(late.begin(), late.end(), [&id](const Ticket* t) { return t->id == id; }) - late.begin(); };
  CHECK(pos(spot) < pos(leak));
  CHECK(pos(leak) < static_cast<std::ptrdiff_t>(late.size()));
  CHECK(d.session.tickets().overdue(*d.session.tickets().ticket(spot)));
}
