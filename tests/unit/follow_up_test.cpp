// Tickets beyond the lifecycle: handing on (首问负责制), the repair slip priced
// from the list, the owner's signature, the leak test and each callback
// window, callbacks 100% tracked, the head butler's 3–5% re-check drawn the
// same everywhere, household visits spread over the quarter, the office's
// CSVs, snapshots, validation, and three tablets converging.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "app/core/local_time.hpp"
#include "app/core/pinyin.hpp"
#include "app/core/signature.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/unit_address.hpp"
#include "app/domain/validate_op.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/server/csv_export.hpp"
#include "app/session/session.hpp"
#include "app/store/snapshot.hpp"
#include "app/tickets/follow_up_rules.hpp"
#include "app/tickets/ticket_labels.hpp"
#include "device_fixture.hpp"
#include "export_text.hpp"

using namespace app;
using tickets::Kind;
using tickets::Severity;
using TS = tickets::Status;

namespace {

constexpr std::int64_t kHour = 3600000, kDay = 24 * kHour;

std::string a_signature() {
  Signature s;
  for (int k = 0; k < 2; ++k) {
    std::vector<SignaturePoint> stroke;
    for (int i = 0; i < 30; ++i) stroke.push_back({static_cast<std::uint16_t>(150 + k * 300 + i * 7), static_cast<std::uint16_t>(300 + (i % 4) * 40)});
    s.strokes.push_back(stroke);
  }
  return encode_signature(s);
}

struct Device : fixture::Device {
  explicit Device(std::uint64_t seed = 1, std::uint64_t device = 1) : fixture::Device(seed, Id{device, device}) {
    REQUIRE(session.load_demo({}).ok());
  }
  Id repair(tickets::RepairCategory category = tickets::RepairCategory::ordinary) {
    NewTicket t;
    t.unit = session.estate().unit_rows()[5].id;
    t.owner = "李女士";
    t.what = category == tickets::RepairCategory::leak ? "厨房水管接口渗水" : "卫生间灯不亮";
    t.kind = Kind::repair;
    t.severity = Severity::minor;
    const Id id = session.tickets().open_ticket(t).value();
    REQUIRE(session.tickets().classify_ticket(id, Kind::repair, Severity::minor).ok());
    RepairSlipDraft slip;
    slip.category = category;
    REQUIRE(session.tickets().set_repair_slip(id, slip).ok());
    REQUIRE(session.tickets().step_ticket(id, TS::dispatched, "三联单已送工程部", "工程部").ok());
    REQUIRE(session.tickets().step_ticket(id, TS::accepted).ok());
    REQUIRE(session.tickets().step_ticket(id, TS::on_site).ok());
    return id;
  }
};

const PriceItem* priced(const Session& s, const std::string& name) {
  for (const PriceItem* p : s.tickets().price_list()) if (p->name == name) return p;
  return nullptr;
}

}  // namespace

TEST_CASE("first receiver owns the ticket until handing it on, and the hand-on is on record") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d;
  NewTicket t;
  t.what = "楼道灯坏了";
  const Id id = d.session.tickets().open_ticket(t).value();
  const Ticket* ticket = d.session.tickets().ticket(id);
  CHECK(ticket->responsible == d.session.actor());
  const Staff& front = d.with_role(Role::front_desk);
  CHECK(d.session.tickets().hand_on_ticket(id, Id{9, 9}).error().code == "unknown_staff");
  REQUIRE(d.session.tickets().hand_on_ticket(id, front.id, "交前台跟进").ok());
  ticket = d.session.tickets().ticket(id);
  CHECK(ticket->responsible == front.id);
  CHECK(ticket->received_by == d.session.actor());  // who received it does not change
  REQUIRE(ticket->history.size() == 1);
  CHECK(ticket->history[0].event == TicketEvent::handed_on);
  CHECK(ticket->history[0].assignee == front.id);
  CHECK(d.session.tickets().hand_on_ticket(id, front.id).error().message == "工单已由这位同事负责");
  const auto colleagues = d.session.estate().colleagues();
  CHECK(std::none_of(colleagues.begin(), colleagues.end(), [&](const Staff* s) { return s->id == d.session.actor(); }));
}

