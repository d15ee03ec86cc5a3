// The office's spreadsheet files read into rows of text cells: CSV in the
// encodings Excel writes (app/core/sheet.hpp) and .xlsx made here with
// libxlsxwriter (app/server/xlsx_reader.hpp), both refused readably when bad.
#include <catch2/catch.hpp>
#include <iconv.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>

#include "app/core/sheet.hpp"
#include "app/server/xlsx_reader.hpp"

namespace {

// Rows as "line: cell|cell" lines, so a failure prints what was read.
std::string dump(const std::vector<app::SheetRow>& rows) {
  std::string s;
  for (const auto& row : rows) {
    s += std::to_string(row.line) + ":";
    for (std::size_t i = 0; i < row.cells.size(); ++i) s += (i ? "|" : " ") + row.cells[i];
    s += "\n";
  }
  return s;
}

std::string read_csv(std::string_view bytes) {
  auto rows = app::parse_csv_sheet(bytes);
  if (!rows.ok()) return "error " + rows.error().code + ": " + rows.error().message;
  return dump(rows.value());
}

// What Excel's plain "CSV" writes on a Chinese Windows: the text in GB18030.
std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2, '\0');
  char* in = const_cast<char*>(utf8.data());
  char* to = out.data();
  std::size_t in_left = utf8.size(), out_left = out.size();
  REQUIRE(iconv(cd, &in, &in_left, &to, &out_left) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

TEST_CASE("sheet CSV: UTF-8 reads the same with and without Excel's BOM", "[sheet][csv]") {
  const std::string text = "楼栋,姓名,电话\n1栋,张三,13800138000\n";
  const std::string want = "1: 楼栋|姓名|电话\n2: 1栋|张三|13800138000\n";
  CHECK(read_csv(text) == want);
  CHECK(read_csv("\xEF\xBB\xBF" + text) == want);
  CHECK(read_csv("") == "");
  CHECK(read_csv("\xEF\xBB\xBF") == "");
}

TEST_CASE("sheet CSV: GBK from Excel on a Chinese Windows is converted to UTF-8", "[sheet][csv]") {
  const std::string gbk = to_gb18030("楼栋,姓名\n1栋,张三\n2栋,\"欧阳, 娜娜\"\n");
  REQUIRE_FALSE(app::is_utf8(gbk));  // else this would test the UTF-8 path
  CHECK(read_csv(gbk) == "1: 楼栋|姓名\n2: 1栋|张三\n3: 2栋|欧阳, 娜娜\n");
  // GB18030's four-byte forms too (𠮷 is outside the BMP, 㐀 outside GBK).
  CHECK(read_csv(to_gb18030("姓名\n𠮷㐀\n")) == "1: 姓名\n2: 𠮷㐀\n");
}

TEST_CASE("sheet CSV: quotes, doubled quotes, line ends, blank lines and padding", "[sheet][csv]") {
  CHECK(read_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\nd,e\r\n") == "1: a|b,c|say \"hi\"\n2: d|e\n");
  // A line break inside quotes stays in the cell (as \n), and the next row
  // names the line it really starts on.
  CHECK(read_csv("\"two\r\nlines\",x\r\nnext\r\n") == "1: two\nlines|x\n3: next\n");
  CHECK(read_csv("\"three\n\nlines\"\nnext") == "1: three\n\nlines\n4: next\n");
  // Blank lines and rows of empty cells are skipped, keeping line numbers;
  // Excel's padding commas at the end of a row go; cells are trimmed.
  CHECK(read_csv("a,b,,\n\n,,,\n  c\t, d ,,\n") == "1: a|b\n4: c|d\n");
  CHECK(read_csv(",x\n") == "1: |x\n");  // an empty cell before a filled one stays
  // Old Mac line ends, and no line end at all on the last line.
  CHECK(read_csv("a\rb\rc") == "1: a\n2: b\n3: c\n");
  // A quote opens only at the start of a cell: 5"3 is text, as in Excel.
  CHECK(read_csv("5\"3,x\n") == "1: 5\"3|x\n");
  CHECK(read_csv("a, \"b, c\"\n") == "1: a|b, c\n");
  CHECK(read_csv("\"ab\"cd,e\n") == "1: abcd|e\n");
}

TEST_CASE("sheet CSV: a quote never closed is refused, naming the line it opens on", "[sheet][csv]") {
  auto rows = app::parse_csv_sheet("楼栋,姓名\n1栋,张三\n2栋,\"李四\n3栋,王五\n");
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.error().code == "bad_file");
  CHECK_THAT(rows.error().message, Catch::Contains("line 3:"));
  CHECK_THAT(rows.error().message, Catch::Contains("never closed"));
  // The line the quote opens on, not the line its row starts on.
  auto later = app::parse_csv_sheet("a,b\n\"two\nlines\",\"open\nmore\n");
  REQUIRE_FALSE(later.ok());
  CHECK_THAT(later.error().message, Catch::StartsWith("line 3:"));
}

