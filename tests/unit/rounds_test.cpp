// Rounds through Session: start (and resume), answer, "all pass", readings
// compared with the last round, findings that must be urgent-with-whom or
// dispatched, verification only with an after photo, finishing; the fold is
// the same whatever order the ops arrive in, and survives a snapshot.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "app/core/local_time.hpp"
#include "app/core/sha256.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/rounds/checklists.hpp"
#include "app/session/session.hpp"
#include "app/store/snapshot.hpp"
#include "device_fixture.hpp"

using namespace app;

namespace {

struct Device : fixture::Device {
  Device() : fixture::Device(7, Id{0xA, 0xB}) { REQUIRE(session.load_demo({}).ok()); }
  const ZoneRow& zone() const { return session.estate().zone_rows().front(); }
  // The zone round's stops: its checkpoints, each gate followed by its patrol log.
  std::vector<Id> route() const {
    std::vector<Id> ids;
    for (const RouteStop& s : session.rounds().route(zone().id, RoundKind::zone)) ids.push_back(s.id);
    return ids;
  }
};


}  // namespace

TEST_CASE("a round starts once a day per zone, resumes, and every checkpoint can pass in one tap") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d;
  const auto started = d.session.rounds().start_round(d.zone().id);
  REQUIRE(started.ok());
  const Id round = started.value();
  CHECK(d.session.rounds().start_round(d.zone().id).value() == round);  // resumed, not a second round
  CHECK(d.session.rounds().todays_round(d.zone().id)->id == round);
  CHECK(d.session.rounds().round(round)->day == local_time(d.clock.now).day);
  CHECK(d.session.rounds().start_round(Id{5, 5}).error().code == "unknown_zone");

  const std::vector<Id> route = d.route();
  REQUIRE(route.size() >= 10);
  RoundProgress p = d.session.rounds().round_progress(round);
  CHECK(p.checkpoints == static_cast<int>(route.size()));
  CHECK(p.done == 0);

  // "All pass" answers every check item of a checkpoint in one save.
  const std::size_t before = d.session.op_count();
  REQUIRE(d.session.rounds().pass_checkpoint(round, route[0]).ok());
  const CheckpointProgress c = d.session.rounds().checkpoint_progress(round, route[0]);
  CHECK(c.answered == c.items);
  CHECK(c.failed == 0);
  CHECK(d.session.op_count() - before == static_cast<std::size_t>(c.items));
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());

  // A failed item with a note; answering again replaces the answer.
  REQUIRE(d.session.rounds().answer_item(round, route[1], 0, ItemResult::fail, "地面有积水").ok());
  CHECK(d.session.rounds().answer(round, route[1], 0)->note == "地面有积水");
  REQUIRE(d.session.rounds().answer_item(round, route[1], 0, ItemResult::pass).ok());
  CHECK(d.session.rounds().answer(round, route[1], 0)->result == ItemResult::pass);
  CHECK(d.session.rounds().answer(round, route[1], 0)->note.empty());
  REQUIRE(d.session.rounds().answer_item(round, route[1], 0, ItemResult::fail, "地面有积水").ok());
  REQUIRE(d.session.rounds().pass_checkpoint(round, route[1]).ok());  // the rest pass, the failure stays
  CHECK(d.session.rounds().answer(round, route[1], 0)->result == ItemResult::fail);
  CHECK(d.session.rounds().checkpoint_progress(round, route[1]).failed == 1);

  // Refusals, in words.
  CHECK(d.session.rounds().answer_item(round, route[0], 999, ItemResult::pass).error().code == "unknown_item");
  Id elsewhere;
  for (const auto& [id, cp] : d.session.master_data().checkpoints) {
    if (cp.zone != d.zone().id) elsewhere = id;
  }
  CHECK(d.session.rounds().answer_item(round, elsewhere, 0, ItemResult::pass).error().code == "not_on_route");
  CHECK(d.session.rounds().answer_item(Id{1, 1}, route[0], 0, ItemResult::pass).error().message == "没有这次巡查");

  p = d.session.rounds().round_progress(round);
  CHECK(p.done == 2);
  CHECK(p.failed_items == 1);
  // The head butler's day: another zone not walked at all; this one in progress.
  const ZoneRow& other = d.session.estate().zone_rows().back();
  CHECK(d.session.rounds().zone_day_report(other.id, d.session.today()).round == nullptr);
  CHECK(d.session.rounds().zone_day_report(other.id, d.session.today()).checkpoints > 0);
  CHECK(d.session.rounds().zone_day_report(d.zone().id, d.session.today()).skipped == 0);
  // Checkpoints unchecked: no finishing without the reason, then it is recorded incomplete.
  const Status refused = d.session.rounds().finish_round(round, "   ");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "round_incomplete");
  CHECK(refused.error().message.find(std::to_string(route.size() - 2) + " 处巡查点未检查") != std::string::npos);
  CHECK_FALSE(d.session.rounds().round_progress(round).finished);
  CHECK(d.session.rounds().unchecked_stops(round).size() == route.size() - 2);
  REQUIRE(d.session.rounds().finish_round(round, " 设备房钥匙不在 ").ok());
  CHECK(d.session.rounds().round(round)->finish_note == "设备房钥匙不在");
  CHECK(d.session.rounds().round_progress(round).incomplete());
  CHECK(d.session.rounds().round_progress(round).skipped == static_cast<int>(route.size()) - 2);
  const ZoneDayReport z = d.session.rounds().zone_day_report(d.zone().id, d.session.today());
  CHECK(z.round->id == round);
  CHECK(z.checked == 2);
  CHECK(z.skipped == static_cast<int>(route.size()) - 2);
  CHECK(d.session.rounds().round_progress(round).finished);
  CHECK(d.session.rounds().answer_item(round, route[2], 0, ItemResult::pass).error().code == "round_finished");
  CHECK(d.session.rounds().finish_round(round).error().code == "round_finished");
  // Finished today: starting again begins a new round (a second walk the same day).
  CHECK(d.session.rounds().start_round(d.zone().id).value() != round);
}

