#include "app/setup/sheet_columns.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "app/core/local_time.hpp"

namespace app {
namespace {

struct KindWords {
  ImportKind kind;
  std::string_view key, title;
};
constexpr KindWords kKinds[] = {
    {ImportKind::units, "units", "房屋"},         {ImportKind::residents, "residents", "住户"},
    {ImportKind::staff, "staff", "员工"},         {ImportKind::keys, "keys", "钥匙"},
    {ImportKind::zones, "zones", "责任区"},       {ImportKind::checkpoints, "checkpoints", "巡查点"},
    {ImportKind::prices, "prices", "有偿维修价目"},
};

// The places every unit-bound sheet names a unit by.
const ImportColumn kBuilding{"楼栋", {"楼号", "楼宇", "栋号", "楼座", "building"}, true, "3栋"};
const ImportColumn kStairwell{"单元", {"单元号", "stairwell"}, false, "2"};
const ImportColumn kRoom{"房号", {"房间号", "门牌号", "室号", "room"}, true, "1502"};

const std::vector<ImportColumn>& table(ImportKind kind) {
  static const std::vector<ImportColumn> units{
      kBuilding, kStairwell, kRoom,
      {"楼层", {"层", "所在楼层", "floor"}, true, "15"},
      {"状态", {"房屋状态", "status"}, false, "已入住"}};
  static const std::vector<ImportColumn> residents{
      kBuilding, kStairwell, kRoom,
      {"姓名", {"住户姓名", "业主姓名", "客户姓名", "name"}, true, "张三"},
      {"身份", {"住户类别", "类别", "关系", "住户身份", "relation"}, false, "业主"},
      {"电话", {"手机", "手机号", "手机号码", "联系电话", "电话号码", "phone"}, false, "13800138000"},
      {"入住日期", {"入住时间", "迁入日期", "moved in"}, false, "2026-03-01"},
      {"迁出日期", {"迁出时间", "moved out"}, false, ""},
      {"职业", {"工作单位", "occupation"}, false, ""}};
  static const std::vector<ImportColumn> staff{
      {"工号", {"员工编号", "编号", "code"}, true, "GJ001"},
      {"姓名", {"员工姓名", "name"}, true, "李四"},
      {"岗位", {"职位", "角色", "职务", "role"}, true, "客服管家"},
      {"电话", {"手机", "手机号", "联系电话", "phone"}, false, "13900139000"},
      {"初始PIN", {"PIN", "初始密码", "密码", "pin"}, false, ""}};
  static const std::vector<ImportColumn> keys{
      {"标签", {"钥匙标签", "钥匙编号", "钥匙名称", "label"}, true, "3栋2单元1502"},
      {"类别", {"钥匙类别", "种类", "类型", "kind"}, true, "分户钥匙"},
      {"所属", {"房号", "对应房号", "位置", "归属", "owner"}, false, "3栋2单元1502"},
      {"设备类别", {"设备分类", "category"}, false, ""},
      {"系统", {"设备系统", "system"}, false, ""},
      {"保管", {"保管部门", "保管方", "custody"}, false, "客服中心"}};
  static const std::vector<ImportColumn> zones{
      {"名称", {"责任区", "片区", "区域", "zone", "name"}, true, "一区"},
      {"楼栋", {"楼号", "楼宇", "buildings"}, true, "1栋、2栋"},
      {"管家工号", {"管家", "责任管家", "客服管家", "butler"}, false, "GJ001"},
      {"顺序", {"序号", "position"}, false, "1"}};
  static const std::vector<ImportColumn> checkpoints{
      {"名称", {"巡查点", "点位", "检查点", "name"}, true, "3栋大堂入口"},
      {"楼栋", {"楼号", "楼宇", "building"}, false, "3栋"},
      {"种类", {"类别", "类型", "kind"}, true, "大堂"},
      {"责任区", {"片区", "区域", "zone"}, false, "一区"},  // blank: the zone that holds its building
      {"顺序", {"序号", "路线顺序", "position"}, false, "1"}};
  static const std::vector<ImportColumn> prices{
      {"项目", {"维修项目", "名称", "item"}, true, "更换水龙头"},
      {"单位", {"计量单位", "unit"}, true, "个"},
      {"单价", {"单价(元)", "单价（元）", "价格", "收费标准", "price"}, true, "30.00"}};
  switch (kind) {
    case ImportKind::units: return units;
    case ImportKind::residents: return residents;
    case ImportKind::staff: return staff;
    case ImportKind::keys: return keys;
    case ImportKind::zones: return zones;
    case ImportKind::checkpoints: return checkpoints;
    case ImportKind::prices: return prices;
  }
  return units;
}

// A header cell as it is compared: trimmed, no spaces or marks a sheet adds
// ("*姓名", "电话：", "单价 (元)"), ASCII lower-cased, full-width brackets as ASCII.
std::string header_key(std::string_view cell) {
  std::string s = trim_cell(cell);
  auto replace_all = [&](std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  };
  replace_all("（", "(");
  replace_all("）", ")");
  replace_all("：", "");
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '*' || c == ':' || c == '\t') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

std::string_view import_kind_key(ImportKind kind) { return kKinds[static_cast<int>(kind)].key; }
std::string_view import_kind_title(ImportKind kind) { return kKinds[static_cast<int>(kind)].title; }

i18n::S import_kind_label(ImportKind kind) {
  using i18n::S;
  constexpr S kLabels[] = {S::setup_kind_units, S::setup_kind_residents, S::setup_kind_staff,  S::setup_kind_keys,
                           S::setup_kind_zones, S::setup_kind_checkpoints, S::setup_kind_prices};
  static_assert(std::size(kLabels) == kImportKindCount);
  return kLabels[static_cast<int>(kind)];
}

std::optional<ImportKind> import_kind_named(std::string_view word) {
  for (const KindWords& k : kKinds) {
    if (word == k.key || word == k.title) return k.kind;
  }
  if (word == "price-list" || word == "价目表") return ImportKind::prices;
  return std::nullopt;
}

const std::vector<ImportColumn>& import_columns(ImportKind kind) { return table(kind); }

Result<std::vector<int>> match_header(ImportKind kind, const SheetRow& header, std::vector<std::string>* ignored) {
  const auto& columns = table(kind);
  std::vector<int> at(columns.size(), -1);
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const std::string key = header_key(header.cells[i]);
    if (key.empty()) continue;
    bool known = false;
    for (std::size_t c = 0; c < columns.size() && !known; ++c) {
      bool match = header_key(columns[c].title) == key;
      for (std::string_view alias : columns[c].aliases) match = match || header_key(alias) == key;
      if (!match) continue;
      known = true;
      if (at[c] >= 0) {
        return Error{"bad_file", "line " + std::to_string(header.line) + ": two columns are " + std::string(columns[c].title) +
                                     " (\"" + header.cells[at[c]] + "\" and \"" + header.cells[i] + "\")"};
      }
      at[c] = static_cast<int>(i);
    }
    if (!known && ignored) ignored->push_back(trim_cell(header.cells[i]));
  }
  std::string missing;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (!columns[c].required || at[c] >= 0) continue;
    missing += "\n  " + std::string(columns[c].title) + " (or";
    for (std::string_view a : columns[c].aliases) missing += " " + std::string(a);
    missing += ")";
  }
  if (!missing.empty()) {
    return Error{"bad_file", "line " + std::to_string(header.line) + ": the " + std::string(import_kind_title(kind)) +
                                 " sheet lacks these columns:" + missing};
  }
  return at;
}

