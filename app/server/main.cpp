// butler-server: one process is the whole deployment. It serves the web app
// and answers /api/v1; the sync endpoints arrive with the sync feature.
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

#include "app/demo/demo_community.hpp"
#include "app/server/static_site.hpp"
#include "app/store/backup.hpp"

namespace {

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string site = "build/web/site";
  bool quiet = false;
};

void usage() {
  std::fprintf(stderr,
               "usage: butler-server [--host ADDR] [--port N] [--site DIR] [--quiet]\n"
               "  serves the Butler Rounds web app from DIR and the /api/v1 API\n"
               "       butler-server demo-backup SCALE FILE\n"
               "  writes the demo community at SCALE (1 = 1,588 units) as a backup file (benchmarks)\n");
}

int demo_backup(int scale, const char* path) {
  const app::DemoCommunity demo = app::generate_demo({20261124, scale});
  const std::string bytes = app::encode_backup(demo.ops);
  std::FILE* f = std::fopen(path, "wb");
  if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() || std::fclose(f) != 0) {
    std::fprintf(stderr, "butler-server: cannot write %s\n", path);
    return 1;
  }
  std::printf("%zu ops, %zu bytes -> %s\n", demo.ops.size(), bytes.size(), path);
  return 0;
}

bool parse(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "--host" && next(&v)) o->host = v;
    else if (a == "--port" && next(&v)) o->port = std::atoi(v.c_str());
    else if (a == "--site" && next(&v)) o->site = v;
    else if (a == "--quiet") o->quiet = true;
    else return false;
  }
  return o->port > 0 && o->port < 65536;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "demo-backup") == 0) return demo_backup(std::atoi(argv[2]), argv[3]);
  Options opt;
  if (!parse(argc, argv, &opt)) {
    usage();
    return 2;
  }
  httplib::Server http;
  http.Get("/api/v1/health", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::string("{\"ok\":true,\"version\":\"") + BUTLER_VERSION + "\"}", "application/json");
  });
  server::mount_static_site(http, opt.site);
  if (!opt.quiet) {
    // One JSON line per request: easy to grep, easy to ship to a log store.
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "{\"t\":%lld,\"method\":\"%s\",\"path\":\"%s\",\"status\":%d,\"bytes\":%zu}\n",
                   static_cast<long long>(std::time(nullptr)), req.method.c_str(), req.path.c_str(), res.status,
                   res.body.size());
    });
  }
  if (!http.bind_to_port(opt.host.c_str(), opt.port)) {
    std::fprintf(stderr, "butler-server: cannot listen on %s:%d (in use?)\n", opt.host.c_str(), opt.port);
    return 1;
  }
  std::printf("Butler Rounds is at http://%s:%d/\n", opt.host.c_str(), opt.port);
  std::fflush(stdout);
  return http.listen_after_bind() ? 0 : 1;
}
