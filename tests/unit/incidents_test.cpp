// Incidents (应急) through Session: a lift entrapment from one tap to the
// major-incident report with each step's time and the time to rescue,
// corrections, refusals in words, every kind's checklist from the manuals,
// the special incident report's lines, two tablets on one incident merging
// (the earlier stamp wins a step recorded twice), validate_op on insane ops,
// and a snapshot keeping all of it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>

#include "app/core/sha256.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/incidents/incident_checklists.hpp"
#include "app/incidents/incident_report.hpp"
#include "app/session/session.hpp"
#include "app/store/snapshot.hpp"
#include "device_fixture.hpp"

using namespace app;
using incidents::Kind;

namespace {

constexpr std::int64_t kMinute = 60000;

struct Device : fixture::Device {
  explicit Device(std::uint64_t seed, std::uint64_t device) : fixture::Device(seed, Id{device, device}) {
    REQUIRE(session.load_demo({}).ok());
  }
  Id unit() const { return session.estate().unit_rows().front().id; }
};

const ReportField* field(const std::vector<ReportField>& fields, const std::string& label) {
  for (const ReportField& f : fields) {
    if (f.label == label) return &f;
  }
  return nullptr;
}

Op raw(OpKind kind, Payload p) {
  Op op;
  op.op_id = Id{1, 2};
  op.device_id = Id{3, 4};
  op.hlc = {1790000000000, 0};
  op.entity = Id{5, 6};
  op.kind = kind;
  op.payload = std::move(p);
  return op;
}

}  // namespace

TEST_CASE("every kind of incident has its checklist from the manuals, each step keyed once and worded in both languages") {
  const auto& all = incidents::checklists();
  REQUIRE(all.size() == static_cast<std::size_t>(incidents::kKindCount));
  for (int k = 0; k < incidents::kKindCount; ++k) {
    const incidents::Checklist& c = incidents::checklist_for(static_cast<Kind>(k));
    INFO(c.zh);
    CHECK(static_cast<int>(c.kind) == k);
    CHECK(c.steps.size() >= 4);
    std::set<std::string> keys;
    int to_close = 0;
    for (const incidents::StepDef& s : c.steps) {
      CHECK(keys.insert(s.key).second);
      CHECK(std::string(s.zh).size() > 6);
      CHECK(std::string(s.en).size() > 6);
      CHECK(incidents::find_step(c.kind, s.key) == &s);
      to_close += s.needed_to_close;
      CHECK_FALSE((s.needed_to_close && s.if_needed));  // what a report cannot do without is never optional
    }
    CHECK(to_close == 1);
    // 001: every kind ends in a 特别事件报告; 000:819: a lift adds the 重大事故报告表.
    CHECK(std::string(c.report_zh) == "特别事件报告");
    CHECK((c.major_zh ? std::string(c.major_zh) : std::string()) == (c.kind == Kind::lift_entrapment ? "重大事故报告表" : ""));
  }
  CHECK(incidents::find_step(Kind::fire, "released") == nullptr);
  const auto& lift = incidents::checklist_for(Kind::lift_entrapment);
  CHECK(std::string(lift.zh) == "电梯困人");
  CHECK(std::string(incidents::find_step(Kind::lift_entrapment, "engineer_notified")->zh).find("电梯编号") != std::string::npos);
  CHECK(incidents::find_step(Kind::lift_entrapment, "fire_service")->if_needed);
  CHECK(incidents::find_step(Kind::lift_entrapment, "released")->needed_to_close);
  CHECK(std::string(incidents::find_step(Kind::earthquake, "evacuate")->zh).find("禁止使用电梯") != std::string::npos);
  CHECK(std::string(incidents::find_step(Kind::gas, "evacuated")->zh).find("避免引起爆炸") != std::string::npos);
  CHECK(std::string(incidents::checklist_for(Kind::fight).steps.front().zh) == "劝阻双方住手、住口");
  CHECK_FALSE(incidents::is_kind(-1));
  CHECK_FALSE(incidents::is_kind(9));
}

