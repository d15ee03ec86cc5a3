// The deadlines are settings (domain.md §2–3: the manuals' numbers are the
// defaults): a head butler changes them on the tablet, every deadline follows,
// two leads editing different numbers offline both keep theirs, snapshots keep
// them, and insane values are refused. Also the on-site rule: a complaint made
// in person has its handler there within 5 minutes.
#include <catch2/catch.hpp>

#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/session/session.hpp"
#include "app/store/snapshot.hpp"
#include "device_fixture.hpp"

using namespace app;
using tickets::Kind;
using tickets::Severity;
using TS = tickets::Status;

namespace {

constexpr std::int64_t kMinute = 60000, kDay = 24 * 60 * kMinute;

struct Tablet : fixture::Device {
  explicit Tablet(std::uint64_t seed, std::uint64_t device) : fixture::Device(seed, Id{device, device}) {
    REQUIRE(session.load_demo({}).ok());
  }
  Id complaint(Severity severity, std::int64_t channel = 0) {
    NewTicket t;
    t.unit = session.estate().unit_rows()[3].id;
    t.owner = "王先生";
    t.what = "楼道灯坏了一周无人处理";
    t.kind = Kind::valid_complaint;
    t.severity = severity;
    t.channel = channel;
    return session.tickets().open_ticket(t).value();
  }
};

}  // namespace

TEST_CASE("the manuals' numbers are the defaults, and a head butler's change moves every deadline") {
  Tablet d(1, 1);
  const tickets::Settings defaults;
  CHECK(d.session.tickets().ticket_settings() == defaults);
  const Id id = d.complaint(Severity::important);
  const Ticket* t = d.session.tickets().ticket(id);
  REQUIRE(t);
  CHECK(*d.session.tickets().deadlines_of(*t).resolve_by == t->received_ms + 3 * kDay);
  CHECK(*d.session.tickets().deadlines_of(*t).escalate_by == t->received_ms + 60 * kMinute);

  d.as(Role::head_butler);
  tickets::Settings s = d.session.tickets().ticket_settings();
  s.important_resolve_days = 5;
  s.important_escalate_minutes = 30;
  REQUIRE(d.session.tickets().save_ticket_settings(s).ok());
  CHECK(d.session.tickets().ticket_settings() == s);
  CHECK(*d.session.tickets().deadlines_of(*t).resolve_by == t->received_ms + 5 * kDay);
  CHECK(*d.session.tickets().deadlines_of(*t).escalate_by == t->received_ms + 30 * kMinute);
  CHECK(d.session.tickets().next_deadline(*t) == t->received_ms + 30 * kMinute);
  // Saving the same numbers again writes nothing.
  const std::size_t ops = d.session.decoded_log().size();
  REQUIRE(d.session.tickets().save_ticket_settings(s).ok());
  CHECK(d.session.decoded_log().size() == ops);
}

TEST_CASE("only a head butler or manager sets the deadlines, and only to sane numbers") {
  Tablet d(2, 2);
  d.as(Role::butler);
  tickets::Settings s;
  s.minor_resolve_days = 4;
  const Status refused = d.session.tickets().save_ticket_settings(s);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "not_allowed");
  CHECK_FALSE(refused.error().message.empty());
  CHECK(d.session.tickets().ticket_settings().minor_resolve_days == 2);

  d.as(Role::manager);
  for (std::int64_t bad : {0, -1, 61}) {
    tickets::Settings b;
    b.callback_days = bad;
    INFO(bad);
    CHECK(d.session.tickets().save_ticket_settings(b).error().code == "bad_settings");
  }
  tickets::Settings minutes;
  minutes.repair_dispatch_minutes = 1441;
  CHECK(d.session.tickets().save_ticket_settings(minutes).error().code == "bad_settings");
  CHECK(d.session.tickets().ticket_settings() == tickets::Settings{});
  REQUIRE(d.session.tickets().save_ticket_settings(s).ok());
  CHECK(d.session.tickets().ticket_settings().minor_resolve_days == 4);
}

TEST_CASE("a settings op from a butler, for another record or out of range is refused by validation") {
  Tablet d(3, 3);
  d.as(Role::head_butler);
  tickets::Settings s;
  s.callback_days = 3;
  REQUIRE(d.session.tickets().save_ticket_settings(s).ok());
  const std::vector<Op> log = d.session.decoded_log();
  const Op& good = log.back();
  REQUIRE(good.kind == OpKind::ticket_settings_set);
  CHECK(validate_op(good).ok());
  Op other = good;
  other.entity = Id{7, 7};
  CHECK_FALSE(validate_op(other).ok());
  Op insane = good;
  insane.payload.set(F::callback_days, 0);
  CHECK_FALSE(validate_op(insane).ok());
  Op empty = good;
  empty.payload = Payload{};
  empty.payload.set(F::at_ms, 1);
  CHECK_FALSE(validate_op(empty).ok());
}

TEST_CASE("two leads change different numbers offline: both kept, the same number: the later one wins") {
  Tablet a(4, 4), b(5, 5);
  a.as(Role::head_butler);
  b.as(Role::manager);
  tickets::Settings sa = a.session.tickets().ticket_settings();
  sa.major_resolve_days = 7;  // one manual says a week
  sa.callback_days = 1;
  tickets::Settings sb = b.session.tickets().ticket_settings();
  sb.leak_callback_days = 5;
  sb.callback_days = 4;
  a.clock.now += kMinute;
  b.clock.now += 2 * kMinute;  // b's edit of callback_days is the later one
  REQUIRE(a.session.tickets().save_ticket_settings(sa).ok());
  REQUIRE(b.session.tickets().save_ticket_settings(sb).ok());
  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  const tickets::Settings& merged = a.session.tickets().ticket_settings();
  CHECK(merged == b.session.tickets().ticket_settings());
  CHECK(merged.major_resolve_days == 7);
  CHECK(merged.leak_callback_days == 5);
  CHECK(merged.callback_days == 4);

  // A snapshot keeps them.
  Replica r;
  r.add(a.session.decoded_log());
  const auto snap = decode_snapshot(encode_snapshot(r.data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.tickets.settings == merged);
}

TEST_CASE("a complaint made in person has its handler on site within 5 minutes, by phone it does not") {
  Tablet d(6, 6);
  const Id visit = d.complaint(Severity::minor, /*visit*/ 1);
  const Id phone = d.complaint(Severity::minor, /*phone*/ 0);
  const Ticket* tv = d.session.tickets().ticket(visit);
  const Ticket* tp = d.session.tickets().ticket(phone);
  REQUIRE(tv);
  REQUIRE(tp);
  CHECK(d.session.tickets().deadlines_of(*tv).onsite_by == tv->received_ms + 5 * kMinute);
  CHECK_FALSE(d.session.tickets().deadlines_of(*tp).onsite_by.has_value());
  CHECK(d.session.tickets().next_deadline(*tv) == tv->received_ms + 5 * kMinute);
  d.clock.now += 6 * kMinute;
  CHECK(d.session.tickets().overdue(*tv));
  CHECK_FALSE(d.session.tickets().overdue(*tp));
  // On site: that deadline is met and the next is the resolution.
  REQUIRE(d.session.tickets().classify_ticket(visit, Kind::valid_complaint, Severity::minor).ok());
  REQUIRE(d.session.tickets().step_ticket(visit, TS::on_site, "", "保洁部").ok());
  tv = d.session.tickets().ticket(visit);
  CHECK(d.session.tickets().next_deadline(*tv) == d.session.tickets().deadlines_of(*tv).resolve_by);
}
