// Renovation violation notices numbered N<tablet>-<seq> (issue 22,
// app/renovation/notice_number.hpp): numbered when issued, in the demo and on
// an enrolled tablet, a sequence apart from the tickets', kept through a
// snapshot, notices from before numbers named by their id, an all-digit
// number refused on the wire, and notices.csv listing them typed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "app/core/local_time.hpp"
#include "app/domain/csv_fields.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/renovation/notice_number.hpp"
#include "app/server/csv_export.hpp"
#include "app/session/session.hpp"
#include "app/store/snapshot.hpp"
#include "app/tickets/ticket_number.hpp"
#include "device_fixture.hpp"
#include "export_text.hpp"

using namespace app;

namespace {

// The demo loaded: two applications still open (in progress; completion checked).
struct Demo : fixture::Device {
  explicit Demo(std::uint64_t seed, std::uint64_t device = 0xDE) : fixture::Device(seed, Id{device, device}) {
    clock.now = 1790000000000;
    REQUIRE(session.load_demo({}).ok());
  }
  const Renovation& open_application(std::size_t n = 0) {
    const auto progress = session.renovation().renovations_in_progress();
    REQUIRE(progress.size() > n);
    return *progress[n];
  }
  // Issues a stop-work notice (any butler may) and returns its number.
  std::string issue(const std::string& what, std::size_t application = 0) {
    const Id app_id = open_application(application).id;
    const Result<Id> id = session.renovation().issue_violation_notice(app_id, NewViolation{what, renovation::Action::stop_work, 0, 0, {}});
    REQUIRE(id.ok());
    const ViolationNotice* n = session.renovation().renovation(app_id)->notice(id.value());
    REQUIRE(n);
    return renovation::notice_number(*n);
  }
};

Op notice_op(const std::string& number) {
  Op op;
  op.op_id = Id{0xAB, 2};
  op.device_id = Id{0xD, 2};
  op.actor = Id{0x5, 2};
  op.hlc = {1790000000000, 0};
  op.entity = Id{0x7, 2};
  op.kind = OpKind::renovation_violation;
  op.payload.set(F::parent, Id{0x8, 8}.to_hex()).set(F::note, std::string("拆改承重墙")).set(F::action, std::int64_t{0});
  op.payload.set(F::at_ms, std::int64_t{1790000000000});
  if (!number.empty()) op.payload.set(F::record_no, number);
  return op;
}

}  // namespace

TEST_CASE("the demo numbers its notices after its own three, on any application, and the number travels in the op") {
  Demo d(1);
  // The demo's history holds N0-0001 to N0-0003 (issued by date); the tablet goes on from there.
  CHECK(d.issue("楼道堆放建筑垃圾") == "N0-0004");
  CHECK(d.issue("周末施工噪音", 1) == "N0-0005");  // the sequence is the tablet's, not the application's
  std::vector<std::string> numbers;
  for (const Op& op : d.session.decoded_log()) {
    if (op.kind == OpKind::renovation_violation && op.payload.text(F::record_no)) numbers.emplace_back(*op.payload.text(F::record_no));
  }
  std::sort(numbers.begin(), numbers.end());
  CHECK(numbers == std::vector<std::string>{"N0-0001", "N0-0002", "N0-0003", "N0-0004", "N0-0005"});
}

TEST_CASE("an enrolled tablet numbers notices under its ordinal, apart from its tickets") {
  Demo d(2);
  d.session.set_tablet_no(3);
  NewTicket t;
  t.what = "楼道灯不亮";
  t.kind = tickets::Kind::repair;
  t.severity = tickets::Severity::minor;
  const Result<Id> ticket = d.session.tickets().open_ticket(t);
  REQUIRE(ticket.ok());
  CHECK(tickets::ticket_number(*d.session.tickets().ticket(ticket.value())) == "T3-0001");
  CHECK(d.issue("拆改承重墙") == "N3-0001");  // its own sequence: not N3-0002 after T3-0001
  CHECK(d.issue("破坏防水层") == "N3-0002");
  const Result<Id> second = d.session.tickets().open_ticket(t);
  REQUIRE(second.ok());
  CHECK(tickets::ticket_number(*d.session.tickets().ticket(second.value())) == "T3-0002");
}

