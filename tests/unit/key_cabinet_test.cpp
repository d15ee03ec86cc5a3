// Keeping the key cabinet on the tablet (钥匙柜管理): who may add, relabel and
// retire keys; a retired key is never lent, off the board and the loan
// picker, and still in keys.csv and the history of the loans that name it; a
// key out cannot be retired; another tablet replays the same; a snapshot
// keeps it; the label sheet names each key with a number to read out, every
// data text escaped.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/keys/key_label_sheet.hpp"
#include "app/server/csv_export.hpp"
#include "app/store/snapshot.hpp"
#include "keys_fixture.hpp"
#include "export_text.hpp"

using namespace app;
using namespace keys_fixture;
using keys::KeyStatus;

namespace {

bool on_board(const Device& d, const Id& key) {
  const auto& rows = d.session.keys().filed_keys();
  return std::any_of(rows.begin(), rows.end(), [&](const KeyRow& r) { return r.key->id == key; });
}

std::string keys_csv(const Device& d) {
  Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  return export_text((*exports.find("keys"))(server::ExportInput{replica}));
}

// The CSV lines that name a label.
std::vector<std::string> csv_lines_of(const std::string& csv, const std::string& label) {
  std::vector<std::string> out;
  for (std::size_t at = 0, end; (end = csv.find("\r\n", at)) != std::string::npos; at = end + 2) {
    const std::string line = csv.substr(at, end - at);
    if (line.find(label) != std::string::npos) out.push_back(line);
  }
  return out;
}

NewKey public_key(const Id& building, keys::Custody custody) {
  NewKey k;
  k.kind = keys::KeyKind::public_area;
  k.category = "消防";
  k.system = "消防水泵房";
  k.building = building;
  k.custody = custody;
  return k;
}

}  // namespace

TEST_CASE("a head butler adds a unit key and a public key, a butler may not add, relabel or retire") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(21);
  REQUIRE(d.loaded);
  const UnitRow unit = d.session.estate().unit_rows()[12];
  const Id building = d.session.master_data().units.at(unit.id).building;
  NewKey k;
  k.unit = unit.id;
  // The duty butler keeps no cabinet.
  CHECK_FALSE(d.session.keys().may_keep_cabinet());
  CHECK(d.session.keys().add_key(k).error().code == "not_allowed");
  const Id some_key = d.keys_in(1).front();
  CHECK(d.session.keys().relabel_key(some_key, "新标签").error().code == "not_allowed");
  CHECK(d.session.keys().retire_key(some_key).error().code == "not_allowed");
  CHECK(d.session.keys().relabel_key(some_key, "新标签").error().message == "只有客服主管、管理处主任或前台可以管理钥匙柜。");
  for (Role r : {Role::head_butler, Role::manager, Role::front_desk}) {
    d.as(r);
    CHECK(d.session.keys().may_keep_cabinet());
  }
  d.as(Role::head_butler);
  const Id unit_key = d.session.keys().add_key(k).value();
  const KeyRecord* added = d.session.keys().key(unit_key);
  REQUIRE(added);
  CHECK(added->label == unit.label);
  CHECK(added->kind == keys::KeyKind::unit);
  CHECK(added->custody == keys::Custody::centre);  // every unit key is the centre's
  CHECK(on_board(d, unit_key));
  const Id pub = d.session.keys().add_key(public_key(building, keys::Custody::engineering)).value();
  CHECK(d.session.keys().key(pub)->label == unit.building_name + " 消防水泵房");
  CHECK(d.session.keys().key(pub)->custody == keys::Custody::engineering);
  CHECK(on_board(d, pub));
  // Both in the building's label sheet, a key of another building not.
  const std::vector<Id> in_building = d.session.keys().keys_in_building(building);
  CHECK(std::count(in_building.begin(), in_building.end(), unit_key) == 1);
  CHECK(std::count(in_building.begin(), in_building.end(), pub) == 1);
  for (const Id& id : in_building) {
    const KeyRecord* x = d.session.keys().key(id);
    const Id b = x->kind == keys::KeyKind::unit ? d.session.master_data().units.at(x->place).building : x->place;
    CHECK(b == building);
  }
  const auto buildings = d.session.keys().key_buildings();
  REQUIRE(!buildings.empty());
  for (const KeyBuilding& b : buildings) {
    if (b.id == building) CHECK(b.keys == static_cast<int>(in_building.size()));
  }
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());
}

