// Incidents as the manuals end them (issue 16, item 18), one table per rule,
// each case citing its line in shared/seeds/:
//   001 "以上緊急事件處理完成後均須由當班人填寫《特別事件報告》上報辦公室備案"
//       (001 is one long line: cited as 001:1)
//   000:819 "10.1.4.3 部门经理填写重大事故报告表,详细记录故障情况及处理经过。"
//   001 "注意電話聯繫時須詢問對方姓名、預計可到達現場時間及告知故障狀況、有人被困"
// An incident cannot close without its 特别事件报告; a lift entrapment cannot
// close without the 重大事故报告表 filed by the department manager (the
// manager role: the product has no 部门经理 role).
#include <catch2/catch.hpp>

#include "app/domain/validate_op.hpp"
#include "app/incidents/incident_checklists.hpp"
#include "app/session/session.hpp"
#include "device_fixture.hpp"

using namespace app;
using incidents::Kind;
using incidents::ReportForm;

namespace {

constexpr std::int64_t kMinute = 60000;

struct Device : fixture::Device {
  explicit Device(std::uint64_t seed) : fixture::Device(seed, Id{seed, 0x1c}) { REQUIRE(session.load_demo({}).ok()); }
  // An incident with its place and the steps it cannot close without.
  Id handled(Kind kind) {
    NewIncident n;
    n.kind = kind;
    n.where.place = "3栋 2单元";
    n.where.lift_number = "3-2";
    const Id id = session.incidents().start_incident(n).value();
    clock.now += 5 * kMinute;
    for (const incidents::StepDef& s : incidents::checklist_for(kind).steps) {
      if (s.needed_to_close) REQUIRE(session.incidents().record_incident_step(id, s.key).ok());
    }
    return id;
  }
};

}  // namespace

TEST_CASE("incident closing needs its special incident report, and a lift its major incident report by the department manager") {
  struct CloseCase {
    const char* manual;
    Kind kind;
    bool special;       // the 特别事件报告 filed (by the butler on duty)
    Role major_by;      // who tried to file the 重大事故报告表
    bool try_major;
    const char* close_code;  // "": closes
  };
  const CloseCase cases[] = {
      {"001:1", Kind::fire, false, Role::butler, false, "special_report_required"},
      {"001:1", Kind::water_leak, false, Role::butler, false, "special_report_required"},
      {"001:1", Kind::fire, true, Role::butler, false, ""},
      {"001:1", Kind::lift_entrapment, false, Role::manager, true, "special_report_required"},
      {"000:819", Kind::lift_entrapment, true, Role::butler, false, "major_report_required"},
      {"000:819", Kind::lift_entrapment, true, Role::butler, true, "major_report_required"},       // refused: not his to file
      {"000:819", Kind::lift_entrapment, true, Role::head_butler, true, "major_report_required"},  // the 当值主管 is not the 部门经理
      {"000:819", Kind::lift_entrapment, true, Role::manager, true, ""},
  };
  for (const CloseCase& c : cases) {
    CAPTURE(c.manual, static_cast<int>(c.kind), c.special, static_cast<int>(c.major_by), c.try_major);
    Device d(71);
    d.as(Role::butler);
    const Id id = d.handled(c.kind);
    if (c.special) REQUIRE(d.session.incidents().file_incident_report(id, ReportForm::special, "电梯停于7层，已救出").ok());
    if (c.try_major) {
      d.as(c.major_by);
      const Result<Id> major = d.session.incidents().file_incident_report(id, ReportForm::major, "故障情况：曳引机过热；处理经过：…");
      CHECK(major.ok() == (c.major_by == Role::manager));
      if (!major.ok()) CHECK(major.error().code == "not_allowed");
      d.as(Role::butler);
    }
    const Status closed = d.session.incidents().close_incident(id, "已处理");
    if (*c.close_code) {
      REQUIRE_FALSE(closed.ok());
      CHECK(closed.error().code == c.close_code);
      CHECK_FALSE(d.session.incidents().incident(id)->closed());
    } else {
      CHECK(closed.ok());
      CHECK(d.session.incidents().incident(id)->closed());
    }
  }
}