TEST_CASE("the repair slip is priced from the list as it stood, and a signed slip no longer changes") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d;
  const PriceItem* tap = priced(d.session, "更换水龙头");
  const PriceItem* pipe = priced(d.session, "更换给水管");
  REQUIRE(tap);
  REQUIRE(pipe);
  CHECK(tap->price_cents == 3000);
  NewTicket complaint;
  complaint.what = "保洁不及时";
  const Id not_repair = d.session.tickets().open_ticket(complaint).value();
  CHECK(d.session.tickets().set_repair_slip(not_repair, {}).error().code == "not_repair");

  const Id id = d.repair();
  RepairSlipDraft slip;
  slip.appointment_ms = d.clock.now + 2 * kHour;
  slip.items = {{tap->id, 1}, {pipe->id, 3}};
  slip.materials = "业主自购水龙头一个，已验收合格";
  CHECK(d.session.tickets().set_repair_slip(id, RepairSlipDraft{0, {}, {{Id{7, 7}, 1}}, ""}).error().code == "unknown_price_item");
  CHECK(d.session.tickets().set_repair_slip(id, RepairSlipDraft{0, {}, {{tap->id, 0}}, ""}).error().code == "bad_quantity");
  REQUIRE(d.session.tickets().set_repair_slip(id, slip).ok());
  const Ticket* t = d.session.tickets().ticket(id);
  REQUIRE(t->slip.lines.size() == 2);
  CHECK(t->slip.total_cents() == 3000 + 3 * 2000);
  CHECK(format_yuan(t->slip.total_cents()) == "¥90.00");
  CHECK(t->slip.materials == slip.materials);
  CHECK(t->slip.appointment_ms == slip.appointment_ms);

  // The head butler raises a price: the slip already made keeps its price.
  d.as(Role::head_butler);
  PriceItem dearer = *tap;
  dearer.price_cents = 3500;
  REQUIRE(d.session.tickets().save_price_item(dearer).ok());
  CHECK(priced(d.session, "更换水龙头")->price_cents == 3500);
  CHECK(d.session.tickets().ticket(id)->slip.total_cents() == 9000);

  // Done only with the owner's signature; then the slip is what the owner signed.
  CHECK(d.session.tickets().finish_ticket(id, "").error().code == "signature_blank");
  REQUIRE(d.session.tickets().finish_ticket(id, a_signature(), "业主试用后签字").ok());
  t = d.session.tickets().ticket(id);
  CHECK(t->status == TS::done);
  CHECK(decode_signature(t->signature) == decode_signature(a_signature()));
  CHECK(d.session.tickets().set_repair_slip(id, slip).error().code == "bad_step");
}

TEST_CASE("only the head butler or manager keeps the price list") {
  Device d;
  PriceItem item{{}, "更换门铃", "个", 2500, false};
  CHECK(d.session.tickets().save_price_item(item).error().code == "not_allowed");
  d.as(Role::manager);
  CHECK(d.session.tickets().save_price_item(PriceItem{{}, "", "个", 100, false}).error().code == "bad_price_item");
  const auto added = d.session.tickets().save_price_item(item);
  REQUIRE(added.ok());
  CHECK(priced(d.session, "更换门铃"));
  REQUIRE(d.session.tickets().remove_price_item(added.value()).ok());
  CHECK_FALSE(priced(d.session, "更换门铃"));
  CHECK(d.session.tickets().remove_price_item(added.value()).error().code == "unknown_price_item");
}

TEST_CASE("callback windows: other and safety repairs 2 days after the work, a leak 3 days after its leak test") {
  Device d;
  const Id ordinary = d.repair();
  REQUIRE(d.session.tickets().finish_ticket(ordinary, a_signature()).ok());
  const Ticket* t = d.session.tickets().ticket(ordinary);
  CHECK(d.session.tickets().callback_due_at(*t) == t->done_ms + 2 * kDay);
  CHECK(d.session.tickets().record_leak_test(ordinary, true).error().code == "not_leak");

  const Id safety = d.repair(tickets::RepairCategory::safety_facility);
  REQUIRE(d.session.tickets().finish_ticket(safety, a_signature()).ok());
  t = d.session.tickets().ticket(safety);
  CHECK(d.session.tickets().callback_due_at(*t) == t->done_ms + 2 * kDay);

  const Id leak = d.repair(tickets::RepairCategory::leak);
  CHECK(d.session.tickets().record_leak_test(leak, true).error().code == "not_done");
  REQUIRE(d.session.tickets().finish_ticket(leak, a_signature()).ok());
  t = d.session.tickets().ticket(leak);
  CHECK_FALSE(d.session.tickets().callback_due_at(*t));  // nothing due until the leak test
  d.clock.now += 5 * kDay;  // the test is done days later; the callback is not late yet
  REQUIRE(d.session.tickets().record_leak_test(leak, true, "闭水试验24小时无渗漏").ok());
  t = d.session.tickets().ticket(leak);
  CHECK(t->leak_test_ms == d.clock.now);
  CHECK(d.session.tickets().callback_due_at(*t) == d.clock.now + 3 * kDay);
  CHECK_FALSE(d.session.tickets().overdue(*t));
  // Owed callbacks, soonest first, the overdue ones counted for the badge.
  const auto owed = d.session.tickets().callbacks_owed();
  REQUIRE(owed.size() == 3);
  CHECK(owed.back()->id == leak);
  CHECK(d.session.tickets().overdue_ticket_count() == 2);
}

