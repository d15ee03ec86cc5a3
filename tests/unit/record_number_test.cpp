// Record numbers people can read out (issue 22, app/tickets/ticket_number.hpp):
// the format and its rule, numbers formed on the tablet that receives a
// ticket and continued from the log after a restart (whole log or snapshot),
// two tablets offline never giving the same number, never all digits over
// many seeds, validation of what arrives on the wire, and tickets from
// before numbers named by their id.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/session/session.hpp"
#include "app/store/snapshot.hpp"
#include "app/tickets/ticket_number.hpp"
#include "device_fixture.hpp"

using namespace app;

namespace {

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What a spreadsheet may take for a number or a date: anything led by a
// digit (1234567, 1.2E+71, 12-3).
bool spreadsheet_number(const std::string& s) {
  return !s.empty() && (s[0] >= '0' && s[0] <= '9');
}

NewTicket ticket(std::string what) {
  NewTicket t;
  t.what = std::move(what);
  t.kind = tickets::Kind::repair;
  t.severity = tickets::Severity::minor;
  return t;
}

// A tablet with nothing loaded but what it records itself.
struct Tablet : fixture::Device {
  Tablet(std::uint64_t seed, const Id& device, std::int64_t tablet_no) : fixture::Device(seed, device) {
    session.set_tablet_no(tablet_no);
  }
  std::string open(const std::string& what) {
    const Result<Id> id = session.tickets().open_ticket(ticket(what));
    REQUIRE(id.ok());
    return tickets::ticket_number(*session.tickets().ticket(id.value()));
  }
};

Op ticket_op(const std::string& number) {
  Op op;
  op.op_id = Id{0xAB, 1};
  op.device_id = Id{0xD, 1};
  op.actor = Id{0x5, 1};
  op.hlc = {1790000000000, 0};
  op.entity = Id{0x7, 1};
  op.kind = OpKind::ticket_opened;
  op.payload.set(F::kind, std::int64_t{4}).set(F::note, std::string("漏水")).set(F::at_ms, std::int64_t{1790000000000});
  op.payload.set(F::record_no, number);
  return op;
}

}  // namespace

TEST_CASE("a record number reads T3-0042, widens past 9999, and is read back under its own prefix only") {
  CHECK(records::format_record_number("T3", 42) == "T3-0042");
  CHECK(records::format_record_number("T3", 9999) == "T3-9999");
  CHECK(records::format_record_number("T3", 10000) == "T3-10000");
  CHECK(records::format_record_number("N12", 7) == "N12-0007");  // the letter is the record's: N, a notice
  CHECK(records::record_sequence("T3-0042", "T3") == 42);
  CHECK(records::record_sequence("T3-10000", "T3") == 10000);
  CHECK(records::record_sequence("T31-0042", "T3") == 0);  // tablet 31's, not 3's
  CHECK(records::record_sequence("T3-0042", "T31") == 0);
  CHECK(records::record_sequence("N3-0042", "T3") == 0);
  CHECK(records::record_sequence("T3-", "T3") == 0);
  CHECK(records::record_sequence("T3-00A2", "T3") == 0);
  CHECK(records::record_sequence("", "T3") == 0);
}

TEST_CASE("record prefixes: the server's ordinal, the demo's 0, and a device's own that never reads as an ordinal") {
  const Id device{0x1234ABCD00000000ull, 1};
  CHECK(records::record_prefix('T', 3, device, false) == "T3");
  CHECK(records::record_prefix('T', 3, device, true) == "T3");  // an ordinal wins
  CHECK(records::record_prefix('T', 0, device, true) == "T0");
  CHECK(records::record_prefix('T', 0, device, false) == "TD1234");  // not T1234: that is tablet 1234
  CHECK(records::record_prefix('N', 0, Id{0xABCDEF0000000000ull, 0}, false) == "NDABCD");
  CHECK(records::record_prefix('T', 0, Id{0xABCDEF0000000000ull, 0}, false) == "TDABCD");
}

