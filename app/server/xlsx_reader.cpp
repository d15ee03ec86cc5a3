// Reading an .xlsx: the package's relationships lead to the workbook, the
// workbook's to its first worksheet, its styles (which cells are dates) and
// its shared strings (where most text lives); then the worksheet's rows.
#include "app/server/xlsx_reader.hpp"

#include <charconv>
#include <map>
#include <utility>

#include "app/server/xlsx_package.hpp"

namespace server {
namespace {

using xlsx::attr;
using xlsx::Package;
using xlsx::XmlReader;

app::Error bad_file(std::string message) { return app::Error{"bad_file", std::move(message)}; }

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A whole non-negative decimal, or nothing.
std::optional<std::size_t> parse_index(std::string_view s) {
  std::size_t n = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return n;
}

// ---- parts and relationships (OPC) ------------------------------------------

std::string dir_of(std::string_view part) {
  const auto slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// xl/workbook.xml's relationships are in xl/_rels/workbook.xml.rels.
std::string rels_of(std::string_view part) {
  const std::string dir = dir_of(part);
  return dir + "_rels/" + std::string(part.substr(dir.size())) + ".rels";
}

// A relationship's target as a zip entry name: relative to the source part's
// folder ("worksheets/sheet1.xml"), or absolute from the package root
// ("/xl/worksheets/sheet1.xml"); "." and ".." folded.
std::string resolve(std::string_view dir, std::string_view target) {
  std::string path = (!target.empty() && target[0] == '/') ? std::string(target.substr(1))
                                                            : std::string(dir) + std::string(target);
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (at <= path.size()) {
    std::size_t slash = path.find('/', at);
    if (slash == std::string::npos) slash = path.size();
    const std::string piece = path.substr(at, slash - at);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    at = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

struct Relationship {
  std::string type;  // a URI; its last segment says what it is ("/worksheet")
  std::string part;  // resolved
};

class RelsReader : public XmlReader {
 public:
  explicit RelsReader(std::string dir) : dir_(std::move(dir)) {}
  std::map<std::string, Relationship, std::less<>> by_id;

  // The first relationship whose type ends with this ("/styles"), or "".
  std::string part_of_type(std::string_view type_tail) const {
    for (const auto& [id, rel] : by_id) {
      if (ends_with(rel.type, type_tail)) return rel.part;
    }
    return {};
  }
  void start(std::string_view name, const char** a) override {
    if (name != "Relationship" || attr(a, "TargetMode") == "External") return;  // hyperlinks
    by_id[std::string(attr(a, "Id"))] = Relationship{std::string(attr(a, "Type")), resolve(dir_, attr(a, "Target"))};
  }
  void end(std::string_view) override {}

 private:
  std::string dir_;
};

// ---- workbook, styles, shared strings ---------------------------------------

class WorkbookReader : public XmlReader {
 public:
  bool date1904 = false;
  std::vector<std::string> sheet_ids;  // r:id of each <sheet>, in tab order

  void start(std::string_view name, const char** a) override {
    if (name == "workbookPr") {
      const auto v = attr(a, "date1904");
      date1904 = v == "1" || v == "true";
    } else if (name == "sheet") {
      sheet_ids.emplace_back(attr(a, "id"));
    }
  }
  void end(std::string_view) override {}
};

// Which cell styles (the s="N" of a cell: the Nth <xf> of <cellXfs>) show a
// date. <numFmt> also appears inside <dxfs> (conditional formats) and <xf>
// inside <cellStyleXfs>; only the ones under <numFmts> and <cellXfs> count.
class StylesReader : public XmlReader {
 public:
  std::vector<bool> date_styles() const {
    std::vector<bool> out;
    out.reserve(xf_formats_.size());
    for (const int id : xf_formats_) {
      const auto custom = formats_.find(id);
      out.push_back(custom != formats_.end() ? xlsx::is_date_format(custom->second) : xlsx::is_builtin_date_format(id));
    }
    return out;
  }
  void start(std::string_view name, const char** a) override {
    if (name == "numFmts") in_num_fmts_ = true;
    else if (name == "cellXfs") in_cell_xfs_ = true;
    else if (name == "numFmt" && in_num_fmts_) {
      if (auto id = parse_index(attr(a, "numFmtId"))) formats_[static_cast<int>(*id)] = std::string(attr(a, "formatCode"));
    } else if (name == "xf" && in_cell_xfs_) {
      xf_formats_.push_back(static_cast<int>(parse_index(attr(a, "numFmtId")).value_or(0)));
    }
  }
  void end(std::string_view name) override {
    if (name == "numFmts") in_num_fmts_ = false;
    else if (name == "cellXfs") in_cell_xfs_ = false;
  }

 private:
  std::map<int, std::string> formats_;
  std::vector<int> xf_formats_;
  bool in_num_fmts_ = false, in_cell_xfs_ = false;
};

// Text as the cell shows it from <t> runs: <si><t>plain</t></si> or rich
// <si><r><t>bold </t></r><r><t>rest</t></r></si>. <rPh> holds a phonetic
// guide (furigana), not cell text, so its <t> is skipped. Used for
// sharedStrings.xml and for inline strings (<c t="inlineStr"><is>...</is>).
struct RunText {
  bool in_t = false;
  int phonetic = 0;
  void start(std::string_view name) {
    if (name == "rPh") ++phonetic;
    else if (name == "t" && phonetic == 0) in_t = true;
  }
  void end(std::string_view name) {
    if (name == "rPh") --phonetic;
    else if (name == "t") in_t = false;
  }
};

class SharedStringsReader : public XmlReader {
 public:
  std::vector<std::string> strings;

  void start(std::string_view name, const char**) override {
    if (name == "si") {
      in_si_ = true;
      current_.clear();
    } else if (in_si_) {
      run_.start(name);
    }
  }
  void end(std::string_view name) override {
    if (name != "si") return run_.end(name);
    in_si_ = false;
    if (strings.size() >= app::kSheetMaxCells) {
      return fail(app::Error{"too_large", "the workbook has more than " + std::to_string(app::kSheetMaxCells) +
                                              " different texts; split it into smaller files"});
    }
    strings.push_back(std::move(current_));
    current_.clear();
  }
  void text(std::string_view s) override {
    if (in_si_ && run_.in_t) current_.append(s);
  }

 private:
  std::string current_;
  RunText run_;
  bool in_si_ = false;
};

// ---- the worksheet ----------------------------------------------------------

constexpr std::size_t kMaxRow = 1'048'576, kMaxColumn = 16'384;  // Excel's own limits (XFD1048576)

std::string cell_name(std::size_t column, std::size_t row) {  // 0-based column
  std::string s;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), char('A' + (n - 1) % 26));
  return s + std::to_string(row);
}

// "C5" → column 2 (0-based). The row part is the row's own r, so only the
// letters matter here.
std::optional<std::size_t> column_of(std::string_view ref) {
  std::size_t col = 0, i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    if (col > kMaxColumn) return std::nullopt;
  }
  if (i == 0) return std::nullopt;
  return col - 1;
}

class SheetReader : public XmlReader {
 public:
  SheetReader(const std::vector<std::string>& strings, std::vector<bool> date_styles, bool date1904)
      : strings_(strings), date_styles_(std::move(date_styles)), date1904_(date1904) {}
  std::vector<app::SheetRow> take() && { return std::move(rows_).take(); }

