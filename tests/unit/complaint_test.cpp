// A complaint's own acts, as 000 第二篇 (物业客服投诉接待) and 001 write them:
// escalation is its own recorded step by the one who hands up, to the role the
// class names; the owner's answer stops the answer clock; a minor complaint's
// later date is the manager's to approve; the record names who and which
// department is complained about. Rule tables first (each row citing the
// manual's line), then the same through Session, the server's role table,
// the office's CSV and tickets recorded before these ops.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/server/csv_export.hpp"
#include "app/session/session.hpp"
#include "app/store/snapshot.hpp"
#include "app/tickets/complaint_rules.hpp"
#include "device_fixture.hpp"
#include "export_text.hpp"

using namespace app;
using tickets::DeadlineKind;
using tickets::Kind;
using tickets::Severity;
using TS = tickets::Status;

namespace {

constexpr std::int64_t kHour = 3600000, kDay = 24 * kHour;
constexpr Role kAllRoles[] = {Role::butler, Role::head_butler, Role::front_desk, Role::manager,
                              Role::engineering, Role::security, Role::cleaning, Role::greening};

std::int64_t role_number(Role r) { return static_cast<std::int64_t>(r); }

struct Device : fixture::Device {
  explicit Device(std::uint64_t seed) : fixture::Device(seed, Id{seed, seed}) { REQUIRE(session.load_demo({}).ok()); }
  TicketsService& tickets() { return session.tickets(); }
  Id complaint(Severity severity, std::string person = {}, std::string department = {}) {
    NewTicket t;
    t.unit = session.estate().unit_rows().front().id;
    t.owner = "李女士";
    t.what = "保洁员在电梯里与业主争吵";
    t.wants = "道歉并处理";
    t.kind = Kind::valid_complaint;
    t.severity = severity;
    t.complained_person = std::move(person);
    t.complained_department = std::move(department);
    t.classified = true;
    return session.tickets().open_ticket(t).value();
  }
  const Ticket& ticket(const Id& id) { return *session.tickets().ticket(id); }
};

Op escalation_op(Role to) {
  Op op;
  op.op_id = Id{1, 1};
  op.device_id = Id{2, 2};
  op.hlc = Hlc{1795500000000, 0};
  op.actor = Id{3, 3};
  op.entity = Id{4, 4};
  op.kind = OpKind::ticket_escalated;
  op.payload.set(F::parent, Id{5, 5}.to_hex()).set(F::role, role_number(to)).set(F::at_ms, 1795500000000);
  return op;
}

}  // namespace

TEST_CASE("complaint rules: whom each class is handed up to, who may hand up, classify and approve a later date") {
  // 000:265 "重大投诉,应当天呈送管理处主任进入处理程序"
  CHECK(tickets::escalation_role(Severity::major) == Role::manager);
  // 000:265 "重要投诉,应在接待一小时内转呈部门主管进入处理程序" (部门主管: the head butler, docs/glossary.md)
  CHECK(tickets::escalation_role(Severity::important) == Role::head_butler);
  // 000:265 "轻微投诉,应在2天内或在住户要求的期限内解决": not handed up.
  CHECK_FALSE(tickets::escalation_role(Severity::minor));
  CHECK(tickets::escalation_meets(Severity::major, Role::manager));
  CHECK_FALSE(tickets::escalation_meets(Severity::major, Role::head_butler));  // 000:265: the manager, not the department head
  CHECK(tickets::escalation_meets(Severity::important, Role::head_butler));
  CHECK(tickets::escalation_meets(Severity::important, Role::manager));

  struct Row { Role by; bool to_manager, to_head, classify, approve; };
  const Row rows[] = {
      // who hands up: someone below the role it goes to (000:265 呈送 / 转呈); who classifies:
      // the office that records it (000:257 "在相关规范记录本上详细记录"); who approves a
      // later date: the manager (001:9 "超時需經小區主任批準").
      {Role::butler, true, true, true, false},
      {Role::front_desk, true, true, true, false},
      {Role::head_butler, true, false, true, false},   // the department head hands up to the manager only
      {Role::manager, false, false, true, true},       // nobody to hand up to; the one who approves
      {Role::engineering, false, false, false, false}, // repairers neither receive nor classify complaints
      {Role::security, false, false, false, false},
      {Role::cleaning, false, false, false, false},
      {Role::greening, false, false, false, false},
  };
  for (const Row& r : rows) {
    INFO("role " << role_number(r.by));
    CHECK(tickets::may_escalate(role_number(r.by), Role::manager) == r.to_manager);
    CHECK(tickets::may_escalate(role_number(r.by), Role::head_butler) == r.to_head);
    CHECK(tickets::may_classify(role_number(r.by)) == r.classify);
    CHECK(tickets::may_approve_later_date(role_number(r.by)) == r.approve);
  }
}