TEST_CASE("a leak test that still leaks sends the repair back: redone, signed and tested again before any callback") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d;
  const Id leak = d.repair(tickets::RepairCategory::leak);
  REQUIRE(d.session.tickets().finish_ticket(leak, a_signature()).ok());
  const std::string handler = d.session.tickets().ticket(leak)->handler;
  d.clock.now += kDay;
  REQUIRE(d.session.tickets().record_leak_test(leak, false, "闭水试验后楼下仍有水渍").ok());
  const Ticket* t = d.session.tickets().ticket(leak);
  CHECK(t->status == TS::dispatched);  // back with whoever did the work
  CHECK(t->handler == handler);
  CHECK(t->leak_test_ms == 0);
  CHECK(t->done_ms == 0);
  CHECK(t->signature.empty());
  CHECK_FALSE(d.session.tickets().callback_due_at(*t));
  REQUIRE(t->history.size() >= 2);
  CHECK(std::string(i18n::tr(tickets::event_label(t->history[t->history.size() - 2]))) == "试漏仍有渗漏");
  CHECK(std::string(i18n::tr(tickets::event_label(t->history.back()))) == "重新派单");
  // Redone: accepted, on site, signed again; the second test passes and the callback falls due.
  REQUIRE(d.session.tickets().step_ticket(leak, TS::accepted).ok());
  REQUIRE(d.session.tickets().step_ticket(leak, TS::on_site).ok());
  REQUIRE(d.session.tickets().finish_ticket(leak, a_signature()).ok());
  d.clock.now += kDay;
  REQUIRE(d.session.tickets().record_leak_test(leak, true, "复测无渗漏").ok());
  t = d.session.tickets().ticket(leak);
  CHECK(t->leak_test_ms == d.clock.now);
  CHECK(d.session.tickets().callback_due_at(*t) == d.clock.now + 3 * kDay);
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());
}

TEST_CASE("only an untested leak repair goes straight back from done: a forged step back on another repair is refused in the fold") {
  Device d;
  const Id ordinary = d.repair();
  REQUIRE(d.session.tickets().finish_ticket(ordinary, a_signature()).ok());
  CHECK(d.session.tickets().record_leak_test(ordinary, false).error().code == "not_leak");
  // A step back from done with the failed flag, as a hostile or buggy client would send it.
  CHECK(d.session.tickets().step_ticket(ordinary, TS::dispatched, "", "工程部", true).ok());  // kept in the log...
  const Ticket* t = d.session.tickets().ticket(ordinary);
  CHECK(t->status == TS::done);  // ...but it changes nothing
  CHECK(t->history.back().refused != tickets::TransitionError::none);
}

TEST_CASE("a callback in one save: satisfied closes the ticket, a problem reopens it to the repairer") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d;
  const Id good = d.repair();
  CHECK(d.session.tickets().record_callback(good, CallbackMethod::phone, true, "").error().code == "not_done");
  REQUIRE(d.session.tickets().finish_ticket(good, a_signature()).ok());
  d.clock.now += kDay;
  REQUIRE(d.session.tickets().record_callback(good, CallbackMethod::phone, true, "业主表示满意").ok());
  const Ticket* t = d.session.tickets().ticket(good);
  CHECK(t->status == TS::closed);
  CHECK(t->callback_ms == d.clock.now);
  CHECK_FALSE(t->callback_problem);

  const Id bad = d.repair();
  REQUIRE(d.session.tickets().finish_ticket(bad, a_signature()).ok());
  REQUIRE(d.session.tickets().record_callback(bad, CallbackMethod::visit, false, "灯仍时亮时灭").ok());
  t = d.session.tickets().ticket(bad);
  CHECK(t->status == TS::dispatched);
  CHECK(t->handler == "工程部");
  CHECK(t->callback_problem);
  CHECK(t->done_ms == 0);
  CHECK(t->signature.empty());  // the owner signs again when it is fixed
  CHECK(t->history.back().callback_failed);

  // 100%: every done valid complaint and repair is owed one, and counted.
  const std::int64_t month = local_time(d.clock.now).day / 100;
  const CallbackCoverage c = d.session.tickets().callback_coverage(month);
  CHECK(c.owed == 2);
  CHECK(c.done == 2);
  CHECK(c.problems == 1);
}