  void start(std::string_view name, const char** a) override {
    if (name == "row") {
      // r may be left out; then it is the row after the last (and rows may
      // skip numbers: SheetRow::line is this number, not a count).
      const auto r = attr(a, "r");
      const auto n = r.empty() ? std::optional<std::size_t>(row_ + 1) : parse_index(r);
      if (!n || *n < 1 || *n > kMaxRow) return fail(damaged("a row is numbered \"" + std::string(r) + "\""));
      row_ = *n;
      in_row_ = true;
      cells_.clear();
      next_column_ = 0;
    } else if (name == "c" && in_row_) {
      // A cell is placed by its reference (r="C5"), so cells left out
      // between filled ones become "" and the columns stay where they were.
      const auto r = attr(a, "r");
      const auto col = r.empty() ? std::optional<std::size_t>(next_column_) : column_of(r);
      if (!col || *col >= kMaxColumn) return fail(damaged("a cell is named \"" + std::string(r) + "\""));
      column_ = *col;
      type_ = attr(a, "t");
      style_ = parse_index(attr(a, "s")).value_or(0);
      value_.clear();
      in_cell_ = true;
    } else if (name == "v" && in_cell_) {
      in_v_ = true;
    } else if (name == "is" && in_cell_) {
      in_inline_ = true;
    } else if (in_inline_) {
      run_.start(name);
    }
  }