TEST_CASE("sheet CSV: text neither UTF-8 nor GB18030 is refused readably", "[sheet][csv]") {
  // 0xFF never starts a character in either encoding.
  auto rows = app::parse_csv_sheet("name\nok\nbad \xFF here\n");
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.error().code == "bad_file");
  CHECK_THAT(rows.error().message, Catch::Contains("line 3:") && Catch::Contains("neither UTF-8 nor GBK"));
  // A GB18030 lead byte cut off at the end of the file.
  auto cut = app::parse_csv_sheet(to_gb18030("姓名\n张三") + "\x81");
  REQUIRE_FALSE(cut.ok());
  CHECK_THAT(cut.error().message, Catch::Contains("line 2:"));
  // A BOM says UTF-8, so a bad byte after it is damage, not GBK.
  auto bom = app::parse_csv_sheet("\xEF\xBB\xBFok\n" + to_gb18030("张三"));
  REQUIRE_FALSE(bom.ok());
  CHECK_THAT(bom.error().message, Catch::Contains("line 2:") && Catch::Contains("not valid UTF-8"));
  // Excel's "Unicode Text" is UTF-16, with or without its BOM.
  for (std::string utf16 : {std::string("\xFF\xFE" "a\0,\0b\0", 8), std::string("a\0,\0b\0\n\0", 8)}) {
    auto r = app::parse_csv_sheet(utf16);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "bad_file");
    CHECK_THAT(r.error().message, Catch::Contains("CSV UTF-8"));
  }
}