TEST_CASE("the head butler re-checks 3–5% of the month's callbacks, drawn the same on every tablet") {
  // 003: "大管家要对管家的上述行为定期进行3-5%的随机抽检" -- the share set (4% by
  // default), rounded, and at least one as soon as there is one.
  struct Row { std::size_t done; std::int64_t percent; std::size_t sample; };
  for (Row r : {Row{0, 4, 0}, Row{1, 4, 1}, Row{12, 4, 1}, Row{19, 4, 1}, Row{20, 4, 1}, Row{50, 4, 2}, Row{100, 4, 4},
                Row{200, 4, 8}, Row{1000, 4, 40}, Row{0, 5, 0}, Row{1, 3, 1}, Row{12, 5, 1}, Row{20, 5, 1}, Row{100, 3, 3},
                Row{100, 5, 5}, Row{1000, 3, 30}, Row{1000, 5, 50}, Row{3, 20, 1}, Row{10, 20, 2}}) {
    INFO(r.done << " callbacks at " << r.percent << "%");
    CHECK(tickets::recheck_sample_size(r.done, r.percent) == r.sample);
  }
  // "定期": monthly, or quarterly from January.
  CHECK(tickets::recheck_period(202612, 1).first == 202612);
  CHECK(tickets::recheck_period(202612, 1).last == 202612);
  CHECK(tickets::recheck_period(202611, 3).first == 202610);
  CHECK(tickets::recheck_period(202611, 3).last == 202612);
  CHECK(tickets::recheck_period(202601, 3).first == 202601);
  CHECK(tickets::recheck_period(202603, 3).last == 202603);
  std::vector<Id> ids;
  for (std::uint64_t i = 1; i <= 100; ++i) ids.push_back(Id{i * 7919, i});
  const Id community{42, 42};
  const auto sample = tickets::recheck_sample(ids, community, 202612);
  CHECK(sample.size() == 4);
  std::vector<Id> shuffled = ids;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(3));
  CHECK(tickets::recheck_sample(shuffled, community, 202612) == sample);  // order does not matter
  CHECK(tickets::recheck_sample(ids, community, 202701) != sample);      // a new month, a new draw

  Device d;
  const Id id = d.repair();
  REQUIRE(d.session.tickets().finish_ticket(id, a_signature()).ok());
  REQUIRE(d.session.tickets().record_callback(id, CallbackMethod::phone, true, "").ok());
  const std::int64_t month = local_time(d.clock.now).day / 100;
  const auto drawn = d.session.tickets().recheck_sample(month);
  REQUIRE(drawn.size() == 1);
  CHECK(drawn[0]->id == id);
  CHECK(d.session.tickets().recheck_callback(id, true, "电话抽查属实").error().code == "not_allowed");
  d.as(Role::head_butler);
  REQUIRE(d.session.tickets().recheck_callback(id, true, "电话抽查属实").ok());
  CHECK(d.session.tickets().ticket(id)->rechecked_ms == d.clock.now);
  NewTicket open;
  open.what = "咨询停车";
  const Id fresh = d.session.tickets().open_ticket(open).value();
  CHECK(d.session.tickets().recheck_callback(fresh, true, "").error().code == "no_callback");
}