TEST_CASE("a notice's number survives a snapshot, and the sequence goes on from it") {
  Demo d(3);
  d.session.set_tablet_no(5);
  CHECK(d.issue("阳台私自封闭") == "N5-0001");
  Replica replica;
  replica.add(d.session.decoded_log());
  const std::string snapshot = encode_snapshot(replica.data(), replica.ids(), d.storage.durable.size(), replica.frontier(), {});
  fixture::Ports later(4);
  later.storage.durable = d.storage.durable;
  Session from_snapshot(later.clock, later.random, later.storage, Id{0xDE, 0xDE});
  later.acknowledge_to(from_snapshot);
  REQUIRE(from_snapshot.load_from_snapshot(snapshot, {}, nullptr) == LoadOutcome::loaded);
  bool found = false;
  for (const auto& [id, r] : from_snapshot.master_data().renovation.renovations) {
    for (const ViolationNotice& n : r.notices) found = found || n.number == "N5-0001";
  }
  CHECK(found);
  from_snapshot.set_tablet_no(5);
  const auto progress = from_snapshot.renovation().renovations_in_progress();
  REQUIRE_FALSE(progress.empty());
  const Id app_id = progress.front()->id;
  const Result<Id> next = from_snapshot.renovation().issue_violation_notice(app_id, NewViolation{"私拉电线", renovation::Action::stop_work, 0, 0, {}});
  REQUIRE(next.ok());
  CHECK(renovation::notice_number(*from_snapshot.renovation().renovation(app_id)->notice(next.value())) == "N5-0002");
}

TEST_CASE("a notice from before numbers is named # and the first 8 hex digits of its id in upper case") {
  ViolationNotice old;
  old.id = Id{0x1234567800abcdefull, 1};  // all digits in its first 8
  CHECK(renovation::notice_number(old) == "#12345678");
  old.id = Id{0xabcdef0112345678ull, 0};
  CHECK(renovation::notice_number(old) == "#ABCDEF01");
  old.number = "N2-0042";
  CHECK(renovation::notice_number(old) == "N2-0042");
  // An unnumbered notice takes no number of the sequence: an op without one, folded beside the demo's.
  Demo d(5);
  Op unnumbered = notice_op("");
  const auto progress = d.session.renovation().renovations_in_progress();
  REQUIRE_FALSE(progress.empty());
  unnumbered.payload.set(F::parent, progress.front()->id.to_hex());
  Replica replica;
  replica.add(d.session.decoded_log());
  replica.add({unnumbered});
  const std::string next = renovation::next_notice_number(replica.data().renovation, "N0");
  CHECK(next == "N0-0004");
}

TEST_CASE("validate_op refuses a notice number a spreadsheet would read as a number, as it does a ticket's") {
  CHECK(validate_op(notice_op("")).ok());  // a notice from before numbers
  CHECK(validate_op(notice_op("N3-0007")).ok());
  CHECK(validate_op(notice_op("ND1A2B-0001")).ok());
  for (const std::string bad : {"12345678", "0007", "3-0007", "n3-0007", "N3 0007", "N", "N3-00000000000000000000001"}) {
    INFO(bad);
    CHECK_FALSE(validate_op(notice_op(bad)).ok());
  }
}