std::string import_template_csv(ImportKind kind) {
  std::string header = "\xEF\xBB\xBF", example;
  for (const ImportColumn& c : table(kind)) {
    if (header.size() > 3) header += ',', example += ',';
    header += std::string(c.title);
    example += '"' + std::string(c.example) + '"';  // quoted: 1502 and 0502 stay text
  }
  return header + "\r\n" + example + "\r\n";
}

std::string trim_cell(std::string_view s) {
  auto space = [](std::string_view t, std::size_t at) -> std::size_t {
    if (t[at] == ' ' || t[at] == '\t' || t[at] == '\r' || t[at] == '\n') return 1;
    if (t.substr(at, 3) == "\xE3\x80\x80") return 3;  // the full-width space an IME types
    return 0;
  };
  std::size_t b = 0, e = s.size();
  while (b < e && space(s, b)) b += space(s, b);
  while (e > b) {
    if (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n') --e;
    else if (e - b >= 3 && s.substr(e - 3, 3) == "\xE3\x80\x80") e -= 3;
    else break;
  }
  return std::string(s.substr(b, e - b));
}

std::optional<std::int64_t> parse_day_cell(std::string_view cell) {
  const std::int64_t day = parse_day(trim_cell(cell));
  return day ? std::optional(day) : std::nullopt;
}

std::optional<Relation> parse_relation_cell(std::string_view cell) {
  const std::string s = trim_cell(cell);
  if (s.empty() || s == "业主" || s == "产权人" || s == "owner") return Relation::owner;
  if (s == "家属" || s == "家庭成员" || s == "同住人" || s == "family") return Relation::family;
  if (s == "租户" || s == "租客" || s == "承租人" || s == "tenant") return Relation::tenant;
  return std::nullopt;
}

std::optional<Role> parse_role_cell(std::string_view cell) {
  const std::string s = trim_cell(cell);
  struct Name { std::string_view word; Role role; };
  static const Name kNames[] = {
      {"客服管家", Role::butler},        {"管家", Role::butler},           {"butler", Role::butler},
      {"大管家", Role::head_butler},     {"客服主管", Role::head_butler},  {"管家主管", Role::head_butler},
      {"head_butler", Role::head_butler}, {"前台", Role::front_desk},       {"前台文员", Role::front_desk},
      {"客服助理", Role::front_desk},    {"front_desk", Role::front_desk}, {"管理处主任", Role::manager},
      {"主任", Role::manager},           {"客服经理", Role::manager},      {"manager", Role::manager},
      {"工程部", Role::engineering},     {"工程", Role::engineering},      {"维修工", Role::engineering},
      {"engineering", Role::engineering}, {"秩序维护部", Role::security},    {"保安", Role::security},
      {"秩序维护员", Role::security},    {"security", Role::security},     {"保洁", Role::cleaning},
      {"保洁员", Role::cleaning},        {"cleaning", Role::cleaning},     {"绿化", Role::greening},
      {"绿化工", Role::greening},        {"greening", Role::greening},
  };
  for (const Name& n : kNames) {
    if (s == n.word) return n.role;
  }
  return std::nullopt;
}

std::optional<CheckpointKind> parse_checkpoint_kind_cell(std::string_view cell) {
  const std::string s = trim_cell(cell);
  struct Name { std::string_view word; CheckpointKind kind; };
  // The built-in checklists' names (app/rounds/checklists.cpp) and the short words people use.
  static const Name kNames[] = {
      {"大堂", CheckpointKind::lobby},        {"大堂入口", CheckpointKind::lobby},     {"lobby", CheckpointKind::lobby},
      {"电梯", CheckpointKind::lift},         {"电梯轿厢内外", CheckpointKind::lift},  {"lift", CheckpointKind::lift},
      {"走道", CheckpointKind::corridor},     {"各楼层走道", CheckpointKind::corridor}, {"走廊", CheckpointKind::corridor},
      {"corridor", CheckpointKind::corridor}, {"墙面", CheckpointKind::walls},          {"walls", CheckpointKind::walls},
      {"防火门", CheckpointKind::fire_door},  {"消防门", CheckpointKind::fire_door},   {"fire_door", CheckpointKind::fire_door}, {"消防箱", CheckpointKind::hydrant}, {"消防栓", CheckpointKind::hydrant},
      {"消防栓箱", CheckpointKind::hydrant},  {"hydrant", CheckpointKind::hydrant},     {"通风窗", CheckpointKind::ventilation},
      {"ventilation", CheckpointKind::ventilation}, {"灯罩", CheckpointKind::lamps},     {"灯具", CheckpointKind::lamps},
      {"lamps", CheckpointKind::lamps},       {"楼梯扶手", CheckpointKind::handrails},  {"扶手", CheckpointKind::handrails},
      {"handrails", CheckpointKind::handrails}, {"天台", CheckpointKind::roof},         {"roof", CheckpointKind::roof},
      {"设备房", CheckpointKind::plant_room}, {"机房", CheckpointKind::plant_room},     {"plant_room", CheckpointKind::plant_room},
      {"样板间", CheckpointKind::model_unit}, {"model_unit", CheckpointKind::model_unit}, {"公告栏", CheckpointKind::notice_board},
      {"notice_board", CheckpointKind::notice_board}, {"大门", CheckpointKind::gate},  {"岗亭", CheckpointKind::gate},
      {"大门/岗亭", CheckpointKind::gate},    {"gate", CheckpointKind::gate},
      {"绿化", CheckpointKind::greening},     {"绿化带", CheckpointKind::greening},    {"花园", CheckpointKind::greening},
      {"greening", CheckpointKind::greening}, {"标识", CheckpointKind::signage},       {"指引标识", CheckpointKind::signage},
      {"设施与标识", CheckpointKind::signage}, {"signage", CheckpointKind::signage},
  };
  for (const Name& n : kNames) {
    if (s == n.word) return n.kind;
  }
  return std::nullopt;
}

std::optional<UnitStatus> parse_unit_status_cell(std::string_view cell) {
  const std::string s = trim_cell(cell);
  if (s.empty() || s == "已入住" || s == "入住" || s == "occupied") return UnitStatus::occupied;
  if (s == "空置" || s == "空置房" || s == "vacant") return UnitStatus::vacant;
  if (s == "装修中" || s == "装修" || s == "renovating") return UnitStatus::renovating;
  if (s == "样板间" || s == "model") return UnitStatus::model;
  return std::nullopt;
}

std::vector<std::string> split_list_cell(std::string_view cell) {
  std::string s(cell);
  for (std::string_view sep : {"、", "，", "；", "／"}) {
    for (std::size_t at = s.find(sep); at != std::string::npos; at = s.find(sep)) s.replace(at, sep.size(), ",");
  }
  std::vector<std::string> out;
  std::string item;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const bool sep = i == s.size() || s[i] == ',' || s[i] == ';' || s[i] == '/' || s[i] == ' ';
    if (!sep) {
      item += s[i];
      continue;
    }
    if (std::string t = trim_cell(item); !t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    item.clear();
  }
  return out;
}

std::string place_key(std::string_view text) {
  std::string out;
  const std::string s = trim_cell(text);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '-' || c == '#' || c == '_') continue;
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) { i += 2; continue; }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace app