TEST_CASE("the server's role table refuses an escalation, a classification or an approval by the wrong role") {
  for (Role by : kAllRoles) {
    for (Role to : {Role::manager, Role::head_butler}) {
      INFO(role_number(by) << " -> " << role_number(to));
      const Op op = escalation_op(to);
      REQUIRE(validate_op(op).ok());
      // 000:265: the op spec's writers and rights are what the server checks (push_gate.cpp).
      const bool expected = tickets::may_escalate(role_number(by), to);
      CHECK(may_record(op, role_number(by)).ok() == expected);
      if (!expected) CHECK(may_record(op, role_number(by)).error().code == "forbidden_role");
    }
  }
  // An escalation names one of the two roles the manual names, nobody else.
  CHECK_FALSE(validate_op(escalation_op(Role::engineering)).ok());

  Op classify = escalation_op(Role::manager);
  classify.kind = OpKind::ticket_stepped;
  classify.payload = Payload{};
  classify.payload.set(F::parent, Id{5, 5}.to_hex()).set(F::stage, static_cast<std::int64_t>(TS::classified)).set(F::at_ms, 1795500000000);
  REQUIRE(validate_op(classify).ok());
  CHECK(may_record(classify, role_number(Role::butler)).ok());
  CHECK_FALSE(may_record(classify, role_number(Role::engineering)).ok());  // 000:257: the office records and classifies

  Op approve = escalation_op(Role::manager);
  approve.kind = OpKind::later_date_approved;
  approve.payload = Payload{};
  approve.payload.set(F::parent, Id{5, 5}.to_hex()).set(F::requested_ms, 1795900000000).set(F::at_ms, 1795500000000);
  REQUIRE(validate_op(approve).ok());
  for (Role by : kAllRoles) {
    INFO(role_number(by));
    CHECK(may_record(approve, role_number(by)).ok() == (by == Role::manager));  // 001:9 "超時需經小區主任批準"
  }
}

TEST_CASE("which deadline is pending: escalation until handed up, the answer until given, resolution until done") {
  const tickets::Deadlines major{100, 200, std::nullopt, std::nullopt, 1000};
  struct Row { TS status; bool escalated, answered; std::optional<DeadlineKind> next; };
  const Row rows[] = {
      {TS::classified, false, false, DeadlineKind::escalate},   // 000:265 "应当天呈送管理处主任"
      {TS::dispatched, false, true, DeadlineKind::escalate},    // classifying or dispatching is not handing up
      {TS::classified, true, false, DeadlineKind::answer},      // 000:265 "2天内给住户明确答复"
      {TS::on_site, true, true, DeadlineKind::resolve},         // answered: only "10日内解决" is left
      {TS::done, false, false, std::nullopt},                   // done: nothing of these (the callback is apart)
  };
  for (const Row& r : rows) {
    INFO(static_cast<int>(r.status) << " " << r.escalated << r.answered);
    const auto due = tickets::pending_due(major, r.status, {r.escalated, r.answered});
    CHECK(due.has_value() == r.next.has_value());
    if (due && r.next) CHECK(due->kind == *r.next);
  }
}

