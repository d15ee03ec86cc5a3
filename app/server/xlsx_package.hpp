#pragma once
// The two libraries under xlsx_reader.cpp, each behind a few lines: the zip
// archive (libzip, opened from memory) and its XML parts (expat, streamed).
// Only this file's .cpp includes zip.h and expat.h.
#include <memory>
#include <string>
#include <string_view>

#include "app/core/result.hpp"

struct zip;  // libzip's zip_t

namespace server::xlsx {

// An uncompressed part bigger than this is refused before it is inflated
// (a zip bomb: a few KB that unpack to gigabytes).
inline constexpr std::size_t kMaxPartBytes = 64u << 20;

// A zip archive read from bytes the caller keeps alive while it is open.
class Package {
 public:
  // "bad_file" with a message for the office: not a zip at all, or a zip that
  // is cut short or damaged.
  static app::Result<Package> open(std::string_view bytes);

  // Part names as in the zip ("xl/workbook.xml"); OPC names ignore case.
  bool has(const std::string& name) const;
  // The part's bytes; "too_large" past kMaxPartBytes, "bad_file" when it is
  // missing or does not inflate (bad CRC, truncated data).
  app::Result<std::string> read(const std::string& name) const;

 private:
  struct Close {
    void operator()(struct zip* archive) const;
  };
  explicit Package(struct zip* archive) : archive_(archive) {}
  std::unique_ptr<struct zip, Close> archive_;
};

// SAX-style callbacks with namespace prefixes dropped: OOXML's transitional
// and strict schemas differ only in namespace URIs, so both read alike.
class XmlReader {
 public:
  virtual ~XmlReader() = default;
  // attrs: expat's name/value pairs, null-terminated; read them with attr().
  virtual void start(std::string_view name, const char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}

  // Stops parsing; parse_xml returns this error (the first one given).
  void fail(app::Error error);

 private:
  friend app::Status parse_xml(std::string_view xml, const std::string& part, XmlReader& reader);
  void* parser_ = nullptr;
  app::Error error_;
  bool failed_ = false;
};

// The value of the attribute with this local name ("id" finds r:id), or "".
std::string_view attr(const char** attrs, std::string_view local_name);

// Parses one part. A DOCTYPE is refused (no OOXML part has one; entities are
// how XML bombs are built). Malformed XML is "bad_file" naming the part.
app::Status parse_xml(std::string_view xml, const std::string& part, XmlReader& reader);

}  // namespace server::xlsx