  void end(std::string_view name) override {
    if (name == "v") {
      in_v_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (in_inline_) {
      run_.end(name);
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      std::string text;
      if (!cell_text(&text)) return;
      if (cells_.size() <= column_) cells_.resize(column_ + 1);
      cells_[column_] = std::move(text);
      next_column_ = column_ + 1;
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      if (auto added = rows_.add(row_, std::move(cells_)); !added.ok()) return fail(added.error());
      cells_ = {};
    }
  }

  void text(std::string_view s) override {
    if (in_v_ || (in_inline_ && run_.in_t)) value_.append(s);
  }

 private:
  app::Error damaged(const std::string& what) const {
    return bad_file("the .xlsx file is damaged (in its first worksheet, " + what +
                    "); open it in Excel or WPS and save it again");
  }

  // The cell's text by its type (t=): false after fail() when it is damaged.
  bool cell_text(std::string* out) {
    if (value_.empty()) {  // <c r="B2" s="1"/>: a styled blank, whatever its type says
      out->clear();
    } else if (type_ == "s") {  // an index into sharedStrings.xml
      const auto i = parse_index(value_);
      if (!i || *i >= strings_.size()) {
        fail(damaged("cell " + cell_name(column_, row_) + " refers to shared text \"" + value_ + "\" of " +
                     std::to_string(strings_.size())));
        return false;
      }
      *out = strings_[*i];
    } else if (type_ == "b") {
      *out = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    } else if (type_ == "d") {  // an ISO 8601 date, rare; midnight is a plain date
      *out = value_;
      if (out->size() >= 19 && (*out)[10] == 'T') {
        (*out)[10] = ' ';
        if (out->compare(11, 8, "00:00:00") == 0) out->resize(10);
      }
    } else if (type_.empty() || type_ == "n") {
      *out = number_cell();
    } else {  // "inlineStr", "str" (a formula's text), "e" (#N/A and friends)
      *out = value_;
    }
    return true;
  }

  std::string number_cell() const {
    double x = 0;
    const auto r = std::from_chars(value_.data(), value_.data() + value_.size(), x);
    if (r.ec != std::errc() || r.ptr != value_.data() + value_.size()) return value_;
    if (style_ < date_styles_.size() && date_styles_[style_]) {
      if (auto date = xlsx::date_text(x, date1904_)) return *date;
    }
    return xlsx::number_text(x);
  }

  const std::vector<std::string>& strings_;
  const std::vector<bool> date_styles_;
  const bool date1904_;
  app::SheetRowsBuilder rows_{"row"};
  std::vector<std::string> cells_;
  std::size_t row_ = 0, column_ = 0, next_column_ = 0, style_ = 0;
  std::string type_, value_;
  RunText run_;
  bool in_row_ = false, in_cell_ = false, in_v_ = false, in_inline_ = false;
};

app::Status read_part(const Package& package, const std::string& part, XmlReader& reader) {
  auto xml = package.read(part);
  if (!xml.ok()) return xml.error();
  return xlsx::parse_xml(xml.value(), part, reader);
}

}  // namespace

app::Result<std::vector<app::SheetRow>> read_xlsx(std::string_view bytes) {
  auto opened = Package::open(bytes);
  if (!opened.ok()) return opened.error();
  const Package& package = opened.value();

  // The package's relationships name the workbook part; xl/workbook.xml is
  // where every Excel and WPS puts it when they are missing.
  std::string workbook_part = "xl/workbook.xml";
  if (package.has("_rels/.rels")) {
    RelsReader rels("");
    if (auto s = read_part(package, "_rels/.rels", rels); !s.ok()) return s.error();
    if (auto part = rels.part_of_type("/officeDocument"); !part.empty()) workbook_part = part;
  }
  if (!package.has(workbook_part)) {
    return bad_file("not an .xlsx file: the zip archive holds no Excel workbook (a Word file, or another archive?)");
  }
  WorkbookReader workbook;
  if (auto s = read_part(package, workbook_part, workbook); !s.ok()) return s.error();
  RelsReader rels(dir_of(workbook_part));
  if (package.has(rels_of(workbook_part))) {
    if (auto s = read_part(package, rels_of(workbook_part), rels); !s.ok()) return s.error();
  }

  // The first <sheet> that is a worksheet: chart sheets and dialog sheets
  // have no cells.
  std::string sheet_part;
  for (const auto& id : workbook.sheet_ids) {
    const auto rel = rels.by_id.find(id);
    if (rel != rels.by_id.end() && ends_with(rel->second.type, "/worksheet")) {
      sheet_part = rel->second.part;
      break;
    }
  }
  if (sheet_part.empty()) return bad_file("the workbook has no worksheet: there are no rows to import");

  std::vector<bool> date_styles;
  if (const auto part = rels.part_of_type("/styles"); !part.empty() && package.has(part)) {
    StylesReader styles;
    if (auto s = read_part(package, part, styles); !s.ok()) return s.error();
    date_styles = styles.date_styles();
  }
  SharedStringsReader shared;
  if (const auto part = rels.part_of_type("/sharedStrings"); !part.empty() && package.has(part)) {
    if (auto s = read_part(package, part, shared); !s.ok()) return s.error();
  }
  SheetReader sheet(shared.strings, std::move(date_styles), workbook.date1904);
  if (auto s = read_part(package, sheet_part, sheet); !s.ok()) return s.error();
  return std::move(sheet).take();
}

app::Result<std::vector<app::SheetRow>> read_sheet_file(std::string_view bytes) {
  // Decided by the bytes, not the file name: offices rename files freely.
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return read_xlsx(bytes);
  if (bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4)) {
    return bad_file(
        "this is an old Excel .xls file (or a workbook with a password), which cannot be read: "
        "open it in Excel or WPS and save it as .xlsx or CSV (UTF-8), then import that file");
  }
  return app::parse_csv_sheet(bytes);
}

}  // namespace server