TEST_CASE("validation refuses a record number that is all digits, lower case, spaced, too long or not led by a letter") {
  CHECK(validate_op(ticket_op("T3-0042")).ok());
  CHECK(validate_op(ticket_op("TD1A2B-0001")).ok());
  CHECK(validate_op(ticket_op("T0-12345")).ok());
  for (const char* bad : {"12345678", "0042", "1E5", "12-3", "-T3-0042", "t3-0042", "T3 0042", "T3_0042", "T3-00４2", "T",
                          "", "T3-0000000000000000000000042"}) {
    INFO(bad);
    const Status s = validate_op(ticket_op(bad));
    CHECK_FALSE(s.ok());
  }
  CHECK_FALSE(records::valid_record_number("12345678"));
  CHECK(records::valid_record_number("T3-0042"));
}

TEST_CASE("a ticket is numbered on the tablet that receives it, and the number travels in its op") {
  Tablet a(1, Id{0xA1, 0xA1}, 3);
  CHECK(a.open("楼道灯不亮") == "T3-0001");
  CHECK(a.open("水管漏水") == "T3-0002");
  const std::vector<Op> log = a.session.decoded_log();
  std::set<std::string> numbers;
  for (const Op& op : log) {
    if (op.kind != OpKind::ticket_opened) continue;
    const auto n = op.payload.text(F::record_no);
    REQUIRE(n);
    numbers.insert(std::string(*n));
  }
  CHECK(numbers == std::set<std::string>{"T3-0001", "T3-0002"});
  // What another replica (the server's exports) folds from the same ops.
  Replica other;
  other.add(log);
  std::set<std::string> folded;
  for (const auto& [id, t] : other.data().tickets.tickets) folded.insert(tickets::ticket_number(t));
  CHECK(folded == numbers);
}

TEST_CASE("the sequence continues after a restart, from the whole log or from a snapshot, with no counter kept") {
  Tablet a(2, Id{0xA2, 0xA2}, 3);
  for (int i = 0; i < 3; ++i) a.open("报修 " + std::to_string(i));

  // Restarted from the log: the next number is derived from what is there.
  fixture::Ports ports(3);
  ports.storage.durable = a.storage.durable;
  Session again(ports.clock, ports.random, ports.storage, Id{0xA2, 0xA2});
  ports.acknowledge_to(again);
  again.load(ports.storage.durable);
  again.set_tablet_no(3);
  const Result<Id> fourth = again.tickets().open_ticket(ticket("门禁坏了"));
  REQUIRE(fourth.ok());
  CHECK(tickets::ticket_number(*again.tickets().ticket(fourth.value())) == "T3-0004");

  // Restarted from a snapshot (the numbers live in it, format 7) and no tail.
  Replica replica;
  replica.add(again.decoded_log());
  const std::string snapshot = encode_snapshot(replica.data(), replica.ids(), ports.storage.durable.size(), replica.frontier(), {});
  fixture::Ports later(4);
  later.storage.durable = ports.storage.durable;
  Session from_snapshot(later.clock, later.random, later.storage, Id{0xA2, 0xA2});
  later.acknowledge_to(from_snapshot);
  REQUIRE(from_snapshot.load_from_snapshot(snapshot, {}, nullptr) == LoadOutcome::loaded);
  from_snapshot.set_tablet_no(3);
  const Result<Id> fifth = from_snapshot.tickets().open_ticket(ticket("电梯异响"));
  REQUIRE(fifth.ok());
  CHECK(tickets::ticket_number(*from_snapshot.tickets().ticket(fifth.value())) == "T3-0005");
}

TEST_CASE("two tablets offline number their tickets apart, and keep doing so after they merge") {
  Tablet a(5, Id{0xA5, 0xA5}, 1);
  Tablet b(6, Id{0xB6, 0xB6}, 2);
  // And two tablets that know no ordinal yet: their device ids keep them apart.
  Tablet c(7, Id{0x1234000000000000ull, 7}, 0);
  Tablet d(8, Id{0x5678000000000000ull, 8}, 0);
  std::multiset<std::string> numbers;
  for (int i = 0; i < 12; ++i) {
    for (Tablet* t : {&a, &b, &c, &d}) numbers.insert(t->open("工单 " + std::to_string(i)));
  }
  CHECK(numbers.count("T1-0012") == 1);
  CHECK(numbers.count("T2-0012") == 1);
  CHECK(numbers.count("TD1234-0012") == 1);
  CHECK(numbers.count("TD5678-0012") == 1);
  // Back online: each holds the other's tickets, and goes on under its own prefix.
  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  numbers.insert(a.open("合并后 a"));
  numbers.insert(b.open("合并后 b"));
  CHECK(numbers.count("T1-0013") == 1);
  CHECK(numbers.count("T2-0013") == 1);
  CHECK(std::set<std::string>(numbers.begin(), numbers.end()).size() == numbers.size());
  std::set<std::string> on_a;
  for (const auto& [id, t] : a.session.master_data().tickets.tickets) on_a.insert(tickets::ticket_number(t));
  CHECK(on_a.size() == 25);  // its own 13 and the other's 12, none shared
}