TEST_CASE("a failed item becomes a finding: urgent names whom the butler told, otherwise a department — verified only with an after photo") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d;
  const Id round = d.session.rounds().start_round(d.zone().id).value();
  const Id cp = d.route()[2];
  CHECK(d.session.rounds().open_finding(round, cp, 0, {"灯罩破损", false, "", "工程部"}).error().code == "not_failed");
  REQUIRE(d.session.rounds().answer_item(round, cp, 0, ItemResult::fail, "灯罩破损").ok());
  CHECK(d.session.rounds().open_finding(round, cp, 0, {"灯罩破损", true, "", ""}).error().message == "紧急问题请填写已用对讲机通知的人");
  CHECK(d.session.rounds().open_finding(round, cp, 0, {"灯罩破损", false, "", ""}).error().code == "department_required");
  const auto opened = d.session.rounds().open_finding(round, cp, 0, {"灯罩破损", false, "", "工程部"});
  REQUIRE(opened.ok());
  CHECK(d.session.rounds().open_finding(round, cp, 0, {"x", false, "", "工程部"}).error().code == "finding_exists");
  const Finding* f = d.session.rounds().finding_for(round, cp, 0);
  REQUIRE(f);
  CHECK(f->department == "工程部");
  CHECK(f->open());
  CHECK(f->opened_by == d.session.actor());
  REQUIRE(d.session.rounds().add_finding_photo(opened.value(), sha256_hex("before")).ok());
  CHECK(d.session.rounds().open_findings().size() == 1);
  CHECK(d.session.rounds().round_progress(round).open_findings == 1);

  // Urgent: told by radio, recorded.
  REQUIRE(d.session.rounds().answer_item(round, cp, 1, ItemResult::fail).ok());
  REQUIRE(d.session.rounds().open_finding(round, cp, 1, {"消防门无法关闭", true, "秩序维护部 王班长", ""}).ok());
  CHECK(d.session.rounds().finding_for(round, cp, 1)->urgent);
  CHECK(d.session.rounds().finding_for(round, cp, 1)->told == "秩序维护部 王班长");

  // Verification: needs an after photo; then closed, and stays closed.
  d.clock.now += 86400000;
  CHECK(d.session.rounds().verify_finding(opened.value(), "", "已更换").error().code == "after_photo_required");
  REQUIRE(d.session.rounds().verify_finding(opened.value(), sha256_hex("after"), "已更换").ok());
  CHECK_FALSE(d.session.rounds().finding_for(round, cp, 0)->open());
  CHECK(d.session.estate().photos_of(opened.value()).size() == 2);
  CHECK(d.session.rounds().open_findings().size() == 1);
  CHECK(d.session.rounds().verify_finding(opened.value(), sha256_hex("again"), "").error().code == "already_verified");
}