TEST_CASE("a major complaint escalated, answered on day 1 and resolved on day 8 is never overdue on the answer deadline") {
  // 000:265 "重大投诉,应当天呈送管理处主任进入处理程序,2天内给住户明确答复,10日内解决"
  // 001:9 "重大投訴應當在2日給投訴的住戶明確答復"
  Device d(21);
  d.as(Role::butler);
  const Id id = d.complaint(Severity::major);
  const std::int64_t received = d.ticket(id).received_ms;
  // Classified at receipt: that is not the escalation any more.
  CHECK(d.tickets().next_due(d.ticket(id))->kind == DeadlineKind::escalate);
  CHECK(d.tickets().escalation_target(d.ticket(id)) == Role::manager);
  d.clock.now += kHour;
  REQUIRE(d.tickets().escalate_ticket(id, "已呈送管理处主任").ok());
  CHECK(d.ticket(id).escalated_to == role_number(Role::manager));
  CHECK(d.ticket(id).history.back().by == d.session.actor());  // by the person who hands up
  CHECK(d.tickets().escalate_ticket(id).error().code == "already_escalated");
  CHECK(d.tickets().next_due(d.ticket(id))->kind == DeadlineKind::answer);
  d.clock.now = received + kDay;
  CHECK(d.tickets().answer_owner(id, CallbackMethod::phone, "").error().code == "answer_required");
  REQUIRE(d.tickets().answer_owner(id, CallbackMethod::phone, "已电话告知：明天约谈保洁主管，三日内书面答复").ok());
  CHECK(d.ticket(id).answered_ms == received + kDay);
  // 000:321 ④ on site with the responsible department's head: a complaint is not dispatched.
  REQUIRE(d.tickets().step_ticket(id, TS::on_site, "与保洁主管到现场了解情况", "保洁部").ok());
  // Every hour to day 8 the next deadline is the resolution, never the answer, and nothing is late.
  for (std::int64_t at = received + kDay; at < received + 8 * kDay; at += kHour) {
    d.clock.now = at;
    const auto due = d.tickets().next_due(d.ticket(id));
    REQUIRE(due);
    CHECK(due->kind == DeadlineKind::resolve);
    CHECK_FALSE(d.tickets().overdue(d.ticket(id)));
  }
  d.clock.now = received + 8 * kDay;
  REQUIRE(d.tickets().finish_ticket(id, {}, "已处理，保洁员调岗").ok());
  d.clock.now += kHour;
  CHECK_FALSE(d.tickets().overdue(d.ticket(id)));
  CHECK(d.tickets().next_due(d.ticket(id))->kind == DeadlineKind::callback);
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());

  // The same complaint never answered: from day 2 it is late on the answer.
  Device e(22);
  e.as(Role::butler);
  const Id silent = e.complaint(Severity::major);
  REQUIRE(e.tickets().escalate_ticket(silent).ok());
  e.clock.now = e.ticket(silent).received_ms + 2 * kDay + kHour;
  CHECK(e.tickets().overdue(e.ticket(silent)));
  CHECK(e.tickets().next_due(e.ticket(silent))->kind == DeadlineKind::answer);
}

TEST_CASE("escalation by the wrong role is refused: the manager does not hand up to the manager, engineering does not classify") {
  Device d(23);
  d.as(Role::manager);
  const Id major = d.complaint(Severity::major);
  CHECK(d.tickets().escalate_ticket(major).error().code == "not_allowed");  // 000:265 "呈送管理处主任": to, not by
  d.as(Role::head_butler);
  const Id important = d.complaint(Severity::important);
  CHECK(d.tickets().escalation_target(d.ticket(important)) == Role::head_butler);
  CHECK(d.tickets().escalate_ticket(important).error().code == "not_allowed");  // 000:265 "转呈部门主管": not to oneself
  REQUIRE(d.tickets().escalate_ticket(major).ok());                             // the head butler hands a major one up
  d.as(Role::butler);
  REQUIRE(d.tickets().escalate_ticket(important).ok());
  CHECK(d.tickets().escalated(d.ticket(important)));
  const Id minor = d.complaint(Severity::minor);
  CHECK(d.tickets().escalate_ticket(minor).error().code == "no_escalation");  // 000:265: a minor one is resolved, not handed up

  NewTicket unclassified;
  unclassified.what = "楼上装修噪音";
  unclassified.severity = Severity::important;
  const Id open = d.tickets().open_ticket(unclassified).value();
  d.as(Role::engineering);
  CHECK(d.tickets().classify_ticket(open, Kind::valid_complaint, Severity::important).error().code == "not_allowed");  // 000:257
  d.as(Role::front_desk);
  REQUIRE(d.tickets().classify_ticket(open, Kind::valid_complaint, Severity::important).ok());
  CHECK_FALSE(d.tickets().escalated(d.ticket(open)));
}

