#include "app/server/api.hpp"

#include <httplib.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <exception>
#include <string>

#include "app/server/client_address.hpp"
#include "app/server/http_limits.hpp"
#include "app/server/sync_service.hpp"
#include "app/sync/sync_json.hpp"

namespace server {
namespace {

void write(httplib::Response& res, Reply reply) {
  res.status = reply.status;
  res.set_header("Cache-Control", "no-store");  // sync answers are never cached (nor by the service worker)
  if (!reply.download.empty()) res.set_header("Content-Disposition", "attachment; filename=\"" + reply.download + "\"");
  if (reply.retry_after_s > 0) res.set_header("Retry-After", std::to_string(reply.retry_after_s));
  if (reply.file.empty()) {
    res.set_content(std::move(reply.body), reply.content_type);
    return;
  }
  // An export on disk (CSV or workbook): sent in pieces, never whole in memory, then removed.
  auto in = std::make_shared<std::ifstream>(reply.file, std::ios::binary);
  std::error_code ec;
  const auto size = static_cast<std::size_t>(std::filesystem::file_size(reply.file, ec));
  if (ec || !*in) {
    std::remove(reply.file.c_str());
    write(res, error_reply(500, "server_error", "cannot read the exported file"));
    return;
  }
  res.set_content_provider(
      size, reply.content_type,
      [in](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        char buf[64 * 1024];
        in->seekg(static_cast<std::streamoff>(offset));
        const std::size_t n = std::min(length, sizeof buf);
        in->read(buf, static_cast<std::streamsize>(n));
        const auto got = static_cast<std::size_t>(in->gcount());
        return got > 0 && sink.write(buf, got);
      },
      [path = reply.file](bool) { std::remove(path.c_str()); });
}

std::string auth(const httplib::Request& req) { return req.get_header_value("Authorization"); }

// The client's address: the peer's, or what a trusted proxy says it saw (its
// X-Forwarded-For is the last header of that name when several came).
std::string client_of(const httplib::Request& req, const TrustedProxies& trusted) {
  const std::size_t n = req.get_header_value_count("X-Forwarded-For");
  return client_address(req.remote_addr, n == 0 ? std::string() : req.get_header_value("X-Forwarded-For", n - 1), trusted);
}

}  // namespace

void mount_api(httplib::Server& http, SyncService& service, const TrustedProxies& trusted) {
  // Each route's body is bounded before it is read (app/server/http_limits.hpp);
  // httplib's own limit stays as a backstop.
  mount_body_limits(http, service.limits());
  http.set_payload_max_length(service.limits().blob_body + 1024);
  http.Get("/api/v1/health", [&service](const httplib::Request&, httplib::Response& res) { write(res, service.health()); });
  http.Post("/api/v1/enroll", [&service, trusted](const httplib::Request& req, httplib::Response& res) {
    write(res, service.enroll(req.body, client_of(req, trusted)));
  });
  http.Post("/api/v1/sync", [&service](const httplib::Request& req, httplib::Response& res) {
    write(res, service.sync(auth(req), req.body));
  });
  http.Put(R"(/api/v1/blobs/([^/]+))", [&service](const httplib::Request& req, httplib::Response& res) {
    write(res, service.put_blob(auth(req), req.matches[1].str(), req.body));
  });
  http.Get(R"(/api/v1/blobs/([^/]+))", [&service](const httplib::Request& req, httplib::Response& res) {
    write(res, service.get_blob(auth(req), req.matches[1].str()));
  });
  http.Get(R"(/api/v1/export/([a-z_]+)\.(csv|xlsx))", [&service](const httplib::Request& req, httplib::Response& res) {
    const ExportFormat format = req.matches[2].str() == "csv" ? ExportFormat::csv : ExportFormat::xlsx;
    write(res, service.export_file(auth(req), req.matches[1].str(), format));
  });
  http.Get(R"(/api/v1/export/month/(\d{4}-\d{2})\.xlsx)", [&service](const httplib::Request& req, httplib::Response& res) {
    write(res, service.export_month(auth(req), req.matches[1].str()));
  });
  http.Get(R"(/api/v1/import/templates/([a-z_]+)\.(csv|xlsx))", [](const httplib::Request& req, httplib::Response& res) {
    Reply r = SyncService::import_template(req.matches[1].str(), req.matches[2].str());
    if (r.status == 200) {
      res.set_header("Content-Disposition",
                     "attachment; filename=\"" + req.matches[1].str() + "-template." + req.matches[2].str() + "\"");
    }
    write(res, std::move(r));
  });
  http.Get("/api/v1/office/catalog", [&service](const httplib::Request& req, httplib::Response& res) {
    write(res, service.office_catalog(auth(req)));
  });
  // The file is the body; ?file= names it for the import's record, ?dry_run=1 only plans.
  http.Post(R"(/api/v1/import/([a-z_]+))", [&service](const httplib::Request& req, httplib::Response& res) {
    write(res, service.import_sheet(auth(req), req.matches[1].str(), req.body, req.get_param_value("file"),
                                    req.get_param_value("dry_run") == "1"));
  });
  // Any other /api path: a JSON 404, not the web app's index.html.
  http.Get(R"(/api/.*)", [](const httplib::Request&, httplib::Response& res) {
    write(res, error_reply(404, "not_found", "no such endpoint"));
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unexpected error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    write(res, error_reply(500, "server_error", what));
  });
  // httplib's own refusals (413 too large, 400 unparsable) get the JSON error shape too.
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) != 0 || !res.body.empty()) return;
    const char* code = res.status == 413 ? "too_large" : res.status == 404 ? "not_found" : "bad_request";
    write(res, error_reply(res.status, code, "HTTP " + std::to_string(res.status)));
  });
}

void log_requests(httplib::Server& http, std::FILE* log) {
  // One JSON line per request: easy to grep, easy to ship to a log store.
  http.set_logger([log](const httplib::Request& req, const httplib::Response& res) {
    std::fprintf(log, "{\"t\":%lld,\"method\":%s,\"path\":%s,\"status\":%d,\"bytes\":%zu}\n",
                 static_cast<long long>(std::time(nullptr)), app::json::quote(req.method).c_str(),
                 app::json::quote(req.path).c_str(), res.status, res.body.size());
  });
}

}  // namespace server