TEST_CASE("the re-check's share and period are the head butler's settings, and the screen's share is the real one") {
  Device d;
  std::vector<Id> called;
  for (int i = 0; i < 12; ++i) {
    const Id id = d.repair();
    REQUIRE(d.session.tickets().finish_ticket(id, a_signature()).ok());
    REQUIRE(d.session.tickets().record_callback(id, CallbackMethod::phone, true, "").ok());
    called.push_back(id);
  }
  const std::int64_t month = local_time(d.clock.now).day / 100;
  RecheckDraw draw = d.session.tickets().recheck_draw(month);
  CHECK(draw.first_month == month);
  CHECK(draw.last_month == month);
  CHECK(draw.percent_set == 4);
  CHECK(draw.done == 12);
  REQUIRE(draw.sample.size() == 1);
  CHECK(draw.percent_drawn() == 8);  // "1 / 12, 8%": more than the 4% set, and said so

  // A butler may not change it; a head butler may, within 1–20% and monthly or quarterly.
  tickets::Settings s = d.session.tickets().ticket_settings();
  s.recheck_percent = 25;
  d.as(Role::head_butler);
  CHECK(d.session.tickets().save_ticket_settings(s).error().code == "bad_settings");
  s.recheck_percent = 20;
  s.recheck_period_months = 2;
  CHECK(d.session.tickets().save_ticket_settings(s).error().code == "bad_settings");
  s.recheck_period_months = 3;
  REQUIRE(d.session.tickets().save_ticket_settings(s).ok());
  draw = d.session.tickets().recheck_draw(month);
  CHECK(draw.percent_set == 20);
  CHECK(draw.first_month == tickets::recheck_period(month, 3).first);
  CHECK(draw.last_month == tickets::recheck_period(month, 3).last);
  CHECK(draw.sample.size() == 2);  // 20% of 12, rounded
  CHECK(draw.percent_drawn() == 17);

  // A forged op outside the ranges is refused by validation, as the server refuses it.
  Op forged = d.session.decoded_log().back();
  REQUIRE(forged.kind == OpKind::ticket_settings_set);
  CHECK(validate_op(forged).ok());
  forged.payload = Payload{};
  forged.payload.set(F::recheck_percent, 50).set(F::at_ms, d.clock.now);
  CHECK_FALSE(validate_op(forged).ok());
  forged.payload = Payload{};
  forged.payload.set(F::recheck_period_months, 2).set(F::at_ms, d.clock.now);
  CHECK_FALSE(validate_op(forged).ok());
}

TEST_CASE("quarters and weeks: the calendar of household visits") {
  CHECK(tickets::quarter_of(20261201).first == 20261001);
  CHECK(tickets::quarter_of(20261201).next == 20270101);
  CHECK(tickets::quarter_of(20260101).first == 20260101);
  CHECK(tickets::quarter_of(20260331).next == 20260401);
  CHECK(tickets::quarter_of(20260415).first == 20260401);
  CHECK(tickets::week_start(20261201, 2) == 20261130);  // a Tuesday's week began on Monday
  CHECK(tickets::week_start(20261206, 0) == 20261130);  // and a Sunday's too
  CHECK(tickets::weeks_left(20261201, 2) == 5);         // weeks of 11-30, 12-07, 12-14, 12-21, 12-28
  CHECK(tickets::weeks_left(20261230, 3) == 1);
  CHECK(tickets::visits_due_this_week(265, 13) == 21);
  CHECK(tickets::visits_due_this_week(10, 1) == 10);
  CHECK(tickets::visits_due_this_week(0, 4) == 0);
}

TEST_CASE("this week's visits: an even share of the households still unvisited this quarter, shrinking as they are done") {
  Device d;
  d.clock.now = 1796140800000 - 8 * kHour;  // 2026-12-01 16:00 Beijing time (08:00 UTC), a Tuesday
  const VisitPlan& plan = d.session.tickets().visit_plan();
  REQUIRE(plan.households > 0);
  CHECK(plan.quarter_first == 20261001);
  CHECK(plan.visited == 0);
  CHECK(plan.weeks_left == 5);
  const std::size_t due = plan.due_this_week.size();
  CHECK(due == tickets::visits_due_this_week(static_cast<std::size_t>(plan.households), 5));
  const Id first = plan.due_this_week.front();
  CHECK(d.session.tickets().record_visit(Id{3, 3}, CallbackMethod::visit, "").error().code == "unknown_unit");
  REQUIRE(d.session.tickets().record_visit(first, CallbackMethod::visit, "业主反映楼道灯偏暗", "报修楼道灯").ok());
  const VisitPlan& after = d.session.tickets().visit_plan();
  CHECK(after.visited == 1);
  CHECK(after.due_this_week.size() == due - 1);
  CHECK(std::find(after.due_this_week.begin(), after.due_this_week.end(), first) == after.due_this_week.end());
  REQUIRE(d.session.tickets().last_visit(first));
  CHECK(d.session.tickets().last_visit(first)->follow_ups == "报修楼道灯");
  CHECK(d.session.tickets().visits_of(first).size() == 1);
}