TEST_CASE("readings: the last round's value is shown to compare") {
  Device d;
  Id meter_cp;
  int reading_item = -1;
  const Id zone = d.zone().id;
  for (const RouteStop& stop : d.session.rounds().route(zone, RoundKind::zone)) {
    const Id cp = stop.id;
    const ChecklistTemplate& t = *stop.checklist;
    for (std::size_t i = 0; i < t.items.size(); ++i) {
      if (t.items[i].type == ItemType::reading) { meter_cp = cp; reading_item = static_cast<int>(i); }
    }
  }
  if (reading_item < 0) {
    // No reading on this zone's route: any check item refuses a reading.
    const Id round = d.session.rounds().start_round(zone).value();
    CHECK(d.session.rounds().record_reading(round, d.route()[0], 0, 5).error().code == "not_a_reading");
    return;
  }
  const Id first = d.session.rounds().start_round(zone).value();
  REQUIRE(d.session.rounds().record_reading(first, meter_cp, reading_item, 1200).ok());
  CHECK(d.session.rounds().record_reading(first, meter_cp, reading_item, -1).error().code == "bad_reading");
  REQUIRE(d.session.rounds().finish_round(first, "只抄了电表").ok());
  d.clock.now += 86400000;
  const Id second = d.session.rounds().start_round(zone).value();
  CHECK(d.session.rounds().previous_reading(second, meter_cp, reading_item) == 1200);
}

TEST_CASE("rounds fold the same in any order and survive a snapshot") {
  Device d;
  const Id round = d.session.rounds().start_round(d.zone().id).value();
  const auto route = d.route();
  for (std::size_t i = 0; i < 4; ++i) REQUIRE(d.session.rounds().pass_checkpoint(round, route[i]).ok());
  REQUIRE(d.session.rounds().answer_item(round, route[4], 0, ItemResult::fail, "墙面渗水").ok());
  const auto finding = d.session.rounds().open_finding(round, route[4], 0, {"墙面渗水", false, "", "工程部"});
  REQUIRE(finding.ok());
  REQUIRE(d.session.rounds().add_finding_photo(finding.value(), sha256_hex("seepage")).ok());
  REQUIRE(d.session.rounds().finish_round(round, "下雨，其余改天").ok());
  const std::vector<Op> log = d.session.decoded_log();
  std::mt19937_64 rng(3);
  for (int k = 0; k < 5; ++k) {
    std::vector<Op> shuffled = log;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    Replica r;
    r.add(shuffled);
    CHECK(r.data().rounds == d.session.master_data().rounds);
  }
  Replica r;
  r.add(log);
  auto snap = decode_snapshot(encode_snapshot(r.data(), r.ids(), r.size(), r.frontier(), {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.rounds == d.session.master_data().rounds);
  CHECK(snap.value().data.rounds.findings.size() == 1);
}
