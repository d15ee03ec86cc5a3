#include "app/core/sheet.hpp"

#include <algorithm>
#include <iconv.h>

namespace app {
namespace {

Error bad_file(std::string message) { return Error{"bad_file", std::move(message)}; }
Error too_large(std::string message) { return Error{"too_large", std::move(message)}; }

// "A", "B", ... "Z", "AA": how the office names a column in Excel.
std::string column_letters(std::size_t index) {  // 0-based
  std::string s;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), char('A' + (n - 1) % 26));
  return s;
}

// Length of the longest valid UTF-8 prefix (bytes.size() when all is valid):
// where it stops is where an error can point.
std::size_t utf8_valid_prefix(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;              // no overlong 3-byte forms
    else if (c == 0xED) len = 3, hi = 0x9F;              // no surrogates
    else if (c >= 0xE1 && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;              // no overlong 4-byte forms
    else if (c == 0xF4) len = 4, hi = 0x8F;              // nothing past U+10FFFF
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else return i;                                       // 80-C1, F5-FF never start a character
    if (i + len > n || s[i + 1] < lo || s[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k) {
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return n;
}

std::size_t line_at(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
const char* const kSaveAsUtf8 = "save it from Excel as \"CSV UTF-8\" and import it again";

// GB18030 (a superset of GBK and GB2312) to UTF-8. GB18030 keeps ASCII as it
// is, so an offset in the input names the same line as in the output.
Result<std::string> gb18030_to_utf8(std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return bad_file(std::string("the file is not UTF-8, and this system cannot read GBK/GB18030: ") + kSaveAsUtf8);
  }
  // One GB18030 byte becomes at most 1.5 UTF-8 bytes (2 → 3, 4 → 4).
  std::string out(bytes.size() * 2 + 4, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write the input
  std::size_t in_left = bytes.size();
  char* to = out.data();
  std::size_t out_left = out.size();
  const std::size_t r = iconv(cd, &in, &in_left, &to, &out_left);
  iconv_close(cd);
  // EILSEQ (a bad sequence) and EINVAL (cut off at the end) read the same to
  // the office; E2BIG cannot happen with the room given above.
  if (r == static_cast<std::size_t>(-1)) {
    const std::size_t at = static_cast<std::size_t>(in - bytes.data());
    return bad_file("line " + std::to_string(line_at(bytes, at)) +
                    ": the file is neither UTF-8 nor GBK/GB18030 text; " + kSaveAsUtf8);
  }
  out.resize(out.size() - out_left);
  return out;
}

// The file's text as UTF-8 without a BOM: the input itself when it already
// is (no copy), else converted into *storage.
Result<std::string_view> to_utf8(std::string_view bytes, std::string* storage) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return bad_file(std::string("the file is UTF-16 text (Excel's \"Unicode Text\"), not CSV; ") + kSaveAsUtf8);
  }
  // A NUL is never in a text CSV; a UTF-16 file without its BOM would
  // otherwise pass as "UTF-8" with a NUL after every letter.
  if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
    return bad_file("line " + std::to_string(line_at(bytes, nul)) +
                    ": the file holds NUL bytes, so it is not a CSV text file; " + kSaveAsUtf8);
  }
  if (bytes.substr(0, 3) == kUtf8Bom) {
    // The BOM says UTF-8: a bad byte after it is damage, not another encoding.
    bytes.remove_prefix(3);
    const std::size_t valid = utf8_valid_prefix(bytes);
    if (valid != bytes.size()) {
      return bad_file("line " + std::to_string(line_at(bytes, valid)) +
                      ": the file says it is UTF-8 but this line is not valid UTF-8");
    }
    return bytes;
  }
  if (is_utf8(bytes)) return bytes;
  auto converted = gb18030_to_utf8(bytes);
  if (!converted.ok()) return converted.error();
  *storage = std::move(converted).value();
  std::string_view text = *storage;
  if (text.substr(0, 3) == kUtf8Bom) text.remove_prefix(3);  // GB18030's own BOM (84 31 95 33) converts to it
  return text;
}

// The CSV grammar Excel writes: a cell is quoted when it holds a comma, a
// quote ("" inside) or a line break. A quote opens only at the start of a
// cell (after any spaces), as in Excel: 5"3 is the text 5"3.
Result<std::vector<SheetRow>> split_csv(std::string_view text) {
  SheetRowsBuilder rows("line");
  std::vector<std::string> cells(1);
  std::size_t line = 1, row_line = 1, quote_line = 0;
  bool quoted = false, cell_start = true;
  auto line_break = [&](std::size_t& i) {  // CRLF, LF or CR (old Mac Excel)
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    ++line;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else if (c == '\r' || c == '\n') {
        line_break(i);
        cells.back() += '\n';
      } else {
        cells.back() += c;
      }
      continue;
    }
    if (c == '"' && cell_start) {
      quoted = true;
      quote_line = line;
      cell_start = false;
      cells.back().clear();  // spaces before the quote; trimmed anyway
    } else if (c == ',') {
      cells.emplace_back();
      cell_start = true;
    } else if (c == '\r' || c == '\n') {
      line_break(i);
      if (auto added = rows.add(row_line, std::move(cells)); !added.ok()) return added.error();
      cells.assign(1, std::string());
      row_line = line;
      cell_start = true;
    } else {
      cells.back() += c;
      if (c != ' ' && c != '\t') cell_start = false;
    }
  }
  if (quoted) {
    return bad_file("line " + std::to_string(quote_line) +
                    ": a quote (\") opens a cell here and is never closed, so the rest of the file would be one cell");
  }
  if (auto added = rows.add(row_line, std::move(cells)); !added.ok()) return added.error();
  return std::move(rows).take();
}

}  // namespace

