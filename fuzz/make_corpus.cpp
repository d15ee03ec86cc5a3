// Writes the fuzz targets' seed corpus (fuzz/corpus/<target>/) from the core's
// own encoders: ops of the demo community, a small backup of them, sync and
// enrolment bodies, the import templates and a few office sheets, checklist
// and handover items. Deterministic: the demo is seeded and the ids here are
// drawn from a fixed seed, so running it again writes the same files. The
// corpus' crash-* files are not from here: each is an input that once found a
// bug (kept so every run checks it still passes).
//   build/fuzz/fuzz/make_fuzz_corpus fuzz/corpus
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iconv.h>
#include <map>
#include <string>
#include <vector>

#include "app/core/signature.hpp"
#include "app/demo/demo_community.hpp"
#include "app/handover/handover_codec.hpp"
#include "app/ops/codec.hpp"
#include "app/rounds/checklist_codec.hpp"
#include "app/rounds/checklists.hpp"
#include "app/rounds/rounds_data.hpp"
#include "app/setup/import_service.hpp"
#include "app/store/backup.hpp"
#include "app/sync/wire.hpp"
#include "fuzz/fuzz_check.hpp"

namespace fs = std::filesystem;

namespace {

fs::path root;

void write(const std::string& target, const std::string& name, std::string_view bytes) {
  const fs::path dir = root / target;
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size(), out_left = out.size();
  char* to = out.data();
  iconv(cd, &in, &in_left, &to, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

// The ops the other seeds are made of: the shortest op of each kind the demo
// records, and a checklist edit and a handover, which it does not.
std::vector<app::Op> seed_ops(fuzz::Random& random) {
  app::DemoOptions options;
  options.history_days = 2;  // a few finished rounds, their answers and findings too
  const app::DemoCommunity demo = app::generate_demo(options);
  std::map<app::OpKind, app::Op> shortest;
  for (const app::Op& op : demo.ops) {
    auto it = shortest.find(op.kind);
    if (it == shortest.end() || app::encode_op(op).size() < app::encode_op(it->second).size()) shortest[op.kind] = op;
  }
  std::vector<app::Op> ops;
  for (const auto& [kind, op] : shortest) ops.push_back(op);
  const app::Op& like = demo.ops.back();

  const app::ChecklistTemplate& lift = *app::find_template("lift");
  app::Op edit = like;
  edit.op_id = app::Id::random(random);
  edit.kind = app::OpKind::checklist_saved;
  edit.entity = app::checklist_entity(lift.key, 2);
  edit.payload = app::Payload{};
  std::vector<app::ChecklistItem> items(lift.items.begin(), lift.items.begin() + std::min<std::size_t>(4, lift.items.size()));
  edit.payload.set(app::F::checklist, lift.key).set(app::F::version, std::int64_t{2}).set(app::F::name, lift.zh)
      .set(app::F::items, app::encode_items(items)).set(app::F::at_ms, like.hlc.wall_ms);
  ops.push_back(edit);

  app::Op handover = like;
  handover.op_id = app::Id::random(random);
  handover.kind = app::OpKind::handover_written;
  handover.entity = app::Id::random(random);
  handover.payload = app::Payload{};
  app::Signature signature;
  signature.strokes.push_back({{100, 500}, {300, 420}, {520, 610}, {800, 480}});
  app::HandoverItem item;
  item.kind = app::handover::ItemKind::key_out;
  item.ref = app::Id::random(random);
  item.due_ms = like.hlc.wall_ms + 3600000;
  item.text = "3栋 2单元 1502 · 李师傅（施工单位） · 应还 18:00";
  handover.payload.set(app::F::handover_items, app::encode_handover_items({item}))
      .set(app::F::item_count, std::int64_t{1}).set(app::F::note, "电梯 2 号机下午维保")
      .set(app::F::signature, app::encode_signature(signature)).set(app::F::at_ms, like.hlc.wall_ms);
  ops.push_back(handover);
  return ops;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_fuzz_corpus DIR  (writes DIR/<target>/)\n");
    return 2;
  }
  root = argv[1];
  fuzz::Random random(20261124);
  const std::vector<app::Op> ops = seed_ops(random);

  // decode_op: each op's record.
  std::vector<std::string> records;
  for (const app::Op& op : ops) records.push_back(app::encode_op(op));
  for (std::size_t i = 0; i < ops.size(); ++i) write("decode_op", std::string(app::op_kind_name(ops[i].kind)), records[i]);

  // backup: an empty one, one op, and a handful of kinds.
  write("backup", "empty", app::encode_backup({}));
  write("backup", "one_op", app::encode_backup({ops.front()}));
  write("backup", "mixed", app::encode_backup(std::vector<app::Op>(ops.end() - 6, ops.end())));

  // sync_json: each message as its encoder writes it, and an error body.
  const app::Id device = app::Id::random(random);
  write("sync_json", "request", app::sync::encode_request(device, 42, {records[0], records[1]}));
  write("sync_json", "request_empty", app::sync::encode_request(device, 0, {}));
  write("sync_json", "response", app::sync::encode_response({ops[0].op_id, ops[1].op_id}, {records[2]}, 1234, true, 3));
  app::sync::EnrollRequest enroll;
  enroll.code = "GJ001";
  enroll.pin = "123456";
  enroll.device_id = device;
  write("sync_json", "enroll_request", app::sync::encode_enroll_request(enroll));
  enroll.office = true;
  write("sync_json", "enroll_request_office", app::sync::encode_enroll_request(enroll));
  app::sync::EnrollResponse enrolled;
  enrolled.token = std::string(64, 'a');
  enrolled.community = app::Id::random(random);
  enrolled.staff = app::Id::random(random);
  enrolled.community_name = "锦绣花园 \"东区\"\t\\";
  enrolled.role = 1;
  enrolled.tablet_no = 3;
  write("sync_json", "enroll_response", app::sync::encode_enroll_response(enrolled));
  write("sync_json", "error", app::sync::error_body("conflict", "op 3 \u2192 stored with other content"));
  write("sync_json", "escapes", "{\"a\":[1,-2,true,false,null,\"\\u00e9\\ud83d\\ude00\\n\"],\"b\":{}}");

  // csv_import: each kind's template, and office sheets as an office writes them.
  for (std::int64_t k = 0; k < app::kImportKindCount; ++k) {
    const auto kind = static_cast<app::ImportKind>(k);
    write("csv_import", "template_" + std::string(app::import_kind_key(kind)) + ".csv", app::import_template_csv(kind));
  }
  const std::string units =
      "楼栋,单元,房号,楼层,面积,状态\n"
      "3栋,2单元,1502,15,89.5,已入住\n"
      "3栋,2单元,1503,15,\"120\",空置\n"
      "5号楼,,0101,1,,装修中\n";
  write("csv_import", "units.csv", units);
  write("csv_import", "units_gbk.csv", gb18030(units));
  write("csv_import", "staff.csv",
        "工号,姓名,岗位,电话,初始PIN\r\nGJ101,王芳,客服管家,13800001111,246810\r\nGJ102,\"李 \"\"强\"\"\",前台,,\r\n");
  write("csv_import", "zones.csv", "区域,楼栋\n东区,\"1栋、2栋\"\n西区,3栋 5栋\n");

  // checklist_codec: built-in lists with items of each type, and a round's pins.
  std::vector<bool> type_seen(4, false);
  for (const app::ChecklistTemplate& t : app::builtin_templates()) {
    bool adds = false;
    for (const app::ChecklistItem& it : t.items) {
      if (!type_seen[static_cast<std::size_t>(it.type)]) type_seen[static_cast<std::size_t>(it.type)] = adds = true;
    }
    if (adds) write("checklist_codec", t.key, app::encode_items(t.items));
  }
  write("checklist_codec", "pins", app::encode_pins({{"lift", 3}, {"lobby", 2}}));

  // handover_codec: the items of the handover above, and a longer list.
  std::vector<app::HandoverItem> items;
  for (std::int64_t k = 0; k <= 8; ++k) {
    app::HandoverItem it;
    it.kind = static_cast<app::handover::ItemKind>(k);
    it.ref = app::Id::random(random);
    it.due_ms = k % 2 ? 1790000000000 + k : 0;
    it.overdue = k % 3 == 0;
    it.text = "事项 " + std::to_string(k) + " · 3栋 1502";
    items.push_back(it);
  }
  write("handover_codec", "one", app::encode_handover_items({items.front()}));
  write("handover_codec", "all_kinds", app::encode_handover_items(items));
  return 0;
}