TEST_CASE("whole minutes round to the nearest") {
  struct Row { std::int64_t ms, minutes; };
  for (const Row& r : {Row{0, 0}, Row{29999, 0}, Row{30000, 1}, Row{34 * kMinute + 40000, 35}, Row{35 * kMinute, 35},
                       Row{-kMinute, -1}, Row{90 * kMinute + 29999, 90}}) {
    INFO(r.ms);
    CHECK(whole_minutes(r.ms) == r.minutes);
  }
}

TEST_CASE("a lift entrapment from one tap to the major-incident report — each step's time, the time to rescue, refusals in words") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(1, 1);
  const std::int64_t t0 = d.clock.now;
  const Id id = d.session.incidents().start_incident(NewIncident{}).value();  // one tap: a lift entrapment, nothing else yet
  const Incident* i = d.session.incidents().incident(id);
  REQUIRE(i);
  CHECK(i->kind == Kind::lift_entrapment);
  CHECK(i->started_ms == t0);
  CHECK(i->started_by == d.session.actor());
  CHECK(d.session.incidents().open_incidents().size() == 1);

  d.clock.now = t0 + 1 * kMinute;
  REQUIRE(d.session.incidents().record_incident_step(id, "reported").ok());
  // The engineer was called at t0+2, recorded at t0+4: the stated time counts.
  d.clock.now = t0 + 4 * kMinute;
  REQUIRE(d.session.incidents().record_incident_step(id, "engineer_notified", "对讲通知电梯工王师傅", t0 + 2 * kMinute).ok());
  CHECK(d.session.incidents().record_incident_step(id, "engineer_notified").error().code == "step_done");
  CHECK(d.session.incidents().record_incident_step(id, "engineer_notified").error().message == "这一步已记录；时间有误请更正");
  CHECK(d.session.incidents().record_incident_step(id, "no_such_step").error().message == "这类事件没有这一步");
  CHECK(d.session.incidents().record_incident_step(id, "staff_with_trapped", "", t0 - kMinute).error().code == "before_start");
  CHECK(d.session.incidents().record_incident_step(id, "staff_with_trapped", "", t0 + 30 * kMinute).error().message == "时间不能晚于现在");
  REQUIRE(d.session.incidents().record_incident_step(id, "staff_with_trapped", "客服管家在轿厢外安慰").ok());
  IncidentPlace where;
  where.unit = d.unit();
  where.lift_number = "1-2";
  where.lift_location = "1栋 1单元 东侧客梯";
  where.lift_floor = 7;
  REQUIRE(d.session.incidents().set_incident_place(id, where).ok());
  CHECK(d.session.incidents().set_incident_place(id, IncidentPlace{}).error().code == "place_required");
  REQUIRE(d.session.incidents().add_incident_person(id, "被困业主 李女士").ok());
  CHECK(d.session.incidents().add_incident_person(id, "被困业主 李女士").error().code == "person_known");
  CHECK(d.session.incidents().add_incident_person(id, "").error().code == "person_required");
  REQUIRE(d.session.incidents().add_incident_photo(id, sha256_hex("lift panel")).ok());
  CHECK(d.session.estate().photos_of(id).size() == 1);

  // Not closed before the release: the report needs the time to rescue.
  d.clock.now = t0 + 30 * kMinute;
  const Status early = d.session.incidents().close_incident(id, "已救出");
  CHECK(early.error().code == "step_required");
  CHECK(early.error().message == "结束前须先记录：被困人员已救出");
  d.clock.now = t0 + 34 * kMinute + 40000;
  REQUIRE(d.session.incidents().record_incident_step(id, "released").ok());
  i = d.session.incidents().incident(id);
  CHECK(incidents::time_to_rescue_ms(*i) == 34 * kMinute + 40000);
  CHECK(incidents::elapsed_ms(*i, "engineer_notified") == 2 * kMinute);
  CHECK(incidents::elapsed_ms(*i, "fire_service") == std::nullopt);
  CHECK(d.session.incidents().close_incident(id, "").error().code == "outcome_required");
  d.clock.now = t0 + 40 * kMinute;
  REQUIRE(d.file_incident_reports(id, "电梯故障停于7层，34分钟后救出"));
  REQUIRE(d.session.incidents().close_incident(id, "被困人员安全救出，无人受伤；电梯已停用检修").ok());
  CHECK(d.session.incidents().close_incident(id, "again").error().message == "事件已结束");
  CHECK(d.session.incidents().open_incidents().empty());
  CHECK(d.session.incidents().recent_incidents().size() == 1);

  const IncidentReport r = d.session.incidents().incident_report(id);
  CHECK(r.title == "特别事件报告");
  CHECK(field(r.closing, "重大事故报告表")->value == "故障情况及处理经过：电梯故障停于7层，34分钟后救出");
  CHECK(field(r.closing, "填写人（部门经理）")->value == d.with_role(Role::manager).name);
  CHECK(field(r.fields, "事件类型")->value == "电梯困人");
  CHECK(field(r.fields, "时间")->value == format_local(t0));
  CHECK(field(r.fields, "结束时间")->value == format_local(t0 + 40 * kMinute));
  CHECK(field(r.fields, "地点")->value == d.session.estate().unit_rows().front().label);
  CHECK(field(r.fields, "电梯编号")->value == "1-2");
  CHECK(field(r.fields, "具体方位")->value == "1栋 1单元 东侧客梯");
  CHECK(field(r.fields, "停留楼层")->value == "7 层");
  CHECK(field(r.fields, "涉及人员")->value == "被困业主 李女士");
  CHECK(r.course_label == "经过");
  REQUIRE(r.course.size() == 4);
  CHECK(r.course[0].text == "立即报告当值主管和部门经理");
  CHECK(r.course[0].elapsed == "开始后 1 分钟");
  CHECK(r.course[1].text.find("通知工程维修部电梯工") != std::string::npos);
  CHECK(r.course[1].time == format_local(t0 + 2 * kMinute).substr(11));
  CHECK(r.course[1].elapsed == "开始后 2 分钟");
  CHECK(r.course[1].note == "对讲通知电梯工王师傅");
  CHECK(r.course[1].by == d.session.estate().staff_name(d.session.actor()));
  CHECK(r.course[3].text == "被困人员已救出");
  CHECK(r.course[3].elapsed == "开始后 35 分钟");
  CHECK(r.not_done == std::vector<std::string>{"电话通知电梯维保人员派人释放被困者：询问对方姓名、预计可到达现场时间，告知故障状况、有人被困",
                                               "组织秩序维护员到现场协助控制电梯", "询问被困人员姓名，告知救援人员预计到达时间",
                                               "无法消除故障或被困人员身体严重不适，报消防部门"});
  CHECK(field(r.closing, "救援用时")->value == "35 分钟");
  CHECK(field(r.closing, "处理结果")->value == "被困人员安全救出，无人受伤；电梯已停用检修");
  CHECK(field(r.closing, "报告人")->value == d.session.estate().staff_name(d.session.actor()));
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());

  // In English: the same structure in the other language.
  i18n::set_current_language(i18n::Lang::en);
  const IncidentReport en = d.session.incidents().incident_report(id);
  CHECK(en.title == "Special incident report");
  CHECK(field(en.closing, "Time to rescue")->value == "35 min");
  CHECK(en.course[3].text == "Trapped people released");
  CHECK(en.course[3].elapsed == "35 min after the start");
  i18n::set_current_language(i18n::Lang::zh_CN);
}