TEST_CASE("a minor complaint's later date: asked after classification, approved by the manager only, the deadline moves to it") {
  // 001:9 "輕微投訴,不超過2天內或在住戶要求的期限內解決,超時需經小區主任批準"
  Device d(24);
  d.as(Role::butler);
  const Id id = d.complaint(Severity::minor);
  const std::int64_t received = d.ticket(id).received_ms;
  CHECK(d.tickets().deadlines_of(d.ticket(id)).resolve_by == received + 2 * kDay);  // 000:265 "应在2天内…解决"
  REQUIRE(d.tickets().step_ticket(id, TS::on_site, "", "保洁部").ok());
  CHECK(d.tickets().approve_later_date(id).error().code == "not_allowed");
  CHECK(d.tickets().ask_later_date(id, received + kDay).error().code == "not_later");
  const std::int64_t later = received + 6 * kDay;
  REQUIRE(d.tickets().ask_later_date(id, later, "业主出差，下周再处理").ok());
  CHECK(d.tickets().later_date_waiting(d.ticket(id)) == later);
  CHECK(d.tickets().deadlines_of(d.ticket(id)).resolve_by == received + 2 * kDay);  // asked, not approved: the standard stands
  struct Row { Role by; bool approves; };
  for (const Row r : {Row{Role::butler, false}, Row{Role::front_desk, false}, Row{Role::head_butler, false}}) {
    INFO(role_number(r.by));
    d.as(r.by);
    CHECK(d.tickets().approve_later_date(id).error().code == "not_allowed");
  }
  d.as(Role::manager);
  REQUIRE(d.tickets().approve_later_date(id, "同意").ok());
  const Ticket& t = d.ticket(id);
  CHECK(t.later_approved_ms == later);
  CHECK(t.later_approved_by == d.session.actor());  // recorded with who approved
  CHECK(d.tickets().deadlines_of(t).resolve_by == later);
  CHECK(d.tickets().later_date_waiting(t) == 0);
  d.clock.now = received + 3 * kDay;
  CHECK_FALSE(d.tickets().overdue(t));  // past the 2 days, within the approved date

  const Id major = d.complaint(Severity::major);
  CHECK(d.tickets().ask_later_date(major, received + 20 * kDay).error().code == "minor_only");
}

