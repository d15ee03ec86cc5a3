#include "app/server/static_site.hpp"

#include <httplib.h>

#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <memory>
#include <fstream>
#include <sstream>

namespace server {
namespace {

const char* mime_type(const std::string& path) {
  const auto ext = std::filesystem::path(path).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".wasm") return "application/wasm";
  if (ext == ".otf") return "font/otf";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".json") return "application/json";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool read_file(const std::filesystem::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// The build's compressed copy of `file`, unless it is older than the file:
// a copy left from before the file changed would send the old content.
bool fresh_copy(const std::filesystem::path& file, const char* suffix, std::string* out) {
  const std::filesystem::path copy = file.string() + suffix;
  std::error_code e1, e2;
  const auto copy_time = std::filesystem::last_write_time(copy, e1);
  const auto file_time = std::filesystem::last_write_time(file, e2);
  if (e1 || e2 || copy_time < file_time) return false;
  return read_file(copy, out);
}

// Whether the request's Accept-Encoding names `coding` (with a q other than 0).
bool accepts(const httplib::Request& req, const std::string& coding) {
  const std::string header = req.get_header_value("Accept-Encoding");
  std::size_t at = 0;
  while (at < header.size()) {
    std::size_t end = header.find(',', at);
    if (end == std::string::npos) end = header.size();
    std::string item = header.substr(at, end - at);
    at = end + 1;
    const std::size_t semi = item.find(';');
    std::string name = item.substr(0, semi);
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    if (name != coding) continue;
    if (semi == std::string::npos) return true;
    const std::string params = item.substr(semi + 1);
    const std::size_t q = params.find("q=");
    return q == std::string::npos || std::strtod(params.c_str() + q + 2, nullptr) > 0;
  }
  return false;
}

// Whether `full` is `root` or inside it, whole path component by component:
// a sibling folder whose name begins with the site folder's (site-secret
// beside site) is outside, though its path begins with the same characters.
bool inside(const std::filesystem::path& root, const std::filesystem::path& full) {
  auto f = full.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++f) {
    if (f == full.end() || *r != *f) return false;
  }
  return true;
}

}  // namespace

void mount_static_site(httplib::Server& http, const std::string& site_dir) {
  std::error_code ec;
  std::filesystem::path root = std::filesystem::weakly_canonical(site_dir, ec);
  if (ec) root = std::filesystem::absolute(site_dir, ec).lexically_normal();
  if (root.filename().empty() && root.has_parent_path()) root = root.parent_path();  // "site/": no empty last component
  http.Get(R"(/(.*))", [root](const httplib::Request& req, httplib::Response& res) {
    std::string rel = req.matches[1];
    if (rel.empty()) rel = "index.html";
    if (rel == "office") rel = "office.html";  // the office page's short address
    std::error_code ec;
    const std::filesystem::path full = std::filesystem::weakly_canonical(root / rel, ec);
    const std::string f = full.string();
    auto not_found = [&res] {
      res.status = 404;
      res.set_content("not found", "text/plain; charset=utf-8");
    };
    // Never outside the site folder.
    if (ec || !inside(root, full) || !std::filesystem::is_regular_file(full, ec)) return not_found();
    // The build compressed each file beside it (shell/assemble_site.cmake):
    // the smallest one the browser accepts goes out, as the same resource;
    // the file itself is read only when no copy is sent.
    const char* encoding = nullptr;
    std::string encoded, body;
    if (accepts(req, "br") && fresh_copy(full, ".br", &encoded)) encoding = "br";
    else if (accepts(req, "gzip") && fresh_copy(full, ".gz", &encoded)) encoding = "gzip";
    if (!encoding && !read_file(full, &body)) return not_found();
    res.set_header("Vary", "Accept-Encoding");
    // The page and the service worker decide which build runs: always asked
    // again. Everything else is named by its build (?v=): kept for good.
    const bool decides_build = rel == "index.html" || rel == "office.html" || rel == "sw.js" || rel == "bench-hello.html";
    res.set_header("Cache-Control", decides_build ? "no-cache" : (req.has_param("v") ? "public, max-age=31536000, immutable" : "no-cache"));
    if (!encoding) {
      res.set_content(std::move(body), mime_type(f));  // httplib compresses text itself
      return;
    }
    // Already compressed: sent through a content provider of known length,
    // which httplib passes on as it is (a plain body of a text type it
    // would compress a second time).
    res.set_header("Content-Encoding", encoding);
    auto bytes = std::make_shared<std::string>(std::move(encoded));
    res.set_content_provider(bytes->size(), mime_type(f),
                             [bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                               if (offset >= bytes->size()) return false;
                               sink.write(bytes->data() + offset, std::min(length, bytes->size() - offset));
                               return true;
                             });
  });
}

}  // namespace server