TEST_CASE("a key is relabelled: a new label only, not empty, not the same") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(22);
  d.as(Role::front_desk);
  const Id key = d.keys_in(1).front();
  CHECK(d.session.keys().relabel_key(key, "  ").error().code == "label_required");
  CHECK(d.session.keys().relabel_key(key, d.session.keys().key(key)->label).error().code == "label_same");
  CHECK(d.session.keys().relabel_key(Id{5, 5}, "无此钥匙").error().code == "unknown_key");
  REQUIRE(d.session.keys().relabel_key(key, " 样板间 A 门 ").ok());
  CHECK(d.session.keys().key(key)->label == "样板间 A 门");
  CHECK(d.session.keys().key(key)->kind == keys::KeyKind::unit);  // the filing is untouched
  CHECK(on_board(d, key));
  const Op op = d.session.decoded_log().back();
  CHECK(op.kind == OpKind::key_set);
  CHECK(op.payload.has(F::name));
  CHECK_FALSE(op.payload.has(F::key_kind));  // only the label: another tablet's edits of the rest still hold
  CHECK(validate_op(op).ok());
}

TEST_CASE("a retired key: never lent, off the board and the picker, still in keys.csv and its loans' history, not while it is out") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(23);
  d.as(Role::front_desk);
  const Id butler = d.staff(Role::butler, 1);
  const std::vector<Id> some = d.keys_in(20);
  const Id key = some[0];
  const auto unlent = std::find_if(some.begin() + 1, some.end(), [&](const Id& k) { return d.session.keys().key_history(k).empty(); });
  REQUIRE(unlent != some.end());
  const Id never_lent = *unlent;
  const std::string label = d.session.keys().key(key)->label;
  // Out on loan: it comes back first.
  const Id loan = d.session.keys().lend(d.loan_to(butler, {key}, "空置房检查")).value();
  const Status out = d.session.keys().retire_key(key);
  REQUIRE_FALSE(out.ok());
  CHECK(out.error().code == "key_out");
  CHECK(out.error().message == label + " 已借出（" + d.session.estate().staff_name(butler) + "），须先归还才能停用。");
  CHECK_FALSE(d.session.keys().key(key)->retired);
  d.clock.now += kHour;
  REQUIRE(d.session.keys().return_key(key, "已检查").ok());
  d.as(Role::head_butler);
  REQUIRE(d.session.keys().retire_key(key).ok());
  REQUIRE(d.session.keys().retire_key(never_lent).ok());
  CHECK(d.session.keys().key(key)->retired);
  CHECK(d.session.keys().retire_key(key).error().code == "retired");
  CHECK(d.session.keys().relabel_key(key, "另一个标签").error().code == "retired");
  // Never lent again, with the reason in words.
  d.as(Role::front_desk);
  const auto lent = d.session.keys().lend(d.loan_to(butler, {key}));
  REQUIRE_FALSE(lent.ok());
  CHECK(lent.error().code == "key_retired");
  CHECK(lent.error().message == label + " 已停用，不能借出。");
  // Off the board (the loan picker is the board), the label sheet and the building's keys.
  CHECK_FALSE(on_board(d, key));
  CHECK_FALSE(on_board(d, never_lent));
  CHECK(d.session.keys().key_labels({key, never_lent}).empty());
  const Id building = d.session.master_data().units.at(d.session.keys().key(key)->place).building;
  const auto in_building = d.session.keys().keys_in_building(building);
  CHECK(std::find(in_building.begin(), in_building.end(), key) == in_building.end());
  // Its loans keep naming it: the history, the loan, keys.csv.
  const auto history = d.session.keys().key_history(key);
  REQUIRE(history.size() >= 2);
  CHECK(history.back().kind == KeyHistoryKind::returned);
  CHECK(history.back().key->label == label);
  CHECK(d.session.keys().loan(loan)->keys.front().key == key);
  const std::string csv = keys_csv(d);
  const auto rows = csv_lines_of(csv, label);
  REQUIRE(!rows.empty());
  for (const std::string& row : rows) CHECK(row.find("已停用") != std::string::npos);
  CHECK(std::any_of(rows.begin(), rows.end(), [](const std::string& r) { return r.find("空置房检查") != std::string::npos; }));
  const std::string never_label = d.session.keys().key(never_lent)->label;
  const auto never_rows = csv_lines_of(csv, never_label);
  REQUIRE(never_rows.size() == 1);
  CHECK(never_rows.front() == never_label + ",分户钥匙,,,,,,已停用");
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());
}

