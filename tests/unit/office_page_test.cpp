// The office page's server side (issue: a real community, set up in an
// afternoon): the .xlsx templates read back as the office would fill them
// in and import as they are; the catalogue offers each role exactly what the
// server lets it do; the page's routes over real HTTP.
#include <catch2/catch.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <set>
#include <thread>

#include "app/server/api.hpp"
#include "app/server/csv_export.hpp"
#include "app/server/office_page.hpp"
#include "app/server/sync_service.hpp"
#include "app/server/xlsx_reader.hpp"
#include "app/sync/wire.hpp"
#include "office_fixture.hpp"

using namespace app;

TEST_CASE("each kind's .xlsx template reads back as its header and example, text stays text, and imports") {
  for (std::int64_t k = 0; k < kImportKindCount; ++k) {
    const auto kind = static_cast<ImportKind>(k);
    INFO(std::string(import_kind_key(kind)));
    auto book = server::import_template_xlsx(kind);
    REQUIRE(book.ok());
    auto rows = server::read_xlsx(book.value());  // the first sheet only: the notes sheet stays out
    REQUIRE(rows.ok());
    REQUIRE(rows.value().size() == 2);
    const auto& columns = import_columns(kind);
    REQUIRE(rows.value()[0].cells.size() == columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
      CHECK(rows.value()[0].cells[c] == columns[c].title);
      // 1502 and 0502 as written, not numbers; an empty example is no cell at all
      const auto& example = rows.value()[1].cells;
      CHECK((c < example.size() ? example[c] : std::string()) == columns[c].example);
    }
    // The cells are text cells, formatted "@": what the office types later stays text too.
    CHECK(book.value().find("PK\x03\x04") == 0);
  }
  // The template, filled in only with its example, is an import that works.
  Office o;
  auto units = server::import_template_xlsx(ImportKind::units);
  auto plan = o.import(ImportKind::units, units.value());
  INFO((plan.ok() ? std::string() : plan.error().message));
  REQUIRE(plan.ok());
  CHECK(plan.value().added == 1);
  bool room_as_written = false;
  for (const auto& [id, u] : o.data().units) room_as_written = room_as_written || u.number == import_columns(ImportKind::units)[2].example;
  CHECK(room_as_written);
}

TEST_CASE("the office page's catalogue offers each role what the server lets it do, named in both languages") {
  Office o;
  o.estate();
  o.must(ImportKind::staff, "工号,姓名,岗位,初始PIN\nZR001,赵主任,管理处主任,246802\nQT001,孙前台,前台,112233\nZG009,钱主管,大管家,998877\n");
  server::SyncService service(*o.store, o.clock, o.random);
  service.exports() = server::default_exports();
  auto token = [&](const char* code, const char* pin, std::uint64_t dev) {
    auto r = service.enroll(sync::encode_enroll_request({code, pin, Id{9, dev}}));
    REQUIRE(r.status == 200);
    return "Bearer " + sync::parse_enroll_response(r.body).value().token;
  };
  auto catalogue = [&](const std::string& bearer) {
    auto r = service.office_catalog(bearer);
    REQUIRE(r.status == 200);
    return nlohmann::json::parse(r.body);
  };
  auto kinds = [](const nlohmann::json& j) {
    std::set<std::string> out;
    for (const auto& i : j["imports"]) out.insert(i["kind"].get<std::string>());
    return out;
  };
  const auto manager = catalogue(token("ZR001", "246802", 1));
  CHECK(manager["me"]["code"] == "ZR001");
  CHECK(manager["me"]["role_zh"] == "管理处主任");
  CHECK(manager["me"]["community"] == "幸福里");
  CHECK(manager["exports"].size() == server::default_exports().names().size());
  for (const auto& e : manager["exports"]) {
    INFO(e.dump());
    CHECK_FALSE(e["zh"].get<std::string>().empty());
    CHECK_FALSE(e["en"].get<std::string>().empty());
    CHECK(e["zh"] != e["en"]);
    // What the page lists, the server serves.
    CHECK(service.export_file(token("ZR001", "246802", 1), e["name"].get<std::string>(), server::ExportFormat::csv).status == 200);
  }
  CHECK(kinds(manager).size() == static_cast<std::size_t>(kImportKindCount));
  // A head butler: every export, every import but the staff sheet (the manager's alone).
  const std::string head_token = token("ZG009", "998877", 2);
  const auto head = catalogue(head_token);
  CHECK(head["exports"].size() == manager["exports"].size());
  CHECK(kinds(head).count("staff") == 0);
  CHECK(kinds(head).size() == static_cast<std::size_t>(kImportKindCount) - 1);
  CHECK(service.import_sheet(head_token, "staff", "工号,姓名,岗位\nGJ002,新人,客服管家\n", "", true).status == 403);
  // The front desk downloads the exports and imports nothing.
  const std::string desk_token = token("QT001", "112233", 3);
  const auto desk = catalogue(desk_token);
  CHECK(desk["exports"].size() == manager["exports"].size());
  CHECK(desk["imports"].empty());
  CHECK(service.import_sheet(desk_token, "keys", "标签,类别\n1栋1单元101,分户钥匙\n", "", true).status == 403);
  // A butler: nothing to download or upload, and the server agrees.
  const std::string butler_token = token("GJ001", "135790", 4);
  const auto butler = catalogue(butler_token);
  CHECK(butler["exports"].empty());
  CHECK(butler["imports"].empty());
  CHECK(service.export_file(butler_token, "tickets", server::ExportFormat::csv).status == 403);
  // No token, no catalogue.
  CHECK(service.office_catalog("").status == 401);
  CHECK(service.office_catalog("Bearer nonsense").status == 401);
}

TEST_CASE("over HTTP: the templates in both formats without a token, the catalogue only with one") {
  Office o;
  o.estate();
  server::SyncService service(*o.store, o.clock, o.random);
  httplib::Server http;
  server::mount_api(http, service);
  const int port = http.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { http.listen_after_bind(); });
  while (!http.is_running()) std::this_thread::yield();
  httplib::Client client("127.0.0.1", port);
  auto xlsx = client.Get("/api/v1/import/templates/checkpoints.xlsx");
  REQUIRE(xlsx);
  CHECK(xlsx->status == 200);
  CHECK(xlsx->get_header_value("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  CHECK(xlsx->get_header_value("Content-Disposition") == "attachment; filename=\"checkpoints-template.xlsx\"");
  CHECK(server::read_xlsx(xlsx->body).ok());
  auto csv = client.Get("/api/v1/import/templates/keys.csv");
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CHECK(csv->body.rfind("\xEF\xBB\xBF", 0) == 0);
  auto odd = client.Get("/api/v1/import/templates/keys.exe");
  REQUIRE(odd);
  CHECK(odd->status == 404);
  auto nope = client.Get("/api/v1/import/templates/passwords.xlsx");
  REQUIRE(nope);
  CHECK(nope->status == 404);
  auto anonymous = client.Get("/api/v1/office/catalog");
  REQUIRE(anonymous);
  CHECK(anonymous->status == 401);
  http.stop();
  serving.join();
}
