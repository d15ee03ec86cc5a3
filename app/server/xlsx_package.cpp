#include "app/server/xlsx_package.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <limits>

namespace server::xlsx {
namespace {

app::Error bad_file(std::string message) { return app::Error{"bad_file", std::move(message)}; }

const char* const kSaveAgain = "open it in Excel or WPS and save it again";

// zip_error_t owns nothing until a message is asked for; fini frees that.
struct ZipError {
  zip_error_t e;
  ZipError() { zip_error_init(&e); }
  ~ZipError() { zip_error_fini(&e); }
  ZipError(const ZipError&) = delete;
  ZipError& operator=(const ZipError&) = delete;
};

}  // namespace

void Package::Close::operator()(struct zip* archive) const { zip_discard(archive); }  // read-only: nothing to write

app::Result<Package> Package::open(std::string_view bytes) {
  // libzip reads no bytes at all as an empty archive.
  if (bytes.empty()) return bad_file("not an .xlsx file: the file is empty");
  ZipError error;
  // freep 0: the source reads the caller's bytes in place, no copy.
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error.e);
  if (!source) return bad_file(std::string("the .xlsx file could not be read: ") + zip_error_strerror(&error.e));
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error.e);
  if (!archive) {
    zip_source_free(source);  // on failure the source is still ours
    const int code = zip_error_code_zip(&error.e);
    // A file that starts like a zip but has no directory at its end was cut
    // short (an upload or a copy that stopped); anything else never was one.
    if (code == ZIP_ER_NOZIP && bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4)) {
      return bad_file("not an .xlsx file: save the sheet from Excel or WPS as .xlsx or CSV");
    }
    return bad_file(std::string("the .xlsx file is damaged or cut short (") + zip_error_strerror(&error.e) + "); " +
                    kSaveAgain);
  }
  return Package(archive);
}

bool Package::has(const std::string& name) const {
  return zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE) >= 0;
}

app::Result<std::string> Package::read(const std::string& name) const {
  zip_t* za = archive_.get();
  const zip_int64_t index = zip_name_locate(za, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return bad_file("the .xlsx file is damaged: its part " + name + " is missing; " + kSaveAgain);
  const auto damaged = [&](const char* why) {
    return bad_file("the .xlsx file is damaged (" + name + ": " + why + "); " + kSaveAgain);
  };
  const app::Error too_big{"too_large", name + " in the .xlsx file unpacks to more than " +
                                            std::to_string(kMaxPartBytes >> 20) + " MiB; it is refused"};
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(za, static_cast<zip_uint64_t>(index), 0, &st) != 0) return damaged(zip_strerror(za));
  // The declared size is checked first, and what is inflated is counted too:
  // the declaration may lie.
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPartBytes) return too_big;
  zip_file_t* file = zip_fopen_index(za, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    const int code = zip_error_code_zip(zip_get_error(za));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_ENCRNOTSUPP) {
      return bad_file("the .xlsx file is encrypted; remove its password in Excel and save it again");
    }
    return damaged(zip_strerror(za));
  }
  std::string out;
  if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(st.size));
  char buffer[1 << 16];
  for (;;) {
    const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      const std::string why = zip_error_strerror(zip_file_get_error(file));
      zip_fclose(file);
      return damaged(why.c_str());
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > kMaxPartBytes) {
      zip_fclose(file);
      return too_big;
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  if (zip_fclose(file) != 0) return damaged("it does not close cleanly");
  return out;
}

// ---- XML --------------------------------------------------------------------

namespace {

// expat names are "namespace-uri local" (the separator below); OOXML is read
// by local names.
constexpr char kNsSeparator = ' ';

std::string_view local(const char* name) {
  std::string_view s(name);
  const auto at = s.rfind(kNsSeparator);
  return at == std::string_view::npos ? s : s.substr(at + 1);
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  static_cast<XmlReader*>(data)->start(local(name), attrs);
}
void XMLCALL on_end(void* data, const XML_Char* name) { static_cast<XmlReader*>(data)->end(local(name)); }
void XMLCALL on_text(void* data, const XML_Char* s, int len) {
  static_cast<XmlReader*>(data)->text(std::string_view(s, static_cast<std::size_t>(len)));
}

void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  static_cast<XmlReader*>(data)->fail(bad_file("the .xlsx file holds a DOCTYPE, which no Excel file has; it is refused"));
}

}  // namespace

void XmlReader::fail(app::Error error) {
  if (failed_) return;  // the first reason is the one to tell
  failed_ = true;
  error_ = std::move(error);
  XML_StopParser(static_cast<XML_Parser>(parser_), XML_FALSE);
}

std::string_view attr(const char** attrs, std::string_view local_name) {
  for (; attrs && *attrs; attrs += 2) {
    if (local(attrs[0]) == local_name) return attrs[1];
  }
  return {};
}

app::Status parse_xml(std::string_view xml, const std::string& part, XmlReader& reader) {
  if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return app::Error{"too_large", part + " is too large"};  // kMaxPartBytes keeps this unreachable
  }
  XML_Parser parser = XML_ParserCreateNS(nullptr, kNsSeparator);
  if (!parser) return bad_file("out of memory reading " + part);
  reader.parser_ = parser;
  reader.failed_ = false;
  XML_SetUserData(parser, &reader);
  XML_SetElementHandler(parser, on_start, on_end);
  XML_SetCharacterDataHandler(parser, on_text);
  XML_SetStartDoctypeDeclHandler(parser, on_doctype);
  const XML_Status status = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  std::string error;
  if (status != XML_STATUS_OK && !reader.failed_) {
    error = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " +
            std::to_string(XML_GetCurrentLineNumber(parser));
  }
  XML_ParserFree(parser);
  reader.parser_ = nullptr;
  if (reader.failed_) return reader.error_;
  if (!error.empty()) return bad_file("the .xlsx file is damaged (" + part + ": " + error + "); " + kSaveAgain);
  return app::ok_status();
}

}  // namespace server::xlsx