TEST_CASE("pinyin initials find an owner: zxm for 张小明, and the last four digits of a phone") {
  CHECK(pinyin_initials("张小明") == "zxm");
  CHECK(pinyin_initials("王Amy 2") == "wamy2");
  CHECK(pinyin_initials("欧阳娜娜") == "oynn");
  CHECK(pinyin_initial(U'龘') == 0);  // beyond GB2312's first level: no initial
  Device d;
  const UnitRow* with_owner = nullptr;
  for (const UnitRow& r : d.session.estate().unit_rows()) {
    if (!r.owner_name.empty() && !r.owner_initials.empty()) { with_owner = &r; break; }
  }
  REQUIRE(with_owner);
  const auto by_initials = d.session.estate().search_units(with_owner->owner_initials);
  CHECK(std::any_of(by_initials.begin(), by_initials.end(), [&](std::size_t i) { return d.session.estate().unit_rows()[i].id == with_owner->id; }));
  const auto upper = d.session.estate().search_units(std::string(1, static_cast<char>(with_owner->owner_initials[0] - 'a' + 'A')));
  CHECK(upper.size() >= by_initials.size());
  const auto by_phone = d.session.estate().search_units(with_owner->phone_tail);
  CHECK(std::any_of(by_phone.begin(), by_phone.end(), [&](std::size_t i) { return d.session.estate().unit_rows()[i].id == with_owner->id; }));
  CHECK(with_owner->masked_phone.find(with_owner->phone_tail) != std::string::npos);
}

TEST_CASE("ticket ops validate, and insane ones are refused") {
  Device d;
  const Id id = d.repair(tickets::RepairCategory::leak);
  REQUIRE(d.session.tickets().set_repair_slip(id, RepairSlipDraft{0, tickets::RepairCategory::leak, {{priced(d.session, "更换角阀")->id, 2}}, ""}).ok());
  REQUIRE(d.session.tickets().finish_ticket(id, a_signature()).ok());
  REQUIRE(d.session.tickets().record_leak_test(id, true).ok());
  REQUIRE(d.session.tickets().record_callback(id, CallbackMethod::phone, true, "").ok());
  REQUIRE(d.session.tickets().record_visit(d.session.estate().unit_rows()[0].id, CallbackMethod::phone, "电话问候").ok());
  for (const Op& op : d.session.decoded_log()) {
    INFO(static_cast<int>(op.kind));
    CHECK(validate_op(op).ok());
  }
  Op bad;
  bad.op_id = Id{1, 2};
  bad.device_id = Id{1, 1};
  bad.entity = Id{3, 4};
  bad.hlc = {1790000000000, 0};
  bad.kind = OpKind::ticket_stepped;
  bad.payload.set(F::parent, id.to_hex()).set(F::stage, 5).set(F::at_ms, 1).set(F::signature, std::string("garbage"));
  CHECK_FALSE(validate_op(bad).ok());
  bad.kind = OpKind::repair_slip_set;
  bad.payload = Payload{};
  bad.payload.set(F::parent, id.to_hex()).set(F::lines, std::string("AAAA"));
  CHECK_FALSE(validate_op(bad).ok());
  bad.payload = Payload{};
  bad.payload.set(F::parent, id.to_hex()).set(F::category, 9);
  CHECK_FALSE(validate_op(bad).ok());
  bad.kind = OpKind::ticket_handed_on;
  bad.payload = Payload{};
  bad.payload.set(F::parent, id.to_hex()).set(F::assignee, std::string("nobody"));
  CHECK_FALSE(validate_op(bad).ok());
  bad.kind = OpKind::visit_recorded;
  bad.payload = Payload{};
  bad.payload.set(F::parent, id.to_hex()).set(F::at_ms, 1).set(F::method, 7);
  CHECK_FALSE(validate_op(bad).ok());
  CHECK_FALSE(role_may_write(static_cast<std::int64_t>(Role::butler), OpKind::callback_rechecked));
  CHECK_FALSE(role_may_write(static_cast<std::int64_t>(Role::butler), OpKind::price_item_set));
  CHECK(role_may_write(static_cast<std::int64_t>(Role::engineering), OpKind::repair_slip_set));
}