TEST_CASE("a lift's report names its place once, and a stopped clock reads the report's whole minutes") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(3, 3);
  NewIncident lift;
  lift.kind = Kind::lift_entrapment;
  const Id id = d.session.incidents().start_incident(lift).value();
  IncidentPlace where;  // no unit or building: the lift's location is the place
  where.lift_number = "3-2";
  where.lift_location = "3栋2单元东侧客梯";
  REQUIRE(d.session.incidents().set_incident_place(id, where).ok());
  const IncidentReport r = d.session.incidents().incident_report(id);
  CHECK_FALSE(field(r.fields, "地点"));
  CHECK(field(r.fields, "具体方位")->value == "3栋2单元东侧客梯");
  // With a unit of its own, both are said: where the lift is and which unit called.
  where.unit = d.unit();
  REQUIRE(d.session.incidents().set_incident_place(id, where).ok());
  CHECK(field(d.session.incidents().incident_report(id).fields, "地点"));
  // 19 min 37 s: 20 分钟 in the report, the list's pill and the stopped clock alike.
  CHECK(finished_duration(19 * kMinute + 37000, i18n::Lang::zh_CN) == "20 分钟");
  CHECK(finished_duration(19 * kMinute + 29000, i18n::Lang::en) == "19 min");
  CHECK(finished_duration(-5, i18n::Lang::zh_CN) == "0 分钟");
}