TEST_CASE("sheet CSV: bounds: 16 MiB, 100,000 rows, 4,000 bytes a cell", "[sheet][csv]") {
  std::string rows;
  for (int i = 0; i < 100'000; ++i) rows += "x\n";
  auto full = app::parse_csv_sheet(rows);
  REQUIRE(full.ok());
  CHECK(full.value().size() == 100'000);
  CHECK(full.value().back().line == 100'000);
  auto over = app::parse_csv_sheet(rows + "\n\ny\n");  // blank lines are not rows, the last one is
  REQUIRE_FALSE(over.ok());
  CHECK(over.error().code == "too_large");
  CHECK_THAT(over.error().message, Catch::Contains("100000 rows") && Catch::Contains("line 100003"));

  CHECK(read_csv("a," + std::string(4000, 'x') + "\n") == "1: a|" + std::string(4000, 'x') + "\n");
  CHECK(read_csv("a,  " + std::string(4000, 'x') + " \n").substr(0, 5) == "1: a|");  // trimmed first
  auto wide = app::parse_csv_sheet("ok\na,b," + std::string(4001, 'x') + "\n");
  REQUIRE_FALSE(wide.ok());
  CHECK(wide.error().code == "too_large");
  CHECK_THAT(wide.error().message, Catch::Contains("line 2, column C") && Catch::Contains("4001 bytes"));

  auto big = app::parse_csv_sheet(std::string(app::kSheetMaxFileBytes + 1, 'a'));
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().code == "too_large");
  CHECK_THAT(big.error().message, Catch::Contains("16 MiB"));
}

TEST_CASE("sheet CSV: a cell far to the right of every row is refused before it costs gigabytes", "[sheet][csv]") {
  // 2,000 rows of 2,001 cells: 4,002,000 cells, over kSheetMaxCells.
  std::string text;
  const std::string row = std::string(2000, ',') + "x\n";
  for (int i = 0; i < 2000; ++i) text += row;
  auto r = app::parse_csv_sheet(text);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "too_large");
  CHECK_THAT(r.error().message, Catch::Contains("4000000 cells"));
}

TEST_CASE("sheet CSV: is_utf8 accepts UTF-8 and refuses what is not", "[sheet][csv]") {
  CHECK(app::is_utf8(""));
  CHECK(app::is_utf8("楼栋 abc 😀"));
  CHECK(app::is_utf8("\xF4\x8F\xBF\xBF"));        // U+10FFFF, the last code point
  CHECK_FALSE(app::is_utf8("\xE6\xA5"));          // 楼 cut short
  CHECK_FALSE(app::is_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(app::is_utf8("\xE0\x80\xAF"));      // overlong '/' in three bytes
  CHECK_FALSE(app::is_utf8("\xED\xA0\x80"));      // a surrogate
  CHECK_FALSE(app::is_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(app::is_utf8("\xBF"));              // a continuation byte alone
  CHECK_FALSE(app::is_utf8("\xC3\x28"));          // a lead byte without its continuation
}

// ---- .xlsx ------------------------------------------------------------------

namespace {

// A real .xlsx written by libxlsxwriter (what Excel reads) to a temporary
// file, returned as bytes; fill adds the sheets.
std::string make_xlsx(const std::function<void(lxw_workbook*)>& fill, bool constant_memory = false) {
  static int counter = 0;
  const auto path = std::filesystem::temp_directory_path() /
                    ("butler-sheet-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".xlsx");
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;  // writes strings inline (t="inlineStr")
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  REQUIRE(wb != nullptr);
  fill(wb);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  REQUIRE(bytes.substr(0, 4) == std::string("PK\x03\x04", 4));
  return bytes;
}

std::string read_xlsx(std::string_view bytes) {
  auto rows = server::read_xlsx(bytes);
  if (!rows.ok()) return "error " + rows.error().code + ": " + rows.error().message;
  return dump(rows.value());
}

lxw_format* number_format(lxw_workbook* wb, const char* code) {
  lxw_format* f = workbook_add_format(wb);
  format_set_num_format(f, code);
  return f;
}

// The residents sheet the office would keep, with every kind of cell.
void residents(lxw_workbook* wb) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "住户");
  lxw_format* ymd = number_format(wb, "yyyy-mm-dd");
  lxw_format* chinese_date = number_format(wb, "yyyy\"年\"m\"月\"d\"日\"");
  lxw_format* ymd_hm = number_format(wb, "yyyy/m/d hh:mm");
  lxw_format* builtin_date = workbook_add_format(wb);
  format_set_num_format_index(builtin_date, 14);  // Excel's own m/d/yyyy, saved by id only
  lxw_format* two_places = number_format(wb, "0.00");
  lxw_format* days = number_format(wb, "0\"天\"");  // a d inside quotes is not a date
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);

  const char* header[] = {"楼栋", "姓名", "电话", "入住日期", "面积", "备注"};
  for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  // Row 2: the phone typed as a number, a date in a date format.
  worksheet_write_string(ws, 1, 0, "1栋", nullptr);
  worksheet_write_string(ws, 1, 1, "张三", nullptr);
  worksheet_write_number(ws, 1, 2, 13800138000, nullptr);
  lxw_datetime march_first = {2026, 3, 1, 0, 0, 0};
  worksheet_write_datetime(ws, 1, 3, &march_first, ymd);
  worksheet_write_number(ws, 1, 4, 1.5, nullptr);
  worksheet_write_string(ws, 1, 5, "  有钥匙\t", nullptr);  // trimmed like a CSV cell
  // Row 3: the name left empty between filled cells; other date formats.
  worksheet_write_string(ws, 2, 0, "2栋", nullptr);
  worksheet_write_number(ws, 2, 2, 13900139000, nullptr);
  lxw_datetime leap_day = {2024, 2, 29, 0, 0, 0};
  worksheet_write_datetime(ws, 2, 3, &leap_day, builtin_date);
  worksheet_write_number(ws, 2, 4, 88, two_places);
  worksheet_write_number(ws, 2, 5, 3, days);
  // Row 4 left out; row 5: rich text, a formula's text, TRUE, 0.1, a time.
  char zhang_text[] = "张", sanfeng_text[] = "三丰";  // the tuple's string is a char*
  lxw_rich_string_tuple zhang = {bold, zhang_text}, sanfeng = {nullptr, sanfeng_text};
  lxw_rich_string_tuple* name[] = {&zhang, &sanfeng, nullptr};
  worksheet_write_rich_string(ws, 4, 1, name, nullptr);
  worksheet_write_formula_str(ws, 4, 0, "=\"3\"&\"栋\"", nullptr, "3栋");
  worksheet_write_boolean(ws, 4, 2, 1, nullptr);
  lxw_datetime year_end = {2026, 12, 31, 0, 0, 0};
  worksheet_write_datetime(ws, 4, 3, &year_end, chinese_date);
  worksheet_write_number(ws, 4, 4, 0.1, nullptr);
  lxw_datetime morning = {2026, 3, 1, 8, 30, 0};
  worksheet_write_datetime(ws, 4, 5, &morning, ymd_hm);
  // Row 7: a cell far right after empty ones, and a styled blank after it.
  worksheet_write_string(ws, 6, 0, "4栋", nullptr);
  worksheet_write_number(ws, 6, 7, 1234567, nullptr);
  worksheet_write_blank(ws, 6, 9, bold);

  lxw_worksheet* notes = workbook_add_worksheet(wb, "说明");
  worksheet_write_string(notes, 0, 0, "第二张表不导入", nullptr);
  worksheet_write_number(notes, 1, 0, 99, nullptr);
}

}  // namespace

TEST_CASE("sheet xlsx: the first sheet's strings, numbers, dates, gaps and row numbers", "[sheet][xlsx]") {
  CHECK(read_xlsx(make_xlsx(residents)) ==
        "1: 楼栋|姓名|电话|入住日期|面积|备注\n"
        "2: 1栋|张三|13800138000|2026-03-01|1.5|有钥匙\n"
        "3: 2栋||13900139000|2024-02-29|88|3\n"
        "5: 3栋|张三丰|TRUE|2026-12-31|0.1|2026-03-01 08:30\n"
        "7: 4栋|||||||1234567\n");
}

TEST_CASE("sheet xlsx: inline strings, as written by streaming writers", "[sheet][xlsx]") {
  const auto bytes = make_xlsx(
      [](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
        worksheet_write_string(ws, 0, 0, "楼栋", nullptr);
        worksheet_write_string(ws, 0, 1, "姓名", nullptr);
        worksheet_write_string(ws, 2, 0, "1栋", nullptr);
        worksheet_write_number(ws, 2, 1, 13800138000, nullptr);
      },
      /*constant_memory=*/true);
  CHECK(read_xlsx(bytes) == "1: 楼栋|姓名\n3: 1栋|13800138000\n");
}

TEST_CASE("sheet xlsx: a chart sheet first is passed over for the first worksheet", "[sheet][xlsx]") {
  const auto bytes = make_xlsx([](lxw_workbook* wb) {
    lxw_chartsheet* cs = workbook_add_chartsheet(wb, "图表");
    lxw_worksheet* ws = workbook_add_worksheet(wb, "数据");
    worksheet_write_string(ws, 0, 0, "数据", nullptr);
    worksheet_write_number(ws, 1, 0, 2, nullptr);
    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
    chart_add_series(chart, nullptr, "=数据!$A$2:$A$2");
    chartsheet_set_chart(cs, chart);
  });
  CHECK(read_xlsx(bytes) == "1: 数据\n2: 2\n");
}

TEST_CASE("sheet xlsx: files that are not one, or are damaged, are refused readably", "[sheet][xlsx]") {
  const std::string good = make_xlsx(residents);
  const auto refused = [](std::string_view bytes, std::string_view code, std::string_view words) {
    auto rows = server::read_xlsx(bytes);
    REQUIRE_FALSE(rows.ok());
    CHECK(rows.error().code == std::string(code));
    CHECK_THAT(rows.error().message, Catch::Contains(std::string(words)));
  };
  refused("楼栋,姓名\n1栋,张三\n", "bad_file", "not an .xlsx file");
  refused("", "bad_file", "not an .xlsx file: the file is empty");
  refused(good.substr(0, good.size() / 2), "bad_file", "damaged or cut short");
  refused(good.substr(0, good.size() - 10), "bad_file", "damaged or cut short");
  // A byte changed inside the worksheet's compressed data (found through its
  // local zip header: 30 bytes, then the name, then the extra field): the
  // inflate or the CRC check tells.
  const std::string sheet = "xl/worksheets/sheet1.xml";
  const std::size_t name_at = good.find(sheet);
  REQUIRE(name_at != std::string::npos);
  REQUIRE(good.compare(name_at - 30, 4, "PK\x03\x04") == 0);
  const std::size_t extra = static_cast<unsigned char>(good[name_at - 2]) | static_cast<unsigned char>(good[name_at - 1]) << 8;
  std::string flipped = good;
  flipped[name_at + sheet.size() + extra + 8] ^= 0x55;
  refused(flipped, "bad_file", "damaged (xl/worksheets/sheet1.xml");
  // A workbook whose only sheet is a chart.
  const auto chart_only = make_xlsx([](lxw_workbook* wb) {
    lxw_chartsheet* cs = workbook_add_chartsheet(wb, nullptr);
    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
    chart_add_series(chart, nullptr, "={1,2}");
    chartsheet_set_chart(cs, chart);
  });
  refused(chart_only, "bad_file", "the workbook has no worksheet");
}

TEST_CASE("sheet xlsx: bounds: rows, cell size, wide rows and a zip bomb", "[sheet][xlsx]") {
  const auto rows = [](lxw_row_t n) {
    return make_xlsx([n](lxw_workbook* wb) {
      lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
      for (lxw_row_t r = 0; r < n; ++r) worksheet_write_number(ws, r, 0, r, nullptr);
    }, true);
  };
  auto full = server::read_xlsx(rows(100'000));
  REQUIRE(full.ok());
  CHECK(full.value().size() == 100'000);
  CHECK(full.value().back().line == 100'000);
  CHECK(full.value().back().cells == std::vector<std::string>{"99999"});
  auto over = server::read_xlsx(rows(100'001));
  REQUIRE_FALSE(over.ok());
  CHECK(over.error().code == "too_large");
  CHECK_THAT(over.error().message, Catch::Contains("row 100001"));

  const auto long_cell = make_xlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    worksheet_write_string(ws, 0, 0, std::string(4000, 'x').c_str(), nullptr);
    worksheet_write_string(ws, 1, 2, std::string(4001, 'x').c_str(), nullptr);
  });
  auto cell = server::read_xlsx(long_cell);
  REQUIRE_FALSE(cell.ok());
  CHECK(cell.error().code == "too_large");
  CHECK_THAT(cell.error().message, Catch::Contains("row 2, column C") && Catch::Contains("4001 bytes"));

  // One cell in column XFD on 250 rows: 4,096,000 cells with the empty ones.
  const auto wide = make_xlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    for (lxw_row_t r = 0; r < 250; ++r) worksheet_write_number(ws, r, 16383, 1, nullptr);
  }, true);
  auto cells = server::read_xlsx(wide);
  REQUIRE_FALSE(cells.ok());
  CHECK(cells.error().code == "too_large");
  CHECK_THAT(cells.error().message, Catch::Contains("4000000 cells"));

  // 70 MB of sheet XML (2,200 inline cells of 32,000 bytes) that deflates to a few hundred KB.
  const auto bomb = make_xlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    const std::string text(32'000, 'x');
    for (lxw_row_t r = 0; r < 2'200; ++r) worksheet_write_string(ws, r, 0, text.c_str(), nullptr);
  }, true);
  REQUIRE(bomb.size() < 4u << 20);
  auto big = server::read_xlsx(bomb);
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().code == "too_large");
  CHECK_THAT(big.error().message, Catch::Contains("xl/worksheets/sheet1.xml") && Catch::Contains("64 MiB"));
}

TEST_CASE("sheet file: read_sheet_file tells .xlsx, an old .xls and CSV apart by their bytes", "[sheet][xlsx]") {
  auto xlsx = server::read_sheet_file(make_xlsx(residents));
  REQUIRE(xlsx.ok());
  CHECK(xlsx.value().size() == 5);
  CHECK(xlsx.value()[1].cells[2] == "13800138000");

  auto csv = server::read_sheet_file(to_gb18030("楼栋,姓名\n1栋,张三\n"));
  REQUIRE(csv.ok());
  CHECK(dump(csv.value()) == "1: 楼栋|姓名\n2: 1栋|张三\n");

  std::string xls("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  xls += std::string(504, '\0');
  auto old = server::read_sheet_file(xls);
  REQUIRE_FALSE(old.ok());
  CHECK(old.error().code == "bad_file");
  CHECK_THAT(old.error().message, Catch::Contains(".xls") && Catch::Contains("save it as .xlsx or CSV"));
}

TEST_CASE("sheet xlsx: cell text: date serials, General numbers, date format codes", "[sheet][xlsx]") {
  using server::xlsx::date_text;
  CHECK(date_text(46082, false) == "2026-03-01");
  CHECK(date_text(44620, true) == "2026-03-01");  // the same day in the Mac's 1904 system
  CHECK(date_text(0, true) == "00:00");
  CHECK(date_text(1, true) == "1904-01-02");
  CHECK(date_text(1, false) == "1900-01-01");
  CHECK(date_text(59, false) == "1900-02-28");
  CHECK(date_text(60, false) == "1900-02-29");  // Lotus's day that never was
  CHECK(date_text(61, false) == "1900-03-01");
  CHECK(date_text(46082.354166666664, false) == "2026-03-01 08:30");
  CHECK(date_text(46082 + 31.0 / 86400, false) == "2026-03-01 00:00:31");
  CHECK(date_text(46082.999999, false) == "2026-03-02");  // 23:59:59.9 rounds to the next day
  CHECK(date_text(0.75, false) == "18:00");
  CHECK(date_text(2958465, false) == "9999-12-31");
  CHECK_FALSE(date_text(2958466, false).has_value());
  CHECK_FALSE(date_text(-1, false).has_value());

  using server::xlsx::number_text;
  CHECK(number_text(13800138000) == "13800138000");
  CHECK(number_text(1.5) == "1.5");
  CHECK(number_text(88) == "88");
  CHECK(number_text(-3) == "-3");
  CHECK(number_text(-0.0) == "0");
  CHECK(number_text(0.1 + 0.2) == "0.3");
  CHECK(number_text(1e20) == "1E+20");

  using server::xlsx::is_date_format;
  for (const char* date : {"yyyy-mm-dd", "yyyy/m/d", "m月d日", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy\"年\"m\"月\"",
                           "[h]:mm:ss", "h:mm AM/PM", "d-mmm-yy", "[Red]yyyy-mm-dd"}) {
    INFO(date);
    CHECK(is_date_format(date));
  }
  for (const char* number : {"General", "0.00", "#,##0", "@", "0\"天\"", "[Red]0.00", "0.00_);(0.00)",
                             "\\d0", "#,##0 \"m²\"", "0.00E+00", "[$-804]0.00"}) {
    INFO(number);
    CHECK_FALSE(is_date_format(number));
  }
  CHECK(server::xlsx::is_builtin_date_format(14));
  CHECK(server::xlsx::is_builtin_date_format(22));
  CHECK(server::xlsx::is_builtin_date_format(31));  // zh-CN 2026年3月1日
  CHECK(server::xlsx::is_builtin_date_format(58));
  CHECK_FALSE(server::xlsx::is_builtin_date_format(0));
  CHECK_FALSE(server::xlsx::is_builtin_date_format(2));
  CHECK_FALSE(server::xlsx::is_builtin_date_format(49));
}
