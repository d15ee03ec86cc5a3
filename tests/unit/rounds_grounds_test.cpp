// Issue 16 item 11: the checklists no route reached are walked — the gardens
// daily, the patrol log at each gate, the sign at every repair under way, the
// household meter's red digits with the owner told — each case citing the
// manual's line it encodes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <set>

#include "app/core/signature.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/rounds/route.hpp"
#include "app/session/session.hpp"
#include "app/setup/sheet_columns.hpp"
#include "device_fixture.hpp"

using namespace app;

namespace {

std::string strokes() {
  Signature s;
  for (int k = 0; k < 3; ++k) {
    std::vector<SignaturePoint> stroke;
    for (int i = 0; i < 25; ++i) stroke.push_back({static_cast<std::uint16_t>(120 + k * 260 + i * 8), static_cast<std::uint16_t>(420 + (i % 6) * 25)});
    s.strokes.push_back(stroke);
  }
  return encode_signature(s);
}

struct Device : fixture::Device {
  Device() : fixture::Device(16, Id{0x16, 0x11}) {
    i18n::set_current_language(i18n::Lang::zh_CN);
    REQUIRE(session.load_demo({}).ok());
  }
  const ZoneRow& zone(std::size_t i = 0) const { return session.estate().zone_rows().at(i); }
  // A unit of the zone's buildings that a units round does not walk (occupied).
  Id occupied_unit(const Id& zone) const {
    const Zone& z = session.master_data().zones.at(zone);
    for (const UnitRow& row : session.estate().unit_rows()) {
      const Unit& u = session.master_data().units.at(row.id);
      if (row.status == UnitStatus::occupied && std::find(z.buildings.begin(), z.buildings.end(), u.building) != z.buildings.end()) return row.id;
    }
    return {};
  }
  // A repair on the unit, its slip signed for at engineering: under way.
  Id repair_under_way(const Id& unit) {
    NewTicket t;
    t.unit = unit;
    t.owner = "张先生";
    t.what = "卫生间天花板漏水";
    t.kind = tickets::Kind::repair;
    t.severity = tickets::Severity::important;
    t.classified = true;
    const Id id = session.tickets().open_ticket(t).value();
    REQUIRE(session.tickets().send_slip(id, "工程部", "李工", strokes()).ok());
    REQUIRE(session.tickets().ticket(id)->repair_under_way());
    return id;
  }
  const RouteStop* find(const std::vector<RouteStop>& route, StopKind kind) const {
    for (const RouteStop& s : route) {
      if (s.kind == kind) return &s;
    }
    return nullptr;
  }
};

int item_with(const ChecklistTemplate& t, std::string_view words) {
  for (std::size_t i = 0; i < t.items.size(); ++i) {
    if (t.items[i].zh.find(words) != std::string::npos) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

TEST_CASE("every built-in checklist is walked by some round of the demo estate") {
  Device d;
  d.repair_under_way(d.occupied_unit(d.zone().id));
  std::set<std::string> walked;
  for (const ZoneRow& z : d.session.estate().zone_rows()) {
    for (RoundKind kind : {RoundKind::zone, RoundKind::units, RoundKind::model_open, RoundKind::model_close}) {
      for (const RouteStop& s : d.session.rounds().route(z.id, kind)) {
        REQUIRE(s.checklist);
        walked.insert(s.checklist->key);
      }
    }
  }
  for (const ChecklistTemplate& t : builtin_templates()) {
    INFO(t.key);
    CHECK(walked.count(t.key) == 1);
  }
}

TEST_CASE("the gardens and the guidance signs are checkpoints of the daily zone round") {
  // 000:741 9.1.4.2 "每天检查绿化养护工作情况,发现问题及时整改".
  Device d;
  CHECK(template_for(CheckpointKind::greening).key == "greening");
  CHECK(template_for(CheckpointKind::signage).key == "signage");
  // The office's sheet names them as people write them.
  CHECK(parse_checkpoint_kind_cell("绿化") == CheckpointKind::greening);
  CHECK(parse_checkpoint_kind_cell("绿化带") == CheckpointKind::greening);
  CHECK(parse_checkpoint_kind_cell("指引标识") == CheckpointKind::signage);
  // A kind the op check knows is one the snapshot and the set-up form know.
  CHECK(is_checkpoint_kind(kLastCheckpointKind));
  CHECK_FALSE(is_checkpoint_kind(kLastCheckpointKind + 1));
  const Id round = d.session.rounds().start_round(d.zone(1).id, RoundKind::zone).value();
  const auto& route = d.session.rounds().route_of(round);
  bool garden = false;
  for (const RouteStop& s : route) garden |= s.name == "中心花园" && s.checklist->key == "greening";
  CHECK(garden);
  // A round of the zone is a duty of every day: walked again tomorrow.
  d.clock.now += 86400000;
  const Id tomorrow = d.session.rounds().start_round(d.zone(1).id, RoundKind::zone).value();
  CHECK(tomorrow != round);
  CHECK(d.session.rounds().route_of(tomorrow).size() == route.size());
}

TEST_CASE("the patrol log is checked at the gate: the stop after each gate, kept by the rounds that pinned it") {
  // 000:365 楼宇的日常巡查 "(4)、检查保安部巡逻情况表和记事本".
  Device d;
  const auto& live = d.session.rounds().route(d.zone().id, RoundKind::zone);
  std::size_t gate = live.size();
  for (std::size_t i = 0; i < live.size(); ++i) {
    if (live[i].kind == StopKind::checkpoint && d.session.master_data().checkpoints.at(live[i].id).kind == CheckpointKind::gate) gate = i;
  }
  REQUIRE(gate + 1 < live.size());
  const RouteStop& log = live[gate + 1];
  CHECK(log.kind == StopKind::security_log);
  CHECK(log.id == security_log_stop(live[gate].id));
  CHECK(log.checklist->key == "security_log");
  CHECK(log.name.find(live[gate].name) == 0);  // "南大门 · 安全巡逻记录检查"
  CHECK(security_log_stop(live[gate].id) != live[gate].id);

  const Id round = d.session.rounds().start_round(d.zone().id, RoundKind::zone).value();
  REQUIRE(d.session.rounds().pass_checkpoint(round, log.id).ok());
  CHECK(d.session.rounds().checkpoint_progress(round, log.id).answered == static_cast<int>(log.checklist->items.size()));
  CHECK(d.session.rounds().stop_label(round, log.id) == log.label());

  // A round that pinned its route before the logs were walked is judged on
  // what it was asked: no log, nothing unchecked for it.
  const std::vector<Id> old_pins = {live[gate].id};
  const std::string no_pins;
  const Views views = build_views(d.session.master_data());
  const auto old = build_route(d.session.master_data(), views, d.zone().id, RoundKind::zone, &no_pins, &old_pins);
  REQUIRE(old.size() == 1);
  CHECK(old[0].kind == StopKind::checkpoint);
  const std::vector<Id> legacy;  // started before routes were pinned
  const auto older = build_route(d.session.master_data(), views, d.zone().id, RoundKind::zone, &no_pins, &legacy);
  CHECK(d.find(older, StopKind::security_log) == nullptr);
  CHECK(older.size() + 1 == live.size());
}

TEST_CASE("a repair under way is a stop of the units round: its warning sign, fenced and protected") {
  // 000:595 5.1.4.3 "物业客服人员应在维修现场进行监督,并放置“正在维修”警示牌提醒业主".
  Device d;
  const Id unit = d.occupied_unit(d.zone().id);
  REQUIRE_FALSE(unit.is_nil());
  CHECK(d.find(d.session.rounds().route(d.zone().id, RoundKind::units), StopKind::repair_site) == nullptr);
  const Id repair = d.repair_under_way(unit);
  // A copy: the cached route is rebuilt when a ticket's step changes what is under way.
  const RouteStop* found = d.find(d.session.rounds().route(d.zone().id, RoundKind::units), StopKind::repair_site);
  REQUIRE(found);
  const RouteStop site_copy = *found;
  const RouteStop* site = &site_copy;
  CHECK(site->id == repair);
  CHECK(site->unit == unit);
  CHECK(site->checklist->key == "repair_site");
  CHECK(item_with(*site->checklist, "正在维修") == 0);
  CHECK(site->checklist->items[0].photo_required);
  CHECK(site->name.find(d.session.tickets().ticket(repair)->number) != std::string::npos);
  // Not on the other zones' rounds, nor on the zone round.
  CHECK(d.find(d.session.rounds().route(d.zone(1).id, RoundKind::units), StopKind::repair_site) == nullptr);
  CHECK(d.find(d.session.rounds().route(d.zone().id, RoundKind::zone), StopKind::repair_site) == nullptr);

  // Started, the round keeps the sites it started with: one begun later, or
  // finished since, does not change it.
  const Id round = d.session.rounds().start_round(d.zone().id, RoundKind::units).value();
  CHECK(d.session.rounds().checklist_at(round, repair) != nullptr);
  const Id later = d.repair_under_way(d.occupied_unit(d.zone().id));
  CHECK(d.session.rounds().checklist_at(round, later) == nullptr);
  REQUIRE(d.session.tickets().step_ticket(repair, tickets::Status::accepted).ok());
  REQUIRE(d.session.tickets().step_ticket(repair, tickets::Status::on_site).ok());
  REQUIRE(d.session.tickets().finish_ticket(repair, strokes(), "已修好").ok());
  CHECK_FALSE(d.session.tickets().ticket(repair)->repair_under_way());
  REQUIRE(d.session.rounds().pass_checkpoint(round, repair).ok());
  CHECK(d.session.rounds().stop_label(round, repair) == site->label());
  // A round started now walks what is under way now.
  CHECK(d.find(d.session.rounds().route(d.zone().id, RoundKind::units), StopKind::repair_site)->id == later);
  // The ops carry it: another device folds the same route.
  Replica other;
  other.add(d.session.decoded_log());
  CHECK(other.data().rounds.rounds.at(round).route == std::vector<Id>{repair});
}

TEST_CASE("red meter digits at a vacant unit tell the owner: on Today until the butler has told them") {
  // 000:569 4.1.3.6 "巡视过程中,如发现业主各户的分户电表显示红色数字,及时通知业主购电";
  // 000:535 3.1.4.6 "应及时通知业主/使用人买电/输入".
  Device d;
  const Id round = d.session.rounds().start_round(d.zone().id, RoundKind::units).value();
  std::optional<RouteStop> vacant;
  for (const RouteStop& s : d.session.rounds().route_of(round)) {
    if (s.checklist->key == "vacant_unit" && !vacant) vacant = s;
  }
  REQUIRE(vacant);
  CHECK(vacant->kind == StopKind::unit);
  const int red = item_with(*vacant->checklist, "红色数字");
  REQUIRE(red >= 0);
  CHECK(tells_owner(vacant->checklist->items[static_cast<std::size_t>(red)]));
  for (const ChecklistItem& i : template_for(CheckpointKind::lobby).items) CHECK_FALSE(tells_owner(i));

  REQUIRE(d.session.rounds().answer_item(round, vacant->id, red, ItemResult::fail, "电表显示红色数字").ok());
  NewFinding notice;
  notice.note = "电表显示红色数字";
  notice.owner_notice = true;
  const Id f = d.session.rounds().open_finding(round, vacant->id, red, notice).value();
  const Finding* finding = &d.session.master_data().rounds.findings.at(f);
  CHECK(finding->owner_notice);
  CHECK(finding->department == "通知业主");
  REQUIRE(d.session.rounds().owner_notices_due().size() == 1);
  CHECK(d.session.rounds().owner_notices_due().front()->id == f);

  // Done by telling the owner, not by an "after" photo; once.
  REQUIRE(d.session.rounds().owner_told(f, "").ok());
  finding = &d.session.master_data().rounds.findings.at(f);
  CHECK_FALSE(finding->open());
  CHECK(finding->verify_note == "已通知业主购电");
  CHECK(d.session.rounds().owner_notices_due().empty());
  CHECK(d.session.rounds().owner_told(f, "").error().code == "already_verified");

  // A public checkpoint has no owner to tell; a department's finding is not told to one.
  const Id zone_round = d.session.rounds().start_round(d.zone().id, RoundKind::zone).value();
  const Id lobby = d.session.rounds().route_of(zone_round).front().id;
  REQUIRE(d.session.rounds().answer_item(zone_round, lobby, 0, ItemResult::fail).ok());
  CHECK(d.session.rounds().open_finding(zone_round, lobby, 0, notice).error().code == "not_a_household");
  NewFinding dispatch;
  dispatch.department = "保洁";
  const Id cleaning = d.session.rounds().open_finding(zone_round, lobby, 0, dispatch).value();
  CHECK(d.session.rounds().owner_told(cleaning, "").error().code == "not_owner_notice");
  CHECK(d.session.rounds().owner_notices_due().empty());
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());
}