TEST_CASE("a second tablet replays the cabinet's upkeep to the same, and a relabel and a retirement made offline both hold") {
  Device a(24, 0xA), b(25, 0xB);
  a.as(Role::head_butler);
  b.as(Role::front_desk);
  const UnitRow unit = a.session.estate().unit_rows()[30];
  NewKey k;
  k.unit = unit.id;
  const Id added = a.session.keys().add_key(k).value();
  const Id key = a.keys_in(1).front();
  REQUIRE(a.session.keys().relabel_key(key, "样板间 备用钥匙").ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  CHECK(b.session.master_data().keys == a.session.master_data().keys);
  CHECK(b.session.keys().key(added)->label == unit.label);
  CHECK(b.session.keys().key(key)->label == "样板间 备用钥匙");
  // Offline: A relabels the new key, B retires it; both hold on both tablets.
  a.clock.now += kMinute;
  b.clock.now += 2 * kMinute;
  REQUIRE(a.session.keys().relabel_key(added, "新登记 钥匙").ok());
  REQUIRE(b.session.keys().retire_key(added).ok());
  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  CHECK(a.session.master_data().keys == b.session.master_data().keys);
  for (Device* d : {&a, &b}) {
    const KeyRecord* x = d->session.keys().key(added);
    REQUIRE(x);
    CHECK(x->retired);
    CHECK(x->label == "新登记 钥匙");
    CHECK_FALSE(on_board(*d, added));
    CHECK(d->session.keys().lend(d->loan_to(d->staff(Role::butler, 1), {added})).error().code == "key_retired");
  }
  // Any order of the same ops folds the same.
  std::vector<Op> log = a.session.decoded_log();
  Replica in_order;
  in_order.add(log);
  std::reverse(log.begin(), log.end());
  Replica reversed;
  reversed.add(log);
  CHECK(reversed.data().keys == in_order.data().keys);
}

TEST_CASE("a snapshot keeps a retired key retired") {
  Device d(26);
  d.as(Role::manager);
  const Id key = d.keys_in(1).front();
  REQUIRE(d.session.keys().relabel_key(key, "停用前改名").ok());
  REQUIRE(d.session.keys().retire_key(key).ok());
  const MasterData& data = d.session.master_data();
  const auto back = decode_snapshot(encode_snapshot(data, {}, 0, FoldKey{}, {}));
  REQUIRE(back.ok());
  CHECK(back.value().data.keys == data.keys);
  const KeyRecord& k = back.value().data.keys.keys.at(key);
  CHECK(k.retired);
  CHECK(k.label == "停用前改名");
  CHECK(back.value().data == data);
}

TEST_CASE("key_set ops: a filing, or a change of label or use and nothing else, written only by the keepers") {
  Device d(27);
  d.as(Role::front_desk);
  const Id key = d.keys_in(1).front();
  REQUIRE(d.session.keys().retire_key(key).ok());
  const Op retire = d.session.decoded_log().back();
  REQUIRE(retire.kind == OpKind::key_set);
  CHECK(validate_op(retire).ok());
  auto with = [&](auto change) {
    Op op = retire;
    change(op.payload);
    return validate_op(op).ok();
  };
  CHECK_FALSE(with([](Payload& p) { p.set(F::retired, std::int64_t{2}); }));
  CHECK_FALSE(with([](Payload& p) { p.set(F::custody, std::int64_t{1}); }));  // the filing is set when filed
  CHECK_FALSE(with([](Payload& p) { p.set(F::system, std::string("配电房")); }));
  CHECK_FALSE(with([](Payload& p) { p = Payload{}; p.set(F::at_ms, std::int64_t{1795500000000}); }));  // changes nothing
  CHECK(with([](Payload& p) { p.set(F::name, std::string("新标签")); }));
  CHECK_FALSE(with([](Payload& p) { p.set(F::key_kind, std::int64_t{1}); }));  // a filing needs its label
  CHECK_FALSE(role_may_write(static_cast<std::int64_t>(Role::butler), OpKind::key_set));
  CHECK(role_may_write(static_cast<std::int64_t>(Role::manager), OpKind::key_set));
}

TEST_CASE("the label sheet: each key's label, kind, place and short number, every data text escaped") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(28);
  d.as(Role::head_butler);
  const UnitRow unit = d.session.estate().unit_rows()[7];
  NewKey k;
  k.unit = unit.id;
  k.label = "<script>alert('x')</script> & \"门\"";
  const Id id = d.session.keys().add_key(k).value();
  const Id pub = d.session.keys().add_key(public_key({}, keys::Custody::centre)).value();
  const std::vector<KeyLabel> labels = d.session.keys().key_labels({pub, id, Id{3, 3}});
  REQUIRE(labels.size() == 2);  // filing order: the unit key first; the unknown id left out
  CHECK(labels[0].key == id);
  CHECK(labels[0].kind == "分户钥匙");
  CHECK(labels[0].place == unit.label);
  CHECK(labels[0].code.size() == 6);
  std::string hex = id.to_hex().substr(0, 6);
  for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(labels[0].code == hex);  // the first 6 hex digits of its id
  CHECK(labels[0].number == k.label + "-" + labels[0].code);
  CHECK(labels[1].kind == "公共钥匙 · 客服中心备用");
  CHECK(labels[1].place == "消防 → 消防水泵房");
  const std::string html = key_label_sheet_html(labels, "望江<花园>");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;门&quot;") != std::string::npos);
  CHECK(html.find("望江&lt;花园&gt;") != std::string::npos);
  CHECK(html.find(labels[0].code) != std::string::npos);
  CHECK(html.find("消防 → 消防水泵房") != std::string::npos);
  CHECK(html.find("size:A4") != std::string::npos);
}
