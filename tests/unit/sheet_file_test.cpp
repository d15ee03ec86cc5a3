// The office's spreadsheet files read into rows of text cells: CSV in the
// encodings Excel writes (app/core/sheet.hpp) and .xlsx made here with
// libxlsxwriter (app/server/xlsx_reader.hpp), both refused readably when bad.
#include <catch2/catch.hpp>
#include <iconv.h>

#include <string>
#include <string_view>

#include "app/core/sheet.hpp"

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