TEST_CASE("a step's time corrected afterwards — the report says so, a correction needs the step and a sane time") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(2, 2);
  const std::int64_t t0 = d.clock.now;
  NewIncident fire;
  fire.kind = Kind::fire;
  fire.where.place = "地下车库B区";
  fire.note = "烟感报警";
  const Id id = d.session.incidents().start_incident(fire).value();
  CHECK(d.session.incidents().correct_incident_step(id, "on_site", t0 + kMinute).error().code == "step_not_done");
  d.clock.now = t0 + 5 * kMinute;
  REQUIRE(d.session.incidents().record_incident_step(id, "on_site").ok());
  CHECK(d.session.incidents().correct_incident_step(id, "on_site", t0 - 1).error().code == "before_start");
  REQUIRE(d.session.incidents().correct_incident_step(id, "on_site", t0 + 3 * kMinute, "3 分钟到场").ok());
  const Incident* i = d.session.incidents().incident(id);
  CHECK(i->step("on_site")->happened_ms == t0 + 3 * kMinute);
  CHECK(i->step("on_site")->corrected);
  REQUIRE(d.session.incidents().record_incident_step(id, "false_alarm").ok());
  REQUIRE(d.file_incident_reports(id));
  REQUIRE(d.session.incidents().close_incident(id, "误报，烟感已复位").ok());
  const IncidentReport r = d.session.incidents().incident_report(id);
  CHECK(r.title == "特别事件报告");
  CHECK(field(r.fields, "地点")->value == "地下车库B区");
  CHECK_FALSE(field(r.fields, "电梯编号"));
  CHECK_FALSE(field(r.closing, "救援用时"));
  REQUIRE(r.course.size() == 3);
  CHECK(r.course[0].text == "记录：烟感报警");
  CHECK(r.course[0].elapsed.empty());
  CHECK(r.course[1].note == "3 分钟到场；时间已更正");
  CHECK(r.course[1].elapsed == "开始后 3 分钟");
  CHECK(r.not_done.size() == incidents::checklist_for(Kind::fire).steps.size() - 2);
  CHECK(incidents::time_to_rescue_ms(*i) == std::nullopt);

  // Closing needs a place; a step of another kind is refused.
  NewIncident leak;
  leak.kind = Kind::water_leak;
  const Id other = d.session.incidents().start_incident(leak).value();
  REQUIRE(d.session.incidents().record_incident_step(other, "source_found").ok());
  CHECK(d.session.incidents().close_incident(other, "已止水").error().code == "place_required");
  CHECK(d.session.incidents().record_incident_step(other, "released").error().code == "unknown_step");
  CHECK(d.session.incidents().record_incident_step(Id{9, 9}, "source_found").error().code == "unknown_incident");
  NewIncident bad;
  bad.where.unit = Id{7, 7};
  CHECK(d.session.incidents().start_incident(bad).error().code == "unknown_unit");
}