TEST_CASE("notices.csv lists every notice oldest first by its number, each cell in its type's form") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Demo d(6);
  d.as(Role::head_butler);
  const Renovation& r = d.open_application();
  const Id app_id = r.id;
  const Id unit = r.unit;
  const std::string contractor = r.contractor;
  d.clock.now += 60000;
  const Id deducted =
      d.session.renovation().issue_violation_notice(app_id, NewViolation{"破坏防水层", renovation::Action::deduct_deposit, 0, 50000, {}}).value();
  const std::int64_t issued_at = d.session.renovation().renovation(app_id)->notice(deducted)->issued_ms;
  d.clock.now += 60000;
  const std::int64_t rectify_by = add_days(d.session.today(), 7);
  REQUIRE(d.session.renovation().issue_violation_notice(app_id, NewViolation{"楼道堆放垃圾", renovation::Action::rectify_by, rectify_by, 0, {}}).ok());
  d.clock.now += 60000;
  REQUIRE(d.session.renovation().follow_up_violation(app_id, deducted, d.session.today(), "防水层已重做").ok());
  const std::int64_t followed_at = d.session.renovation().renovation(app_id)->notice(deducted)->followed_ms;

  Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  const auto names = exports.names();
  const auto at = std::find(names.begin(), names.end(), "notices");
  REQUIRE(at != names.end());
  REQUIRE(at != names.begin());
  CHECK(*(at - 1) == "renovations");  // registered right after the applications
  CHECK(std::string(i18n::tr(exports.title("notices"), i18n::Lang::zh_CN)) == "违规整改通知书");
  CHECK(std::string(i18n::tr(exports.title("notices"), i18n::Lang::en)) == "Violation rectification notices");

  const server::ExportTable table = (*exports.find("notices"))(server::ExportInput{replica});
  using office::CellType;
  const std::vector<std::pair<std::string, CellType>> columns{
      {"通知编号", CellType::text}, {"楼栋", CellType::text},     {"单元", CellType::text},           {"房号", CellType::text},
      {"施工单位", CellType::text}, {"开具时间", CellType::datetime}, {"处理", CellType::text},           {"违规内容", CellType::text},
      {"限期整改", CellType::date}, {"扣款（元）", CellType::amount}, {"开具人", CellType::text},         {"跟进时间", CellType::datetime},
      {"跟进说明", CellType::text}};
  REQUIRE(table.columns.size() == columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) {
    CHECK(table.columns[c].header == columns[c].first);
    CHECK(table.columns[c].type == columns[c].second);
  }
  CHECK(table.dated_by == 5);
  REQUIRE(table.rows.size() == 5);  // the demo's three and these two
  for (const auto& row : table.rows) {
    REQUIRE(row.size() == table.columns.size());
    for (std::size_t c = 0; c < row.size(); ++c) {
      INFO(table.columns[c].header << " = \"" << row[c] << "\"");
      CHECK(office::canonical_cell(table.columns[c].type, row[c]));
    }
  }
  // Oldest first: the demo's N0-0001 to N0-0003 (numbered in the order issued) before today's.
  for (std::size_t i = 0; i < 3; ++i) CHECK(table.rows[i][0] == "N0-000" + std::to_string(i + 1));
  for (std::size_t i = 1; i < table.rows.size(); ++i) CHECK(table.rows[i - 1][5] <= table.rows[i][5]);

  const auto place = office::unit_place(replica.data(), unit);
  const std::vector<std::string> deduction{"N0-0004", place[0], place[1], place[2], contractor, office::beijing_time(issued_at), "扣除保证金", "破坏防水层",
                                           "", "500.00", office::staff_name(replica.data(), d.session.actor()), office::beijing_time(followed_at),
                                           "防水层已重做"};
  CHECK(table.rows[3] == deduction);
  const auto& rectify = table.rows[4];
  CHECK(rectify[0] == "N0-0005");
  CHECK(rectify[6] == "限期整改");
  CHECK(rectify[8] == office::date_text(rectify_by));
  CHECK(rectify[9].empty());  // no deduction: empty, not 0.00
  CHECK(rectify[11].empty());
  CHECK(export_text(table).rfind("通知编号,楼栋,单元,房号,施工单位,开具时间,处理,违规内容,限期整改,扣款（元）,开具人,跟进时间,跟进说明\r\n", 0) == 0);
}
