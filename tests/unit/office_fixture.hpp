#pragma once
// A community on an in-memory server, set up from the office's files
// (office_import_test.cpp, office_page_test.cpp).
#include <memory>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "app/domain/replica.hpp"
#include "app/ops/codec.hpp"
#include "app/server/admin.hpp"
#include "app/server/office_import.hpp"
#include "fakes.hpp"
#include "test_db.hpp"

namespace app {

struct Office {
  std::unique_ptr<server::ServerStore> store = std::move(server::ServerStore::open(test_db::location())).value();
  fakes::Clock clock;
  fakes::Random random{11};
  server::ServerWriter w{*store, clock, random};
  server::CommunityRow community = server::create_community(w, *store, "幸福里", "杭州市").value();

  Result<ImportPlan> import(ImportKind kind, std::string_view file, bool dry_run = false) {
    return server::import_file(w, *store, community, {kind, "office.csv", {}, dry_run}, file);
  }
  ImportPlan must(ImportKind kind, std::string_view file) {
    auto r = import(kind, file);
    INFO((r.ok() ? std::string() : r.error().message));
    REQUIRE(r.ok());
    return std::move(r).value();
  }
  MasterData data() {
    std::vector<Op> ops;
    auto records = store->all_records(community.id);
    for (const auto& rec : records.value()) ops.push_back(decode_op(rec).value());
    Replica replica;
    replica.add(std::move(ops));
    return replica.data();
  }
  std::int64_t ops() { return store->op_count(community.id); }
  // The estate every later kind stands on.
  void estate() {
    must(ImportKind::units, "楼栋,单元,房号,楼层,状态\n1栋,1,101,1,已入住\n1栋,1,102,1,空置\n2栋,1,201,2,已入住\n");
    must(ImportKind::staff, "工号,姓名,岗位,初始PIN\nGJ001,王管家,客服管家,135790\nZG001,李主管,大管家,\nBJ001,陈保洁,保洁,\n");
  }
};

}  // namespace app