TEST_CASE("a snapshot keeps tickets with slips, signatures, callbacks and visits, and the price list") {
  Device d;
  const Id id = d.repair(tickets::RepairCategory::leak);
  REQUIRE(d.session.tickets().set_repair_slip(id, RepairSlipDraft{1790007200000, tickets::RepairCategory::leak, {{priced(d.session, "更换角阀")->id, 2}}, "业主自购"}).ok());
  REQUIRE(d.session.tickets().hand_on_ticket(id, d.with_role(Role::front_desk).id, "").ok());
  REQUIRE(d.session.tickets().finish_ticket(id, a_signature()).ok());
  REQUIRE(d.session.tickets().record_leak_test(id, true).ok());
  REQUIRE(d.session.tickets().record_callback(id, CallbackMethod::phone, false, "仍渗水").ok());
  REQUIRE(d.session.tickets().record_visit(d.session.estate().unit_rows()[0].id, CallbackMethod::visit, "走访", "跟进").ok());
  Replica r;
  r.add(d.session.decoded_log());
  const auto snap = decode_snapshot(encode_snapshot(r.data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.tickets == r.data().tickets);
  CHECK(snap.value().data.tickets.prices.size() == 12);
  CHECK(snap.value().data.tickets.visits.size() == 1);
}

TEST_CASE("the office's CSVs: every ticket with its whole history, callbacks 100% tracked, visits") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d;
  const Id id = d.repair();
  REQUIRE(d.session.tickets().finish_ticket(id, a_signature(), "已修复").ok());
  d.clock.now += kDay;
  REQUIRE(d.session.tickets().record_callback(id, CallbackMethod::phone, true, "业主满意").ok());
  const Id owed = d.repair();
  REQUIRE(d.session.tickets().finish_ticket(owed, a_signature()).ok());
  REQUIRE(d.session.tickets().record_visit(d.session.estate().unit_rows()[0].id, CallbackMethod::visit, "业主反映电梯异响", "报修电梯").ok());
  Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  const std::string tickets = export_text((*exports.find("tickets"))(server::ExportInput{replica}));
  CHECK(tickets.find("工单编号,受理时间,渠道,类别,等级,楼栋,单元,房号,业主") != std::string::npos);
  // Each ticket by the number the tablet gave it (the demo is tablet 0), never by its id's digits.
  const std::string number = tickets::ticket_number(*d.session.tickets().ticket(id));
  const std::string owed_number = tickets::ticket_number(*d.session.tickets().ticket(owed));
  CHECK(number == "T0-0001");
  CHECK(owed_number == "T0-0002");
  CHECK(tickets.find("\n" + number + ",") != std::string::npos);
  CHECK(tickets.find(id.to_hex().substr(0, 8)) == std::string::npos);
  CHECK(tickets.find("报修,轻微") != std::string::npos);
  CHECK(tickets.find("已结案") != std::string::npos);
  for (const char* step : {"已定性", "维修单", "已派单", "已接单", "已到场", "已完成", "已回访", "已结案"}) {
    INFO(step);
    CHECK(tickets.find(step) != std::string::npos);
  }
  CHECK(tickets.find("电话 满意 业主满意") != std::string::npos);
  const std::string callbacks = export_text((*exports.find("callbacks"))(server::ExportInput{replica}));
  CHECK(callbacks.find("工单编号,类别,维修类别,楼栋,单元,房号,业主,完成时间,试漏时间,应回访时间,回访时间") != std::string::npos);
  CHECK(callbacks.find("\n" + number + ",报修,其他维修") != std::string::npos);
  CHECK(callbacks.find(",电话,满意,") != std::string::npos);
  CHECK(callbacks.find("\n" + owed_number + ",") != std::string::npos);  // owed, not yet done: listed
  const std::string visits = export_text((*exports.find("visits"))(server::ExportInput{replica}));
  CHECK(visits.find(",上门,") != std::string::npos);
  CHECK(visits.find("业主反映电梯异响,报修电梯") != std::string::npos);
}

