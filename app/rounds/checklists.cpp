// The built-in checklists. Wording follows the source documents in
// shared/seeds/: 000 (客服中心工作程序: 4.1.3 巡视公共区域及样板间, 分户电表
// 红色数字通知业主购电; 7.4.1.4 乱涂、乱画、乱贴; 9.x 绿化/清洁卫生监督; 2.x
// 装修管理), 001 (巡楼检查: 每天至少巡楼空置单元、装修单元一遍; 保障消防通道
// 畅通), 003 (管家巡视、检查、监管服务品质, 拍照记录) and shared/domain.md §1.
// Each item is one statement a butler can answer 合格 / 不合格 / 不适用 at a glance.
#include "app/rounds/checklists.hpp"

namespace app {
namespace {

ChecklistItem check(const char* zh, const char* en, bool photo = false) {
  ChecklistItem i;
  i.zh = zh;
  i.en = en;
  i.photo_required = photo;
  return i;
}

ChecklistItem reading(const char* zh, const char* en, const char* unit) {
  ChecklistItem i = check(zh, en);
  i.type = ItemType::reading;
  i.unit = unit;
  return i;
}

ChecklistTemplate make(const char* key, const char* zh, const char* en, std::vector<ChecklistItem> items) {
  ChecklistTemplate t;
  t.key = key;
  t.zh = zh;
  t.en = en;
  t.version = 1;
  t.items = std::move(items);
  return t;
}

std::vector<ChecklistTemplate> build() {
  std::vector<ChecklistTemplate> t;
  t.push_back(make("lobby", "大堂入口", "Lobby entrance", {
      check("地面干净，无垃圾、无积水、无污渍", "Floor clean: no litter, water or stains"),
      check("玻璃门、门框无手印、无灰尘，门禁正常", "Glass doors and frames clean; door entry works"),
      check("信报箱、墙面无乱涂、乱画、乱贴", "Mailboxes and walls free of graffiti and posters"),
      check("照明正常，灯具无损坏", "Lighting works, no broken fittings", true),
      check("指引标识清晰、完好", "Guidance signs clear and intact"),
      check("无杂物堆放，通道畅通", "Nothing stored, passage clear"),
  }));
  t.push_back(make("lift", "电梯轿厢内外", "Lifts, inside and out", {
      check("轿厢地面、四壁、镜面干净无污渍", "Car floor, walls and mirror clean"),
      check("按钮、显示屏完好，运行正常", "Buttons and display intact; lift runs normally", true),
      check("紧急呼叫（对讲）可用", "Emergency call (intercom) works"),
      check("电梯年检合格证在有效期内并张贴", "Annual inspection certificate valid and posted"),
      check("厅门、门槛槽无垃圾", "Landing doors and sill tracks free of rubbish"),
      check("轿厢内无乱贴广告", "No unauthorised posters in the car"),
  }));
  t.push_back(make("corridor", "各楼层走道", "Floor corridors", {
      check("地面干净，无垃圾、无积水", "Floor clean, no litter or water"),
      check("走道无杂物堆放，消防通道畅通", "No clutter; fire escape route clear"),
      check("照明、声控灯正常", "Lights and sound-activated lights work"),
      check("墙面、门面无乱涂、乱画、乱贴", "Walls and doors free of graffiti and posters"),
      check("安全出口指示灯亮", "Exit signs lit"),
  }));
  t.push_back(make("walls", "墙面", "Walls", {
      check("墙面无乱涂、乱画、乱贴", "No graffiti or posters on walls"),
      check("墙面无渗水、霉斑", "No seepage or mould", true),
      check("墙面无开裂、脱落", "No cracks or flaking", true),
      check("踢脚线、墙角无积尘、蛛网", "Skirting and corners free of dust and cobwebs"),
  }));
  t.push_back(make("fire_door", "消防门", "Fire doors", {
      check("消防门处于常闭状态，闭门器完好", "Fire door kept closed; closer works", true),
      check("门前无杂物，疏散通道畅通", "Nothing in front; escape route clear"),
      check("门体、门框无损坏", "Door and frame undamaged", true),
      check("“消防门 保持关闭”标识完好", "\"Fire door, keep closed\" sign intact"),
  }));
  t.push_back(make("hydrant", "消防栓箱", "Fire hydrant boxes", {
      check("箱门完好，开启顺畅，玻璃无破损", "Box door intact, opens freely, glass unbroken", true),
      check("水带、水枪、卷盘齐全", "Hose, nozzle and reel present", true),
      check("灭火器在有效期内，压力指针在绿区", "Extinguisher in date, gauge in the green", true),
      check("箱前无遮挡、无杂物", "Nothing blocking the box"),
      check("箱体干净无积尘", "Box clean, no dust"),
  }));
  t.push_back(make("ventilation", "通风窗", "Ventilation windows", {
      check("窗户开关正常，无破损", "Windows open and close; not broken", true),
      check("玻璃干净，窗台无积尘", "Glass clean, sill free of dust"),
      check("雨天窗户已关闭，无雨水进入", "Closed in rain; no rain coming in"),
  }));
  t.push_back(make("lamps", "灯罩", "Lamp covers", {
      check("灯罩完好，无破损、无缺失", "Lamp covers intact, none missing", true),
      check("灯罩内无积尘、无蚊虫", "No dust or insects inside the covers"),
      check("灯具照明正常", "Lamps light normally"),
  }));
  t.push_back(make("handrails", "楼梯扶手", "Stair handrails", {
      check("扶手干净无积尘", "Handrails clean, no dust"),
      check("扶手牢固，无松动、无断裂", "Handrails firm, not loose or broken", true),
      check("楼梯踏步干净，无杂物", "Stairs clean, nothing on the steps"),
  }));
  t.push_back(make("roof", "天台", "Roof", {
      check("天台门按规定上锁或保持逃生通道畅通", "Roof door locked as required or escape route clear"),
      check("无垃圾、无杂物堆放", "No rubbish or stored items"),
      check("排水口畅通，无积水", "Drains clear, no standing water", true),
      check("防水层、女儿墙无破损", "Waterproofing and parapet undamaged", true),
      check("无私搭乱建", "No unauthorised structures", true),
  }));
  t.push_back(make("plant_room", "设备房", "Plant room", {
      check("门已上锁，无关人员不得进入", "Door locked; no unauthorised entry"),
      check("设备运行正常，无异响、无异味", "Equipment runs normally; no odd noise or smell"),
      check("地面无积水、无漏水", "No water or leaks on the floor", true),
      check("运行记录填写完整", "Operating log filled in"),
      check("安全警示标识完好，灭火器在位", "Safety signs intact; extinguisher in place"),
  }));
  t.push_back(make("model_unit_open", "样板间开启", "Model unit: opening", {
      check("7:50前打开样板间房门", "Doors opened before 07:50"),
      check("开窗通风", "Windows opened to air the unit"),
      check("9:00前将通风门窗关闭", "Ventilation doors and windows closed before 09:00"),
      check("夏季开启空调，冬季开放暖气", "Air-conditioning on in summer, heating in winter"),
      check("样板间卫生、设施完好", "Model unit clean, fittings intact", true),
      check("照明开启正常", "Lights on and working"),
  }));
  t.push_back(make("model_unit_close", "样板间关闭", "Model unit: closing", {
      check("晚8:00关闭样板间", "Model unit closed at 20:00"),
      check("门、窗已关闭", "Doors and windows closed"),
      check("照明已关闭", "Lights off"),
      check("空调设备已关闭", "Air-conditioning off"),
      check("设施无损坏、无遗失", "Fittings undamaged, nothing missing", true),
  }));
  t.push_back(make("notice_board", "公告栏", "Notice board", {
      check("公告内容在有效期内，过期通知已撤下", "Notices current; expired ones removed"),
      check("张贴整齐，无破损", "Posted neatly, not torn"),
      check("无私自张贴的广告", "No unauthorised posters"),
      check("投诉受理电话、紧急求助电话已公布", "Complaint and 24-hour emergency numbers posted"),
  }));
  t.push_back(make("gate", "大门/岗亭", "Gate and guard post", {
      check("岗亭有人值守，着装整齐", "Guard on duty, in uniform"),
      check("来访登记、安全巡逻记录齐全", "Visitor register and security patrol log present"),
      check("道闸、门禁运行正常", "Barrier and access control work"),
      check("出入口干净，无杂物", "Entrance clean and clear"),
      check("指引标识清晰、完好", "Guidance signs clear and intact"),
  }));
  t.push_back(make("greening", "绿化", "Greening", {
      check("草坪修剪整齐，无杂草丛生", "Lawns trimmed, no overgrown weeds"),
      check("无枯枝败叶、无死苗", "No dead branches, leaves or plants"),
      check("绿地内无垃圾", "No rubbish in the planted areas"),
      check("无病虫害", "No pests or disease"),
      check("绿化设施（喷灌、护栏）完好", "Greening fixtures (sprinklers, fences) intact"),
  }));
  t.push_back(make("signage", "设施与标识", "Facilities and signage", {
      check("各项物业设施指引清晰、完好", "Facility guidance signs clear and intact"),
      check("公共设施运作正常", "Public facilities working"),
      check("设施无损坏", "Facilities undamaged", true),
      check("安全警示标识齐全", "Safety warning signs complete"),
  }));
  t.push_back(make("security_log", "安全巡逻记录检查", "Security patrol log check", {
      check("巡逻记录按时填写", "Patrol log filled in on time"),
      check("巡逻路线、签到点齐全", "Patrol route and sign-in points complete"),
      check("异常情况已记录并上报", "Anything unusual recorded and reported"),
  }));
  t.push_back(make("vacant_unit", "空置房", "Vacant unit", {
      check("门窗关闭完好", "Doors and windows closed and intact"),
      check("室内无漏水、无渗水", "No leaks or seepage inside", true),
      check("墙面、地面无损坏", "Walls and floors undamaged", true),
      check("无异味、无虫害", "No odour or pests"),
      reading("分户电表读数", "Electricity meter reading", "度"),
      check("分户电表未显示红色数字（显示红色数字须通知业主购电）", "Meter not showing red digits (red digits: tell the owner to buy power)"),
  }));
  t.push_back(make("renovation_unit", "装修单元", "Unit under renovation", {
      check("《装修许可证》已张贴", "Renovation permit posted"),
      check("施工人员佩戴《出入证》", "Workers wear their passes"),
      check("无拆改承重结构等违章装修", "No illegal work such as altering load-bearing structure", true),
      check("装修垃圾袋装并及时清运，公共区域无堆放", "Renovation rubbish bagged and cleared; none in public areas", true),
      check("配备灭火器，无违规用火用电", "Extinguisher on site; no unsafe fire or wiring", true),
      check("在规定时间内施工，无噪音滋扰他人休息", "Work within permitted hours; no noise disturbing rest"),
  }));
  t.push_back(make("meter", "电表读数", "Electricity meter", {
      reading("分户电表读数", "Electricity meter reading", "度"),
      check("电表未显示红色数字（显示红色数字须通知业主购电）", "Meter not showing red digits (red digits: tell the owner to buy power)"),
  }));
  return t;
}

}  // namespace

const std::vector<ChecklistTemplate>& builtin_templates() {
  static const std::vector<ChecklistTemplate> templates = build();
  return templates;
}

const ChecklistTemplate* find_template(std::string_view key) {
  for (const ChecklistTemplate& t : builtin_templates()) {
    if (t.key == key) return &t;
  }
  return nullptr;
}

const ChecklistTemplate& template_for(CheckpointKind kind) {
  static const char* const keys[] = {"lobby",     "lift",  "corridor",  "walls",      "fire_door",       "hydrant",      "ventilation",
                                     "lamps",     "handrails", "roof",  "plant_room", "model_unit_open", "notice_board", "gate"};
  const auto k = static_cast<std::int64_t>(kind);
  const ChecklistTemplate* t = k >= 0 && k < 14 ? find_template(keys[k]) : nullptr;
  return t ? *t : builtin_templates().front();
}

}  // namespace app