TEST_CASE("two tablets record one incident offline — steps and people merge, the earlier stamp wins a step done twice") {
  Device a(3, 3), b(4, 4);
  const std::int64_t t0 = a.clock.now;
  const Id id = a.session.incidents().start_incident(NewIncident{}).value();
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  REQUIRE(b.session.incidents().incident(id));
  // Both call the engineer: A at t0+3, B (its clock ahead) says t0+2.
  a.clock.now = t0 + 3 * kMinute;
  b.clock.now = t0 + 5 * kMinute;
  REQUIRE(a.session.incidents().record_incident_step(id, "engineer_notified", "A 通知").ok());
  REQUIRE(b.session.incidents().record_incident_step(id, "engineer_notified", "B 通知", t0 + 2 * kMinute).ok());
  REQUIRE(a.session.incidents().record_incident_step(id, "reported").ok());
  REQUIRE(b.session.incidents().record_incident_step(id, "staff_with_trapped").ok());
  REQUIRE(a.session.incidents().add_incident_person(id, "业主 张先生").ok());
  REQUIRE(b.session.incidents().add_incident_person(id, "业主 张先生").ok());
  REQUIRE(b.session.incidents().add_incident_person(id, "访客 王女士").ok());
  IncidentPlace lift;
  lift.lift_number = "2-1";
  REQUIRE(a.session.incidents().set_incident_place(id, lift).ok());
  lift.lift_number = "2-1 货梯";
  REQUIRE(b.session.incidents().set_incident_place(id, lift).ok());
  a.clock.now = t0 + 20 * kMinute;
  REQUIRE(a.session.incidents().record_incident_step(id, "released").ok());
  REQUIRE(a.file_incident_reports(id));
  REQUIRE(a.session.incidents().close_incident(id, "A：已救出").ok());
  b.clock.now = t0 + 25 * kMinute;
  REQUIRE(b.session.incidents().record_incident_step(id, "released").ok());
  REQUIRE(b.file_incident_reports(id));
  REQUIRE(b.session.incidents().close_incident(id, "B：已救出").ok());

  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  const Incident* ia = a.session.incidents().incident(id);
  const Incident* ib = b.session.incidents().incident(id);
  REQUIRE(ia);
  REQUIRE(ib);
  CHECK(*ia == *ib);
  CHECK(ia->steps.size() == 4);
  CHECK(ia->step("engineer_notified")->happened_ms == t0 + 2 * kMinute);
  CHECK(ia->step("engineer_notified")->note == "B 通知");
  CHECK(incidents::time_to_rescue_ms(*ia) == 20 * kMinute);
  CHECK(ia->people == std::vector<std::string>{"业主 张先生", "访客 王女士"});
  CHECK(ia->outcome == "A：已救出");
  // The other close is kept, not dropped.
  CHECK(std::any_of(ia->notes.begin(), ia->notes.end(), [](const IncidentNote& n) { return n.text == "B：已救出"; }));

  // Any order of the same ops folds the same; a snapshot keeps it.
  const std::vector<Op> log = a.session.decoded_log();
  Replica in_order;
  in_order.add(log);
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    std::vector<Op> shuffled = log;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937_64(seed));
    // In three unequal parts: each later part holds ops that sort before ones already folded.
    Replica any;
    const std::size_t third = shuffled.size() / 3;
    any.add(std::vector<Op>(shuffled.begin(), shuffled.begin() + static_cast<std::ptrdiff_t>(third)));
    any.add(std::vector<Op>(shuffled.begin() + static_cast<std::ptrdiff_t>(third), shuffled.end() - 5));
    any.add(std::vector<Op>(shuffled.end() - 5, shuffled.end()));
    CHECK(any.data().incidents == in_order.data().incidents);
  }
  const auto snap = decode_snapshot(encode_snapshot(in_order.data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.incidents == in_order.data().incidents);
  CHECK(snap.value().data.incidents.incidents.at(id).steps.size() == 4);
}

