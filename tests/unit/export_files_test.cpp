// The office's files as the office opens them (issue 22): every export's
// .xlsx read back by openpyxl (Debian's python3-openpyxl, which shares no
// code with the writer) with each column's type and value checked, and the
// CSV's quoting, formula neutralisation and date-times byte for byte.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "app/core/signature.hpp"
#include "app/domain/replica.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/server/csv_export.hpp"
#include "app/server/xlsx_writer.hpp"
#include "app/session/session.hpp"
#include "device_fixture.hpp"
#include "office_fixture.hpp"

namespace {

using app::office::CellType;
using nlohmann::json;

// openpyxl's reading of the workbook at `path` (tests/unit/xlsx_cells.py).
json read_back(const std::string& path) {
  const std::string command = std::string("/usr/bin/python3 ") + BUTLER_XLSX_CELLS_PY + " " + path;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buf[4096];
  while (const std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  const int status = ::pclose(pipe);
  INFO("python3-openpyxl is installed by scripts/setup; its output: " << out.substr(0, 300));
  REQUIRE(status == 0);
  return json::parse(out);
}

json workbook_of(const std::vector<server::XlsxSheet>& sheets) {
  server::TempFile file;
  REQUIRE(!file.path().empty());
  auto written = server::write_xlsx_file(sheets, file.path());
  INFO((written.ok() ? std::string() : written.error().message));
  REQUIRE(written.ok());
  return read_back(file.path());
}

// What openpyxl must read from a cell the export wrote as `cell` in a column of `type`.
void check_cell(CellType type, const std::string& cell, const json& got) {
  INFO("cell \"" << cell << "\" read back as " << got.dump());
  if (cell.empty()) {
    CHECK(got[0].is_null());
    return;
  }
  switch (type) {
    case CellType::text:
      CHECK(got[1] == "s");
      CHECK(got[0] == cell);
      CHECK(got[2] == "@");
      break;
    case CellType::number:
    case CellType::amount:
      CHECK(got[1] == "n");
      CHECK(got[0].get<double>() == Approx(std::strtod(cell.c_str(), nullptr)));
      CHECK(got[2] == (type == CellType::amount ? "0.00" : "0.##"));
      break;
    case CellType::date:
      CHECK(got[1] == "d");
      CHECK(got[0] == cell + "T00:00:00");
      CHECK(got[2] == "yyyy-mm-dd");
      break;
    case CellType::datetime:
      CHECK(got[1] == "d");
      CHECK(got[0] == cell.substr(0, 10) + "T" + cell.substr(11, 5) + ":00");
      CHECK(got[2] == "yyyy-mm-dd hh:mm");
      break;
  }
}

// The sheet read back holds the table: the header bold and frozen, each cell as its column's type says.
void check_sheet(const server::XlsxSheet& sheet, const json& got) {
  INFO("sheet " << sheet.name);
  CHECK(got["name"] == sheet.name);
  CHECK(got["frozen"] == "A2");
  CHECK(got["header_bold"] == true);
  const json& rows = got["rows"];
  REQUIRE(rows.size() == sheet.table.rows.size() + 1);
  for (std::size_t c = 0; c < sheet.table.columns.size(); ++c) CHECK(rows[0][c][0] == sheet.table.columns[c].header);
  for (std::size_t r = 0; r < sheet.table.rows.size(); ++r) {
    const auto& row = sheet.table.rows[r];
    for (std::size_t c = 0; c < row.size(); ++c) {
      INFO("row " << r + 2 << ", column " << sheet.table.columns[c].header);
      // openpyxl's row is as long as the sheet's widest; a trailing empty cell may be missing in a short one.
      const json missing = json::array({nullptr, "n", "General"});
      check_cell(sheet.table.columns[c].type, row[c], c < rows[r + 1].size() ? rows[r + 1][c] : missing);
    }
  }
}

std::string a_signature() {
  app::Signature s;
  std::vector<app::SignaturePoint> stroke;
  for (int i = 0; i < 30; ++i) stroke.push_back({static_cast<std::uint16_t>(150 + i * 7), static_cast<std::uint16_t>(300 + (i % 4) * 40)});
  s.strokes.push_back(stroke);
  return app::encode_signature(s);
}

struct Tablet : fixture::Device {
  // Two days of rounds behind the demo's day: rounds and findings have rows too.
  Tablet() : fixture::Device(7, app::Id{7, 7}) { REQUIRE(session.load_demo({.history_days = 2}).ok()); }
};

}  // namespace

TEST_CASE("every export's .xlsx reads back in openpyxl typed: text as text, counts and 0.00 amounts as numbers, real dates") {
  app::i18n::set_current_language(app::i18n::Lang::zh_CN);
  Tablet d;
  // A repair whose cells spreadsheets used to mangle: a phone with a leading
  // 0, a ; and a tab and a formula in free text, an amount of 3000.00.
  app::NewTicket t;
  t.unit = d.session.estate().unit_rows()[3].id;
  t.owner = "周女士";
  t.phone = "05718866123";
  t.what = "厨房漏水; 楼下\t=1+1";
  t.wants = "=1+1";
  t.kind = app::tickets::Kind::repair;
  t.severity = app::tickets::Severity::minor;
  const app::Id id = d.session.tickets().open_ticket(t).value();
  REQUIRE(d.session.tickets().classify_ticket(id, app::tickets::Kind::repair, app::tickets::Severity::minor).ok());
  app::RepairSlipDraft slip;
  for (const app::PriceItem* p : d.session.tickets().price_list()) {
    if (p->price_cents == 3000 && slip.items.empty()) slip.items.push_back({p->id, 100});  // 100 × 30.00 元
  }
  REQUIRE(slip.items.size() == 1);
  REQUIRE(d.session.tickets().set_repair_slip(id, slip).ok());
  // Done, signed and called back, and a household visit: callbacks.csv and visits.csv have rows.
  REQUIRE(d.session.tickets().step_ticket(id, app::tickets::Status::dispatched, "三联单已送工程部", "工程部").ok());
  REQUIRE(d.session.tickets().step_ticket(id, app::tickets::Status::accepted).ok());
  REQUIRE(d.session.tickets().step_ticket(id, app::tickets::Status::on_site).ok());
  REQUIRE(d.session.tickets().finish_ticket(id, a_signature()).ok());
  REQUIRE(d.session.tickets().record_callback(id, app::CallbackMethod::phone, true, "业主满意").ok());
  REQUIRE(d.session.tickets().record_visit(t.unit, app::CallbackMethod::visit, "走访; 无异常", "-").ok());
  // A look at a resident's whole phone (显示号码): contact_views.csv has a row.
  const app::Resident* with_phone = nullptr;
  for (const app::Resident* r : d.session.estate().residents_of(t.unit)) {
    if (!r->phone.empty()) with_phone = r;
  }
  REQUIRE(with_phone);
  REQUIRE(d.session.estate().view_contact(with_phone->id).ok());
  // A parcel signed in (its number typed like a formula) and handed over: mail.csv has a row.
  app::NewMail parcel;
  parcel.unit = t.unit;
  parcel.tracking = "=SF0001";
  const app::Id item = d.session.mail().receive(parcel).value();
  REQUIRE(d.session.mail().collect(item, {app::mail::Collector::owner, "周女士", *app::decode_signature(a_signature())}).ok());
  // A visitor (their purpose typed like a formula), told and gone: visitors.csv has a row.
  app::NewVisit visit;
  visit.purpose = "=送图纸";
  visit.name = "钱先生";
  visit.unit = t.unit;
  visit.department = "工程部";
  const app::Id visitor = d.session.visitors().receive(visit).value();
  REQUIRE(d.session.visitors().told(visitor).ok());
  REQUIRE(d.session.visitors().leave(visitor).ok());
  // The water off for a building, never posted (its posting time an empty date cell): outages.csv has a row.
  const app::Building* first = d.session.setup().buildings().front();
  REQUIRE(d.session.outages()
              .announce({app::outages::Kind::water, "=水箱清洗", d.clock.now + 3600000, d.clock.now + 7200000, {first->id}})
              .ok());

  app::Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  std::vector<server::XlsxSheet> sheets;
  for (const std::string& name : exports.names()) {
    INFO("export " << name);
    server::XlsxSheet sheet{app::i18n::tr(exports.title(name), app::i18n::Lang::zh_CN), (*exports.find(name))({replica})};
    // Each type tried on real rows. The demo has no photos, handovers or
    // incidents yet; their columns are of the same five types, tried here on the others.
    if (name != "photos" && name != "handovers" && name != "incidents") CHECK(!sheet.table.rows.empty());
    for (const auto& row : sheet.table.rows) {
      REQUIRE(row.size() == sheet.table.columns.size());
      for (std::size_t c = 0; c < row.size(); ++c) {
        INFO(sheet.table.columns[c].header << " = \"" << row[c] << "\"");
        CHECK(app::office::canonical_cell(sheet.table.columns[c].type, row[c]));
      }
    }
    sheets.push_back(std::move(sheet));
  }
  const json book = workbook_of(sheets);  // every export in one workbook, as the month's
  REQUIRE(book["sheets"].size() == sheets.size());
  for (std::size_t i = 0; i < sheets.size(); ++i) check_sheet(sheets[i], book["sheets"][i]);

  // The repair's row, cell by cell as the office sees it.
  const json* tickets = nullptr;
  for (const json& sheet : book["sheets"]) {
    if (sheet["name"] == "工单") tickets = &sheet;
  }
  REQUIRE(tickets != nullptr);
  const json* repair = nullptr;
  for (const json& row : (*tickets)["rows"]) {
    if (row[9][0] == "05718866123") repair = &row;
  }
  REQUIRE(repair != nullptr);
  CHECK((*repair)[0][1] == "s");  // 工单编号: text, whatever its characters
  CHECK((*repair)[1][1] == "d");  // 受理时间: a date-time the office can sort and filter
  CHECK((*repair)[10][0] == "厨房漏水; 楼下\t=1+1");
  CHECK((*repair)[11][0] == "=1+1");
  CHECK((*repair)[11][1] == "s");  // a text cell, never a formula
  CHECK((*repair)[26][0] == 3000.0);  // 维修费用（元）, after the complaint columns
  CHECK((*repair)[26][2] == "0.00");
}

TEST_CASE("a room 0502 and a phone 0571… imported by the office stay as written in units.xlsx and residents.xlsx") {
  app::Office o;
  o.must(app::ImportKind::units, "楼栋,单元,房号,楼层,状态\n5栋,1,0502,5,已入住\n");
  o.must(app::ImportKind::residents, "楼栋,单元,房号,姓名,电话,入住日期\n5栋,1,0502,吴先生,057188001234,2026-03-01\n");
  app::Replica replica;
  std::vector<app::Op> ops;
  const auto records = o.store->all_records(o.community.id);
  for (const auto& rec : records.value()) ops.push_back(app::decode_op(rec).value());
  replica.add(std::move(ops));
  const server::ExportRegistry exports = server::default_exports();
  const json book = workbook_of({{"房屋", (*exports.find("units"))({replica})}, {"住户", (*exports.find("residents"))({replica})}});
  const json& unit = book["sheets"][0]["rows"][1];
  CHECK(unit[2] == json::array({"0502", "s", "@"}));
  CHECK(unit[3][0] == 5);
  CHECK(unit[3][1] == "n");
  const json& resident = book["sheets"][1]["rows"][1];
  CHECK(resident[1] == json::array({"057188001234", "s", "@"}));
  CHECK(resident[4] == json::array({"0502", "s", "@"}));
  CHECK(resident[7] == json::array({"2026-03-01T00:00:00", "d", "yyyy-mm-dd"}));
}

TEST_CASE("the CSV quotes text, neutralises every formula start the OWASP list names, and writes ISO date-times") {
  server::ExportTable table({{"内容"}, {"数", CellType::number}, {"金额", CellType::amount}, {"日期", CellType::date}, {"时间", CellType::datetime}});
  const std::vector<std::string> formulas{"=1+1", "+1+2", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://x\")"};
  for (const std::string& f : formulas) table.rows.push_back({f, "", "", "", ""});
  table.rows.push_back({"-5", "-3", "3000.00", "2026-12-01", "2026-12-01 09:12"});  // plain numbers stay readable
  table.rows.push_back({"漏水; 楼下\t渗水,\"急\"", "12", "-12.50", "", ""});
  table.rows.push_back({"0502", "1.5", "", "", ""});
  const std::string csv = server::to_csv(table);
  CHECK(csv ==
        "\xEF\xBB\xBF\"内容\",\"数\",\"金额\",\"日期\",\"时间\"\r\n"
        "\"'=1+1\",,,,\r\n"
        "\"'+1+2\",,,,\r\n"
        "\"'-2+3\",,,,\r\n"
        "\"'@SUM(A1)\",,,,\r\n"
        "\"'\t=1+1\",,,,\r\n"
        "\"'\r=1+1\",,,,\r\n"
        "\"'=HYPERLINK(\"\"http://x\"\")\",,,,\r\n"
        "\"-5\",-3,3000.00,2026-12-01,2026-12-01T09:12:00\r\n"
        "\"漏水; 楼下\t渗水,\"\"急\"\"\",12,-12.50,,\r\n"
        "\"0502\",1.5,,,\r\n");
  // A typed cell not in its type's form is kept as (neutralised) text, not dropped.
  server::ExportTable odd({{"数", CellType::number}});
  odd.rows.push_back({"=1+1"});
  CHECK(server::to_csv(odd) == "\xEF\xBB\xBF\"数\"\r\n\"'=1+1\"\r\n");
}

TEST_CASE("the month's workbook takes each export's rows of that month and registers whole") {
  server::ExportTable dated({{"受理时间", CellType::datetime}, {"内容"}}, 0);
  dated.rows = {{"2026-10-31 23:59", "十月"}, {"2026-11-01 00:00", "十一月一日"}, {"2026-11-30 23:59", "月末"}, {"2026-12-01 00:00", "十二月"},
                {"", "无时间"}};
  const auto november = server::rows_of_month(dated, "2026-11");
  REQUIRE(november.rows.size() == 2);
  CHECK(november.rows[0][1] == "十一月一日");
  CHECK(november.rows[1][1] == "月末");
  server::ExportTable register_({{"房号"}});
  register_.rows = {{"101"}, {"102"}};
  CHECK(server::rows_of_month(register_, "2026-11").rows.size() == 2);
}

TEST_CASE("canonical cells: what each column type accepts") {
  CHECK(app::office::canonical_cell(CellType::number, "12"));
  CHECK(app::office::canonical_cell(CellType::number, "-3"));
  CHECK(app::office::canonical_cell(CellType::number, "1.5"));
  CHECK_FALSE(app::office::canonical_cell(CellType::number, "1."));
  CHECK_FALSE(app::office::canonical_cell(CellType::number, "1e5"));
  CHECK_FALSE(app::office::canonical_cell(CellType::number, "-"));
  CHECK(app::office::canonical_cell(CellType::amount, "3000.00"));
  CHECK_FALSE(app::office::canonical_cell(CellType::amount, "3000"));
  CHECK(app::office::canonical_cell(CellType::date, "2026-12-01"));
  CHECK_FALSE(app::office::canonical_cell(CellType::date, "2026-12-01 09:12"));
  CHECK(app::office::canonical_cell(CellType::datetime, "2026-12-01 09:12"));
  CHECK_FALSE(app::office::canonical_cell(CellType::datetime, "2026-12-01T09:12"));
  CHECK(app::office::canonical_cell(CellType::datetime, ""));
}