TEST_CASE("the complaint record names who and which department, on the ticket, in tickets.csv and through a snapshot") {
  // 000:257 "详细记录投诉事件的发生时间、地点、被投诉人及被投诉部门、发生经过、住户的要求"
  Device d(25);
  const Id id = d.complaint(Severity::important, "保洁员小周", "保洁部");
  REQUIRE(d.tickets().escalate_ticket(id).ok());
  REQUIRE(d.tickets().answer_owner(id, CallbackMethod::visit, "当面致歉").ok());
  CHECK(d.ticket(id).complained_person == "保洁员小周");
  CHECK(d.ticket(id).complained_department == "保洁部");
  Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  const std::string csv = export_text((*exports.find("tickets"))(server::ExportInput{replica}));
  CHECK(csv.find("业主诉求,被投诉人,被投诉部门,受理人") != std::string::npos);
  CHECK(csv.find("道歉并处理,保洁员小周,保洁部,") != std::string::npos);
  CHECK(csv.find("上报 ") != std::string::npos);
  CHECK(csv.find("客服主管") != std::string::npos);  // the role it was handed up to
  const auto snap = decode_snapshot(encode_snapshot(replica.data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.tickets == replica.data().tickets);
}

TEST_CASE("tickets recorded before these ops still load: classification counted as escalation, the answer waits for done") {
  Device a(26);
  a.as(Role::butler);
  const Id id = a.complaint(Severity::major);
  // The ops as an older tablet wrote them: no escalation_step on the receipt.
  std::vector<Op> old;
  for (const Op& op : a.session.decoded_log()) {
    if (op.kind == OpKind::ticket_opened || op.kind == OpKind::ticket_stepped) old.push_back(op);
  }
  for (Op& op : old) {
    auto& fields = op.payload.mutable_fields();
    fields.erase(std::remove_if(fields.begin(), fields.end(), [](const Payload::Field& f) { return f.key == static_cast<std::uint16_t>(F::escalation_step); }),
                 fields.end());
  }
  Device b(27);
  REQUIRE(b.session.merge_remote(old).ok());
  const Ticket& t = b.ticket(id);
  CHECK_FALSE(t.escalation_step);
  CHECK(b.tickets().escalated(t));  // as before: classified means escalated
  b.clock.now = t.received_ms + kHour;
  CHECK(b.tickets().next_due(t)->kind == DeadlineKind::answer);
  // As before: no answer on record, the answer deadline stays until done.
  b.clock.now = t.received_ms + 3 * kDay;
  CHECK(b.tickets().overdue(t));
  CHECK(b.tickets().next_due(t)->kind == DeadlineKind::answer);
}

// Issue 16 item 6: 000:321 "处理沟通性投诉的程序…⑤、回访"; 003 "对所有与客户发生服务关系之事件需要回访".
TEST_CASE("a communication complaint and an enquiry close only after their callback, due by the complaint window") {
  Device d(28);
  d.as(Role::butler);
  for (Kind kind : {Kind::venting, Kind::inquiry}) {
    NewTicket t;
    t.unit = d.session.estate().unit_rows().front().id;
    t.what = kind == Kind::venting ? "业主抱怨楼道灯太暗" : "业主询问停车月卡价格";
    t.kind = kind;
    t.severity = Severity::minor;
    t.classified = true;
    const Id id = d.tickets().open_ticket(t).value();
    REQUIRE(d.ticket(id).every_event_callback);
    REQUIRE(d.tickets().finish_ticket(id, {}, "已解答").ok());
    const Ticket& done = d.ticket(id);
    REQUIRE(done.status == TS::done);
    // Not closed straight from done any more: the callback is owed, due in the complaint window.
    CHECK_FALSE(d.tickets().step_ticket(id, TS::closed).ok());
    REQUIRE(d.tickets().callback_due_at(done));
    CHECK(*d.tickets().callback_due_at(done) == done.done_ms + 2 * kDay);
    CHECK(d.tickets().next_due(done)->kind == DeadlineKind::callback);
    // A communication complaint is answered before its callback (000:321 "④…给予解答;⑤、回访");
    // an enquiry's handling was its answer.
    if (kind == Kind::venting) {
      CHECK(d.tickets().record_callback(id, CallbackMethod::phone, true, "业主满意").error().code == "answer_first");
      REQUIRE(d.tickets().answer_owner(id, CallbackMethod::phone, "已安排更换楼道灯").ok());
    }
    REQUIRE(d.tickets().record_callback(id, CallbackMethod::phone, true, "业主满意").ok());
    CHECK(d.ticket(id).status == TS::closed);
  }
}

TEST_CASE("a communication complaint recorded before every event was called back still closes without one") {
  Device a(29);
  a.as(Role::butler);
  NewTicket t;
  t.unit = a.session.estate().unit_rows().front().id;
  t.what = "业主抱怨楼道灯太暗";
  t.kind = Kind::venting;
  t.severity = Severity::minor;
  t.classified = true;
  const Id id = a.tickets().open_ticket(t).value();
  REQUIRE(a.tickets().finish_ticket(id, {}, "已解答").ok());
  // The ops as an older tablet wrote them: no every_event_callback on the
  // receipt, then closed from done without a callback, as it was allowed to.
  std::vector<Op> old;
  for (const Op& op : a.session.decoded_log()) {
    if (op.kind == OpKind::ticket_opened || op.kind == OpKind::ticket_stepped) old.push_back(op);
  }
  for (Op& op : old) {
    auto& fields = op.payload.mutable_fields();
    fields.erase(std::remove_if(fields.begin(), fields.end(),
                                [](const Payload::Field& f) { return f.key == static_cast<std::uint16_t>(F::every_event_callback); }),
                 fields.end());
  }
  Device b(30);
  REQUIRE(b.session.merge_remote(old).ok());
  REQUIRE_FALSE(b.ticket(id).every_event_callback);
  CHECK_FALSE(b.tickets().callback_due_at(b.ticket(id)));
  REQUIRE(b.tickets().step_ticket(id, TS::closed).ok());
  CHECK(b.ticket(id).status == TS::closed);
}