bool is_utf8(std::string_view bytes) { return utf8_valid_prefix(bytes) == bytes.size(); }

Status SheetRowsBuilder::add(std::size_t line, std::vector<std::string> cells) {
  for (std::string& cell : cells) {
    const auto b = cell.find_first_not_of(" \t");
    if (b == std::string::npos) {
      cell.clear();
    } else {
      cell.erase(cell.find_last_not_of(" \t") + 1);
      cell.erase(0, b);
    }
  }
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  if (cells.empty()) return ok_status();  // a blank line, or a row of empty cells
  const std::string at = std::string(where_) + " " + std::to_string(line);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].size() > kSheetMaxCellBytes) {
      return too_large(at + ", column " + column_letters(i) + ": the cell holds " + std::to_string(cells[i].size()) +
                       " bytes of text; a cell may hold at most " + std::to_string(kSheetMaxCellBytes));
    }
  }
  if (rows_.size() >= kSheetMaxRows) {
    return too_large("the file has more than " + std::to_string(kSheetMaxRows) + " rows (" + at +
                     " is past that); split it into smaller files");
  }
  cells_ += cells.size();
  if (cells_ > kSheetMaxCells) {
    return too_large("the file has more than " + std::to_string(kSheetMaxCells) + " cells (" + at +
                     " is past that); split it into smaller files or delete unused columns");
  }
  rows_.push_back(SheetRow{line, std::move(cells)});
  return ok_status();
}

Result<std::vector<SheetRow>> parse_csv_sheet(std::string_view bytes) {
  if (bytes.size() > kSheetMaxFileBytes) {
    return too_large("the file is " + std::to_string((bytes.size() + (1u << 20) - 1) >> 20) + " MiB; at most " +
                     std::to_string(kSheetMaxFileBytes >> 20) + " MiB can be imported at once");
  }
  std::string storage;
  auto text = to_utf8(bytes, &storage);
  if (!text.ok()) return text.error();
  return split_csv(text.value());
}

}  // namespace app
