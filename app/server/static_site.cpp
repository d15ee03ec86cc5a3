#include "app/server/static_site.hpp"

#include <httplib.h>

#include <filesystem>
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

}  // namespace

void mount_static_site(httplib::Server& http, const std::string& site_dir) {
  const std::filesystem::path root = std::filesystem::weakly_canonical(site_dir);
  http.Get(R"(/(.*))", [root](const httplib::Request& req, httplib::Response& res) {
    std::string rel = req.matches[1];
    if (rel.empty()) rel = "index.html";
    const std::filesystem::path full = std::filesystem::weakly_canonical(root / rel);
    // Never serve outside the site folder.
    const auto r = root.string(), f = full.string();
    std::string body;
    if (f.compare(0, r.size(), r) != 0 || !std::filesystem::is_regular_file(full) || !read_file(full, &body)) {
      res.status = 404;
      res.set_content("not found", "text/plain; charset=utf-8");
      return;
    }
    const bool decides_build = rel == "index.html" || rel == "sw.js" || rel == "bench-hello.html";
    res.set_header("Cache-Control", decides_build ? "no-cache" : (req.has_param("v") ? "public, max-age=31536000, immutable" : "no-cache"));
    res.set_content(std::move(body), mime_type(f));
  });
}

}  // namespace server