TEST_CASE("three tablets acting on the same tickets offline converge, conflicts kept, whatever order the ops arrive in") {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    Device a(seed * 3, 11), b(seed * 3 + 1, 12), c(seed * 3 + 2, 13);
    std::vector<Device*> all{&a, &b, &c};
    // A shared ticket to start from.
    const Id shared = a.repair();
    for (Device* d : {&b, &c}) REQUIRE(d->session.merge_remote(a.session.decoded_log()).ok());
    std::mt19937 rng(static_cast<unsigned>(seed));
    const Staff& front = a.with_role(Role::front_desk);
    for (int step = 0; step < 12; ++step) {
      Device& d = *all[rng() % 3];
      d.clock.now += 1000 + rng() % 60000;
      switch (rng() % 6) {
        case 0: (void)d.session.tickets().finish_ticket(shared, a_signature()); break;
        case 1: (void)d.session.tickets().record_callback(shared, CallbackMethod::phone, rng() % 2 == 0, "回访"); break;
        case 2: (void)d.session.tickets().hand_on_ticket(shared, front.id, "转交"); break;
        case 3: (void)d.session.tickets().set_repair_slip(shared, RepairSlipDraft{0, tickets::RepairCategory::ordinary, {{priced(d.session, "疏通马桶")->id, 1 + static_cast<std::int64_t>(rng() % 3)}}, ""}); break;
        case 4: (void)d.session.tickets().step_ticket(shared, TS::accepted); break;
        default: (void)d.session.tickets().record_visit(d.session.estate().unit_rows()[rng() % 20].id, CallbackMethod::visit, "走访"); break;
      }
    }
    // Exchange everything, each in its own shuffled order.
    std::vector<Op> union_ops;
    for (Device* d : all) for (const Op& op : d->session.decoded_log()) union_ops.push_back(op);
    for (Device* d : all) {
      std::vector<Op> mine = union_ops;
      std::shuffle(mine.begin(), mine.end(), rng);
      REQUIRE(d->session.merge_remote(mine).ok());
    }
    const TicketsData& ta = a.session.master_data().tickets;
    CHECK(ta == b.session.master_data().tickets);
    CHECK(ta == c.session.master_data().tickets);
    CHECK(a.session.tickets().ticket_conflicts().size() == b.session.tickets().ticket_conflicts().size());
    // Every act is in the history: applied, or kept as a conflict.
    std::size_t acts = 0;
    for (const Op& op : a.session.decoded_log()) {
      acts += op.kind == OpKind::ticket_stepped || op.kind == OpKind::ticket_handed_on || op.kind == OpKind::repair_slip_set;
    }
    CHECK(a.session.tickets().ticket(shared)->history.size() == acts);
  }
}

TEST_CASE("a unit found the way people say it: 3栋1502, 3-1-1502, 3 1502, 3栋1单元1502, 1502") {
  CHECK(address_matches("3栋1502", "3栋 1单元 1502"));
  CHECK(address_matches("3-1-1502", "3栋 1单元 1502"));
  CHECK(address_matches("3 1502", "3栋 2单元 1502"));
  CHECK(address_matches("3栋1单元1502", "3栋 1单元 1502"));
  CHECK(address_matches("3号楼1单元1502室", "3栋 1单元 1502"));
  CHECK(address_matches("1502", "12栋 2单元 1502"));
  CHECK(address_matches("3栋", "3栋 2单元 101"));
  CHECK_FALSE(address_matches("3-2-1502", "3栋 1单元 1502"));  // another entrance
  CHECK_FALSE(address_matches("13 1502", "3栋 1单元 1502"));
  CHECK_FALSE(address_matches("150", "3栋 1单元 1502"));
  CHECK_FALSE(address_matches("张1502", "3栋 1单元 1502"));        // a name query
  CHECK_FALSE(address_matches("13800001502", "3栋 1单元 1502"));   // a phone number

  // In the demo estate: every spelling finds the same unit, first.
  Device d;
  const auto& rows = d.session.estate().unit_rows();
  const UnitRow* target = nullptr;
  for (const UnitRow& r : rows) {
    if (r.label.find("单元") != std::string::npos && r.label.find("3栋") == 0) { target = &r; break; }
  }
  REQUIRE(target);
  // "3栋 1单元 101" → its numbers
  std::vector<std::string> parts;
  std::string digits;
  for (char c : target->label + " ") {
    if (c >= '0' && c <= '9') digits += c;
    else if (!digits.empty()) { parts.push_back(digits); digits.clear(); }
  }
  REQUIRE(parts.size() == 3);
  const std::string b = parts[0], e = parts[1], room = parts[2];
  for (const std::string& q : {b + "栋" + room, b + "-" + e + "-" + room, b + " " + room, b + "栋" + e + "单元" + room, room}) {
    INFO(q);
    const auto found = d.session.estate().search_units(q);
    REQUIRE_FALSE(found.empty());
    bool first_block_has_it = false;
    for (std::size_t i : found) {
      if (!address_matches(q, rows[i].label)) break;  // the address matches come first
      first_block_has_it = first_block_has_it || rows[i].id == target->id;
    }
    CHECK(first_block_has_it);
  }
}