TEST_CASE("a record number is never all digits, whatever the tablet, device or sequence (1,000 seeds)") {
  fakes::Random rng(2026);
  for (int seed = 0; seed < 1000; ++seed) {
    const Id device = Id::random(rng);
    const std::int64_t tablet_no = static_cast<std::int64_t>(rng.next_u64() % 4) == 0 ? 0 : static_cast<std::int64_t>(rng.next_u64() % 100000);
    const bool demo = rng.next_u64() % 2 == 0;
    const std::int64_t sequence = 1 + static_cast<std::int64_t>(rng.next_u64() % (seed % 2 ? 9999 : 10000000));
    const std::string number = records::format_record_number(records::record_prefix('T', tablet_no, device, demo), sequence);
    INFO(number);
    CHECK_FALSE(all_digits(number));
    CHECK_FALSE(spreadsheet_number(number));
    CHECK(records::valid_record_number(number));
    CHECK(records::record_sequence(number, records::record_prefix('T', tablet_no, device, demo)) == sequence);
    // A ticket from before numbers, named by its id: never all digits either.
    Ticket old;
    old.id = Id::random(rng);
    const std::string fallback = tickets::ticket_number(old);
    CHECK_FALSE(all_digits(fallback));
    CHECK_FALSE(spreadsheet_number(fallback));
  }
  // And through the tablet itself, for tablets of every kind.
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    Tablet t(seed, Id::random(rng), static_cast<std::int64_t>(seed % 3 == 0 ? 0 : seed));
    const std::string n = t.open("巡查发现");
    INFO(n);
    CHECK_FALSE(all_digits(n));
    CHECK(records::valid_record_number(n));
  }
}

TEST_CASE("a ticket from before numbers is named # and the first 8 hex digits of its id in upper case") {
  Tablet a(9, Id{0xA9, 0xA9}, 4);
  // As an older tablet recorded it: no number in its op.
  Op old = ticket_op("T9-0001");
  old.payload = Payload{};
  old.payload.set(F::kind, std::int64_t{4}).set(F::note, std::string("旧工单")).set(F::at_ms, std::int64_t{1790000000000});
  old.entity = Id{0x1234567800abcdefull, 1};  // all digits in its first 8: the case that broke spreadsheets
  REQUIRE(validate_op(old).ok());
  REQUIRE(a.session.merge_remote({old}).ok());
  const Ticket* t = a.session.tickets().ticket(old.entity);
  REQUIRE(t);
  CHECK(t->number.empty());
  CHECK(tickets::ticket_number(*t) == "#12345678");
  Ticket hex;
  hex.id = Id{0xabcdef0112345678ull, 0};
  CHECK(tickets::ticket_number(hex) == "#ABCDEF01");
  // New ones are numbered as ever: the old one takes no number of the sequence.
  CHECK(a.open("新工单") == "T4-0001");
}

TEST_CASE("the demo numbers its tickets as tablet 0, after the demo's own") {
  fixture::Device d(10, Id{0xDE, 0xDE});
  REQUIRE(d.session.load_demo({}).ok());
  const Result<Id> first = d.session.tickets().open_ticket(ticket("演示工单"));
  REQUIRE(first.ok());
  CHECK(tickets::ticket_number(*d.session.tickets().ticket(first.value())) == "T0-0001");
  const Result<Id> second = d.session.tickets().open_ticket(ticket("演示工单 2"));
  REQUIRE(second.ok());
  CHECK(tickets::ticket_number(*d.session.tickets().ticket(second.value())) == "T0-0002");
  // The demo's database says so even when its generated records are out of sight (a snapshot).
  fixture::Device fresh(11, Id{0xDF, 0xDF});
  fresh.session.set_demo(true);
  const Result<Id> third = fresh.session.tickets().open_ticket(ticket("演示工单 3"));
  REQUIRE(third.ok());
  CHECK(tickets::ticket_number(*fresh.session.tickets().ticket(third.value())) == "T0-0001");
}
