// Setting up a real community from the office's files (issue: a real
// community, set up in an afternoon): every import kind through the server's
// own path (file bytes → rows → plan → one transaction), all or nothing with
// every bad line and column named, idempotent, updating by key; the upload's
// roles; sign-ins for imported staff.
#include <catch2/catch.hpp>

#include <iconv.h>

#include "app/domain/replica.hpp"
#include "app/ops/codec.hpp"
#include "app/server/admin.hpp"
#include "app/server/office_import.hpp"
#include "app/server/sync_service.hpp"
#include "app/setup/setup_index.hpp"
#include "app/sync/wire.hpp"
#include "fakes.hpp"
#include "office_fixture.hpp"

using namespace app;

namespace {

std::string gbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string in = utf8, out(utf8.size() * 2, '\0');
  char* ip = in.data();
  char* op = out.data();
  std::size_t il = in.size(), ol = out.size();
  iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  out.resize(out.size() - ol);
  return out;
}

const Resident* resident(const MasterData& d, std::string_view name) {
  for (const auto& [id, r] : d.residents) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("units: all or nothing, every bad line and column named, the same file twice changes nothing") {
  Office o;
  const auto before = o.ops();
  auto bad = o.import(ImportKind::units, "\xEF\xBB\xBF楼栋,单元,房号,楼层,状态\n1栋,1,101,1,已入住\n1栋,1,102,x,空置\n2栋,1,101,3,火星\n1栋,1,101,1,空置\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("line 3, 楼层") != std::string::npos);
  CHECK(bad.error().message.find("line 4, 状态") != std::string::npos);
  CHECK(bad.error().message.find("line 5: the same unit is on line 2") != std::string::npos);
  CHECK(o.ops() == before);  // nothing half imported

  // The office's own column names (楼号 for 楼栋), quotes, CRLF.
  auto first = o.must(ImportKind::units, "楼号,单元,房号,楼层,状态\r\n1栋,1,101,1,已入住\r\n\"2栋\",2,\"1502\",15,装修中\r\n");
  CHECK(first.added == 2);
  CHECK(o.ops() == before + 5);  // two buildings, two units, the import's record
  auto again = o.must(ImportKind::units, "楼号,单元,房号,楼层,状态\r\n1栋,1,101,1,已入住\r\n\"2栋\",2,\"1502\",15,装修中\r\n");
  CHECK(again.added == 0);
  CHECK(again.unchanged == 2);
  CHECK(o.ops() == before + 6);  // only the record of the second import
  // A later file updates by key and says what it changed; "1号楼" is 1栋.
  auto later = o.must(ImportKind::units, "楼栋,单元,房号,楼层,状态\n1号楼,1,101,1,空置\n");
  CHECK(later.changed == 1);
  REQUIRE(later.changes.size() == 1);
  CHECK(later.changes[0].find("状态 已入住 → 空置") != std::string::npos);
  const MasterData d = o.data();
  CHECK(d.buildings.size() == 2);
  CHECK(d.units.size() == 2);
  CHECK(d.setup.imports.size() == 3);
}

TEST_CASE("a header without a required column is refused, naming it and the names it may go by") {
  Office o;
  auto r = o.import(ImportKind::residents, "楼栋,房号,手机\n1栋,101,13800138000\n");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("姓名") != std::string::npos);
  CHECK(r.error().message.find("业主姓名") != std::string::npos);
  CHECK_FALSE(o.import(ImportKind::units, "").ok());
  CHECK_FALSE(o.import(ImportKind::units, "楼栋,单元,房号,楼层\n").ok());  // a header and no rows
}

TEST_CASE("residents: UTF-8 with BOM or GBK, unit by its place, relation, phone and dates checked") {
  Office o;
  o.estate();
  const std::string sheet = "楼栋,单元,房号,姓名,身份,手机,入住日期\n1栋,1,101,张三,业主,13900139000,2026/3/1\n"
                            "1栋,,101,张小三,家属,,\n2栋,1,201,李四,租户,021-5555 1234,2026年5月8日\n";
  SECTION("GBK, as Excel saves CSV on a Chinese Windows") {
    auto plan = o.must(ImportKind::residents, gbk(sheet));
    CHECK(plan.added == 3);
  }
  SECTION("UTF-8 with BOM, then the same file again, then a changed phone") {
    o.must(ImportKind::residents, "\xEF\xBB\xBF" + sheet);
    auto again = o.must(ImportKind::residents, sheet);
    CHECK(again.added == 0);
    CHECK(again.unchanged == 3);
    auto later = o.must(ImportKind::residents, "楼栋,单元,房号,姓名,手机\n1栋,1,101,张三,13700137000\n");
    CHECK(later.changed == 1);
    CHECK(later.changes[0].find("电话 13900139000 → 13700137000") != std::string::npos);
  }
  const MasterData d = o.data();
  const Resident* owner = resident(d, "张三");
  REQUIRE(owner);
  CHECK(owner->relation == Relation::owner);
  CHECK(owner->owner);
  CHECK(owner->moved_in == 20260301);
  const Resident* tenant = resident(d, "李四");
  REQUIRE(tenant);
  CHECK(tenant->relation == Relation::tenant);
  CHECK_FALSE(tenant->owner);
  CHECK(tenant->moved_in == 20260508);
  CHECK(resident(d, "张小三")->relation == Relation::family);

  const auto before = o.ops();
  auto bad = o.import(ImportKind::residents, "楼栋,房号,姓名,身份,电话,入住日期,迁出日期\n3栋,101,王五,,,,\n1栋,101,,业主,,,\n"
                                             "1栋,101,赵六,房东,1234,2026-13-01,\n1栋,101,钱七,租户,,2026-05-01,2026-04-01\n");
  REQUIRE_FALSE(bad.ok());
  const std::string& m = bad.error().message;
  CHECK(m.find("line 2, 楼栋: \"3栋\" is not a building here") != std::string::npos);
  CHECK(m.find("line 3, 姓名: empty") != std::string::npos);
  CHECK(m.find("line 4, 身份") != std::string::npos);
  CHECK(m.find("line 4, 电话") != std::string::npos);
  CHECK(m.find("line 4, 入住日期") != std::string::npos);
  CHECK(m.find("line 5, 迁出日期: before the move-in date") != std::string::npos);
  CHECK(o.ops() == before);
}

TEST_CASE("staff: PINs from the file or generated once, sign-in works, codes and roles checked") {
  Office o;
  auto plan = o.must(ImportKind::staff, "工号,姓名,岗位,电话,初始PIN\nGJ001,王管家,客服管家,13800138000,135790\nZR001,赵主任,管理处主任,,\n");
  REQUIRE(plan.logins.size() == 2);
  CHECK(plan.logins[0].pin == "135790");
  CHECK_FALSE(plan.logins[0].generated);
  CHECK(plan.logins[1].generated);
  CHECK(plan.logins[1].pin.size() == 6);
  const std::string report = server::import_report_text(plan, false);
  CHECK(report.find("ZR001  " + plan.logins[1].pin) != std::string::npos);  // shown once, here

  server::SyncService service(*o.store, o.clock, o.random);
  CHECK(service.enroll(sync::encode_enroll_request({"GJ001", "135790", Id{1, 2}})).status == 200);
  CHECK(service.enroll(sync::encode_enroll_request({"ZR001", plan.logins[1].pin, Id{1, 3}})).status == 200);

  // A role changed by a later file reaches the sign-in table too; the PIN stays.
  auto later = o.must(ImportKind::staff, "工号,姓名,岗位,初始PIN\nGJ001,王管家,大管家,999999\n");
  CHECK(later.changed == 1);
  CHECK(later.logins.empty());
  CHECK(o.store->find_staff("GJ001")->role == static_cast<std::int64_t>(Role::head_butler));
  CHECK(service.enroll(sync::encode_enroll_request({"GJ001", "135790", Id{1, 4}})).status == 200);

  auto bad = o.import(ImportKind::staff, "工号,姓名,岗位,初始PIN\nGJ009,某人,宇航员,12ab\nGJ010,甲,保洁,\nGJ010,乙,保洁,\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("line 2, 岗位") != std::string::npos);
  CHECK(bad.error().message.find("line 2, 初始PIN") != std::string::npos);
  CHECK(bad.error().message.find("line 4: the same 工号 is on line 3") != std::string::npos);

  // A code another community signs in with is refused whole.
  auto other = server::create_community(o.w, *o.store, "翠苑", "宁波市").value();
  auto taken = server::import_file(o.w, *o.store, other, {ImportKind::staff, "", {}, false}, "工号,姓名,岗位\nZR001,别人,保洁\nCY001,孙管家,客服管家\n");
  REQUIRE_FALSE(taken.ok());
  CHECK(taken.error().message.find("ZR001") != std::string::npos);
  CHECK_FALSE(o.store->find_staff("CY001"));
}

TEST_CASE("zones and checkpoints: buildings and butler by the office's names, the route in the file's order") {
  Office o;
  o.estate();
  auto bad = o.import(ImportKind::zones, "名称,楼栋,管家工号\n一区,1栋、9栋,BJ001\n二区,,NOBODY\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("line 2, 楼栋: \"9栋\" is not a building here") != std::string::npos);
  CHECK(bad.error().message.find("line 2, 管家工号: BJ001 is 保洁, not a butler") != std::string::npos);
  CHECK(bad.error().message.find("line 3, 管家工号: no staff with 工号 NOBODY") != std::string::npos);
  o.must(ImportKind::zones, "责任区,楼号,管家\n一区,1栋、2栋,GJ001\n");
  auto route = o.must(ImportKind::checkpoints, "名称,楼栋,种类,责任区\n1栋大堂,1栋,大堂,一区\n1栋电梯,1栋,电梯,一区\n南大门,,大门,一区\n");
  CHECK(route.added == 3);
  CHECK(o.must(ImportKind::checkpoints, "名称,楼栋,种类,责任区\n1栋大堂,1栋,大堂,一区\n1栋电梯,1栋,电梯,一区\n南大门,,大门,一区\n").unchanged == 3);
  // The route walked the other way: positions change, nothing is added.
  auto reordered = o.must(ImportKind::checkpoints, "名称,楼栋,种类,责任区\n南大门,,大门,一区\n1栋电梯,1栋,电梯,一区\n1栋大堂,1栋,大堂,一区\n");
  CHECK(reordered.added == 0);
  CHECK(reordered.changed == 2);  // the lift stays second
  const MasterData d = o.data();
  REQUIRE(d.zones.size() == 1);
  const Zone& z = d.zones.begin()->second;
  CHECK(z.buildings.size() == 2);
  CHECK(d.staff.at(z.butler).code == "GJ001");
  for (const auto& [id, c] : d.checkpoints) {
    if (c.name == "南大门") CHECK(c.position == 1);
    if (c.name == "1栋大堂") CHECK(c.position == 3);
    CHECK(c.zone == z.id);
  }
  auto unknown_zone = o.import(ImportKind::checkpoints, "名称,种类,责任区\n水泵房,火箭,九区\n");
  REQUIRE_FALSE(unknown_zone.ok());
  CHECK(unknown_zone.error().message.find("line 2, 种类") != std::string::npos);
  CHECK(unknown_zone.error().message.find("line 2, 责任区: \"九区\" is not a zone here") != std::string::npos);

  // No 责任区 column: each checkpoint joins the zone that holds its building;
  // an estate-wide one, or one in a building no zone holds, is refused by line.
  auto by_building = o.must(ImportKind::checkpoints, "名称,楼栋,种类\n2栋大堂,2栋,大堂\n1栋大堂,1栋,大堂\n");
  CHECK(by_building.added == 1);
  CHECK(by_building.changed == 1);  // 1栋大堂 keeps its zone; with no 顺序 the file's order puts it second
  for (const auto& [id, c] : o.data().checkpoints) CHECK(c.zone == z.id);
  o.must(ImportKind::units, "楼栋,单元,房号,楼层,状态\n3栋,1,301,3,已入住\n");
  auto nowhere = o.import(ImportKind::checkpoints, "名称,楼栋,种类\n水泵房,,设备房\n3栋大堂,3栋,大堂\n");
  REQUIRE_FALSE(nowhere.ok());
  CHECK(nowhere.error().message.find("line 2, 责任区: empty: an estate-wide checkpoint names its zone") != std::string::npos);
  CHECK(nowhere.error().message.find("line 3, 责任区: empty, and no zone holds 3栋") != std::string::npos);
}

TEST_CASE("keys and the price list: a unit key by its unit written any way, public keys filed, prices in 元") {
  Office o;
  o.estate();
  auto keys = o.must(ImportKind::keys, "标签,类别,所属,设备类别,系统,保管\n1栋1单元101,分户钥匙,,,,\n102钥匙,分户钥匙,1-1-102,,,\n"
                                       "配电房,公共钥匙,,供配电,配电房,工程部\n");
  CHECK(keys.added == 3);
  const MasterData d = o.data();
  int unit_keys = 0;
  for (const auto& [id, k] : d.keys.keys) unit_keys += k.kind == keys::KeyKind::unit && d.units.count(k.place);
  CHECK(unit_keys == 2);
  CHECK(o.must(ImportKind::keys, "标签,类别,所属,设备类别,系统,保管\n配电房,公共钥匙,,供配电,配电房,工程部\n").unchanged == 1);
  auto bad = o.import(ImportKind::keys, "标签,类别,所属,设备类别,系统,保管\n9栋999,分户钥匙,,,,\n水泵房,公共钥匙,,,,\n101,分户钥匙,1栋1单元101,,,工程部\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("line 2, 所属") != std::string::npos);
  CHECK(bad.error().message.find("line 3, 设备类别") != std::string::npos);
  CHECK(bad.error().message.find("line 4, 保管: unit keys are kept by the service centre") != std::string::npos);

  auto prices = o.must(ImportKind::prices, "项目,单位,单价(元)\n更换水龙头,个,30\n疏通下水道,次,¥80.50\n");
  CHECK(prices.added == 2);
  auto later = o.must(ImportKind::prices, "项目,单位,单价（元）\n疏通下水道,次,90元\n");
  CHECK(later.changes[0].find("单价 80.50 → 90.00") != std::string::npos);
  std::int64_t cents = 0;
  for (const auto& [id, p] : o.data().tickets.prices) if (p.name == "疏通下水道") cents = p.price_cents;
  CHECK(cents == 9000);
  CHECK_FALSE(o.import(ImportKind::prices, "项目,单位,单价\n换锁,把,三十\n").ok());
}

TEST_CASE("the upload: a lead's token imports into the lead's community, staff sheets the manager's alone") {
  Office o;
  o.estate();
  o.must(ImportKind::staff, "工号,姓名,岗位,初始PIN\nZR001,赵主任,管理处主任,246802\n");
  server::SyncService service(*o.store, o.clock, o.random);
  auto token = [&](const char* code, const char* pin, std::uint64_t dev) {
    auto r = service.enroll(sync::encode_enroll_request({code, pin, Id{9, dev}}));
    REQUIRE(r.status == 200);
    return "Bearer " + sync::parse_enroll_response(r.body).value().token;
  };
  const std::string butler = token("GJ001", "135790", 1), manager = token("ZR001", "246802", 2);
  const std::string prices = "项目,单位,单价\n换锁,把,120\n";
  CHECK(service.import_sheet(butler, "prices", prices, "价目.csv", false).status == 403);
  CHECK(service.import_sheet(manager, "nothing", prices, "", false).status == 404);
  const auto before = o.ops();
  auto dry = service.import_sheet(manager, "prices", prices, "价目.csv", true);
  CHECK(dry.status == 200);
  CHECK(dry.body.find("\"added\":1") != std::string::npos);
  CHECK(o.ops() == before);  // a dry run stores nothing
  auto done = service.import_sheet(manager, "prices", prices, "C:\\office\\价目.csv", false);
  CHECK(done.status == 200);
  const MasterData d = o.data();
  REQUIRE(d.setup.imports.size() == 4);  // units, staff, the manager, the prices
  bool recorded = false;
  for (const auto& [id, r] : d.setup.imports) {
    if (r.kind != ImportKind::prices) continue;
    recorded = r.file == "价目.csv" && r.added == 1 && d.staff.at(r.by).code == "ZR001";
  }
  CHECK(recorded);  // by whom, which file (its name only), what it did
  auto refused = service.import_sheet(manager, "prices", "项目,单位,单价\n换锁,,x\n", "", false);
  CHECK(refused.status == 422);
  CHECK(refused.body.find("line 2") != std::string::npos);
  // The head butler may import estate sheets, not staff.
  o.must(ImportKind::staff, "工号,姓名,岗位,初始PIN\nZG002,周主管,大管家,112233\n");
  const std::string head = token("ZG002", "112233", 3);
  CHECK(service.import_sheet(head, "staff", "工号,姓名,岗位\nGJ002,新人,客服管家\n", "", false).status == 403);
  CHECK(service.import_sheet(head, "prices", "项目,单位,单价\n换灯泡,个,15\n", "", false).status == 200);
  auto tmpl = server::SyncService::import_template("residents", "csv");
  CHECK(tmpl.status == 200);
  CHECK(tmpl.body.rfind("\xEF\xBB\xBF楼栋,单元,房号,姓名,身份,电话,入住日期,迁出日期,职业\r\n", 0) == 0);
}

TEST_CASE("the set-up list says what a partly set-up community still lacks, and empties as it is set up") {
  Office o;
  auto kinds = [&] {
    const MasterData d = o.data();
    std::vector<std::pair<GapKind, std::string>> out;
    for (const SetupGap& g : setup_gaps(d, build_views(d))) out.emplace_back(g.kind, g.subject);
    return out;
  };
  using G = std::vector<std::pair<GapKind, std::string>>;
  CHECK(kinds() == G{{GapKind::no_units, ""}, {GapKind::no_staff, ""}, {GapKind::no_zones, ""}, {GapKind::no_keys, ""},
                     {GapKind::no_prices, ""}});
  o.estate();
  o.must(ImportKind::zones, "名称,楼栋\n一区,1栋\n");
  CHECK(kinds() == G{{GapKind::zone_without_butler, "一区"}, {GapKind::zone_without_checkpoints, "一区"},
                     {GapKind::building_in_no_zone, "2栋"}, {GapKind::no_keys, ""}, {GapKind::no_prices, ""},
                     {GapKind::no_residents, ""}});
  o.must(ImportKind::zones, "名称,楼栋,管家工号\n一区,1栋、2栋,GJ001\n");
  o.must(ImportKind::checkpoints, "名称,楼栋,种类,责任区\n1栋大堂,1栋,大堂,一区\n");
  o.must(ImportKind::keys, "标签,类别\n1栋1单元101,分户钥匙\n");
  o.must(ImportKind::prices, "项目,单位,单价\n换锁,把,120\n");
  o.must(ImportKind::residents, "楼栋,房号,姓名\n1栋,101,张三\n");
  CHECK(kinds().empty());
}