TEST_CASE("a correction made on one tablet stands against a plain record of the same step from another") {
  Device a(5, 5), b(6, 6);
  const std::int64_t t0 = a.clock.now;
  const Id id = a.session.incidents().start_incident(NewIncident{}).value();
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  a.clock.now = t0 + 4 * kMinute;
  REQUIRE(a.session.incidents().record_incident_step(id, "released").ok());
  a.clock.now = t0 + 7 * kMinute;
  REQUIRE(a.session.incidents().correct_incident_step(id, "released", t0 + 6 * kMinute, "按电梯工记录更正").ok());
  b.clock.now = t0 + 10 * kMinute;
  REQUIRE(b.session.incidents().record_incident_step(id, "released", "", t0 + 5 * kMinute).ok());
  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  CHECK(*a.session.incidents().incident(id) == *b.session.incidents().incident(id));
  CHECK(a.session.incidents().incident(id)->step("released")->happened_ms == t0 + 6 * kMinute);
  CHECK(incidents::time_to_rescue_ms(*a.session.incidents().incident(id)) == 6 * kMinute);
}

TEST_CASE("validate_op refuses insane incident ops") {
  auto started = [] {
    Payload p;
    p.set(F::incident_kind, std::int64_t{0}).set(F::at_ms, std::int64_t{1790000000000});
    return p;
  };
  CHECK(validate_op(raw(OpKind::incident_started, started())).ok());
  struct Case { const char* why; OpKind kind; Payload payload; };
  const std::string parent = Id{8, 8}.to_hex();
  std::vector<Case> cases;
  cases.push_back({"no kind", OpKind::incident_started, Payload{}.set(F::at_ms, std::int64_t{1790000000000})});
  cases.push_back({"unknown kind", OpKind::incident_started, started().set(F::incident_kind, std::int64_t{9})});
  cases.push_back({"year 1990", OpKind::incident_started, started().set(F::at_ms, std::int64_t{631152000000})});
  cases.push_back({"floor 999", OpKind::incident_started, started().set(F::floor, std::int64_t{999})});
  cases.push_back({"unit not an id", OpKind::incident_started, started().set(F::unit, std::string("room 1502"))});
  cases.push_back({"kind as text", OpKind::incident_started, Payload{}.set(F::incident_kind, std::string("lift")).set(F::at_ms, std::int64_t{1790000000000})});
  cases.push_back({"a ticket's field", OpKind::incident_started, started().set(F::severity, std::int64_t{0})});
  cases.push_back({"step without a key", OpKind::incident_step, Payload{}.set(F::parent, parent).set(F::at_ms, std::int64_t{1790000000000})});
  cases.push_back({"empty step key", OpKind::incident_step,
                   Payload{}.set(F::parent, parent).set(F::step, std::string()).set(F::at_ms, std::int64_t{1790000000000})});
  cases.push_back({"corrects 2", OpKind::incident_step,
                   Payload{}.set(F::parent, parent).set(F::step, std::string("released")).set(F::corrects, std::int64_t{2}).set(F::at_ms, std::int64_t{1790000000000})});
  cases.push_back({"note saying nothing", OpKind::incident_noted, Payload{}.set(F::parent, parent).set(F::at_ms, std::int64_t{1790000000000})});
  cases.push_back({"close without outcome", OpKind::incident_closed, Payload{}.set(F::parent, parent).set(F::at_ms, std::int64_t{1790000000000})});
  cases.push_back({"unknown field 119", OpKind::incident_closed,
                   Payload{}.set(F::parent, parent).set(F::incident_outcome, std::string("ok")).set(F::at_ms, std::int64_t{1790000000000}).set(static_cast<F>(119), std::int64_t{1})});
  for (const Case& c : cases) {
    INFO(c.why);
    CHECK_FALSE(validate_op(raw(c.kind, c.payload)).ok());
  }
  CHECK(role_may_write(static_cast<std::int64_t>(Role::security), OpKind::incident_step));
  CHECK_FALSE(role_may_write(static_cast<std::int64_t>(Role::greening), OpKind::incident_started));
}