TEST_CASE("incident report filing in the rule layer - the major form is the manager's, by role, on the server too (000:819)") {
  Device d(72);
  d.as(Role::manager);
  const Id id = d.handled(Kind::lift_entrapment);
  REQUIRE(d.session.incidents().file_incident_report(id, ReportForm::major, "故障情况及处理经过").ok());
  const Op major = d.session.decoded_log().back();
  REQUIRE(major.kind == OpKind::incident_report_filed);
  CHECK(validate_op(major).ok());
  struct RoleCase {
    const char* manual;
    Role role;
    bool may;
  };
  const RoleCase roles[] = {
      {"000:819", Role::manager, true},
      {"000:819", Role::head_butler, false},
      {"000:819", Role::butler, false},
      {"000:819", Role::security, false},
  };
  for (const RoleCase& r : roles) {
    CAPTURE(r.manual, static_cast<int>(r.role));
    CHECK(may_record(major, static_cast<std::int64_t>(r.role)).ok() == r.may);
  }
  // 001:1: the special report is anyone's on duty.
  Op special = major;
  special.payload.set(F::report_form, static_cast<std::int64_t>(ReportForm::special));
  CHECK(may_record(special, static_cast<std::int64_t>(Role::butler)).ok());
  CHECK(may_record(special, static_cast<std::int64_t>(Role::security)).ok());
  Op no_account = major;
  no_account.payload.set(F::note, std::string(""));
  CHECK_FALSE(validate_op(no_account).ok());
  // The major form belongs to a lift only, and an account is required.
  Device f(73);
  f.as(Role::manager);
  const Id fire = f.handled(Kind::fire);
  CHECK(f.session.incidents().file_incident_report(fire, ReportForm::major, "…").error().code == "no_major_report");
  CHECK(f.session.incidents().file_incident_report(fire, ReportForm::special, "  ").error().code == "report_text");
}

TEST_CASE("incident lift checklist asks the trapped people's names and records the arrival time the lift maintainer gave (001)") {
  Device d(74);
  d.as(Role::butler);
  const Id id = d.handled(Kind::lift_entrapment);
  const std::int64_t arrival = d.clock.now + 25 * kMinute;
  struct StepCase {
    const char* manual;
    std::string_view step;
    std::string name;
    std::int64_t arrival;
    bool person_first;
    const char* code;
  };
  const StepCase cases[] = {
      {"001:1", incidents::kLiftCallStep, "", arrival, false, "call_details"},         // 須詢問對方姓名
      {"001:1", incidents::kLiftCallStep, "维保 陈工", 0, false, "call_details"},        // 預計可到達現場時間
      {"001:1", incidents::kTrappedToldStep, "", 0, false, "trapped_names"},           // nobody named yet
      {"001:1", incidents::kLiftCallStep, "维保 陈工", arrival, false, ""},
      {"001:1", incidents::kTrappedToldStep, "", 0, false, "trapped_names"},           // the time is known, no names
      {"001:1", incidents::kTrappedToldStep, "", 0, true, ""},                         // names asked: told the call's time
  };
  for (const StepCase& c : cases) {
    CAPTURE(c.manual, std::string(c.step), c.name);
    if (c.person_first) REQUIRE(d.session.incidents().add_incident_person(id, "被困业主 李女士").ok());
    StepDetails details;
    details.contact_name = c.name;
    details.expected_arrival_ms = c.arrival;
    const Status s = d.session.incidents().record_incident_step(id, c.step, "", 0, details);
    if (*c.code) {
      CHECK(s.error().code == c.code);
    } else {
      CHECK(s.ok());
    }
  }
  const Incident* i = d.session.incidents().incident(id);
  REQUIRE(i->step(incidents::kLiftCallStep));
  CHECK(i->step(incidents::kLiftCallStep)->contact_name == "维保 陈工");
  CHECK(i->step(incidents::kLiftCallStep)->expected_arrival_ms == arrival);
  REQUIRE(i->step(incidents::kTrappedToldStep));
  CHECK(i->step(incidents::kTrappedToldStep)->expected_arrival_ms == arrival);
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());
  // The report says who took the call and the time given.
  const IncidentReport r = d.session.incidents().incident_report(id);
  bool said = false;
  for (const ReportLine& l : r.course) said = said || l.note.find("维保 陈工") != std::string::npos;
  CHECK(said);
}
