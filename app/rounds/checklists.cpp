// The built-in inspection checklists (巡查检查表). The wording is the source
// documents' own where they have it (shared/seeds/), so a butler reads the
// phrases of the manual they were trained on:
// - 000_4de86dc32e298554.txt (客服中心各工作程序): 3.1.4.3 设施指引、清洁、绿化;
//   3.1.4.6 / 4.1.3.6 分户电表显示红色数字→通知业主购电; 4.1.3.4 样板间开放时间
//   与开窗通风; 5.1.4.3 “正在维修”警示牌; 7.4.1 公共场地、乱涂乱画乱贴、窗外和
//   玻璃上悬挂张贴招牌及广告; 9.1.5 绿化检查(黄叶、折断、观赏面); 2.4 装修
//   (《出入证》、指定现场作业、按规定清运垃圾); 日常巡查(公告栏、保安部巡逻情况表
//   和记事本); 保安部监督(穿戴规范、岗位正常).
// - 001_c5d7a6057436a17c.txt (客户服务部工作手册): 投诉受理电话、紧急求助电话
//   公布于主要出入口; 杂草丛生、枯枝败叶; 保障消防通道畅通; 漏(渗)水、电力房;
//   室内装修许可证; 夜间投诉次日9:00前转交.
// - 002_c98cacd8a4f12075.txt: 装修噪音施工滋扰他人休息; 鼠、虫防治; 秩管部巡逻
//   数据、夜查情况、交接班记录.
// - 003_ebab17ccd50fa193.txt: 空岗; 管家巡视检查, 记录方式包括表单记录和拍照.
// - 004_144e7e38afab0338.txt: 3.4 每天巡楼空置单元、装修单元; 3.5 the list of
//   public places (大堂入口…天台) and “清洁卫生和公共设施设备的完好情况”;
//   4.5.4 破坏承重结构、损坏防水层.
// Where a manual names a place but not what "clean" or "intact" means there,
// the item spells it out as one statement answerable 合格/不合格/不适用 at a
// glance. photo_required marks the failures that must be evidenced (damage,
// leaks, structural or fire-safety problems), because those become dispatch
// slips and disputes.
#include "app/rounds/checklists.hpp"

#include <utility>

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

constexpr bool photo = true;

std::vector<ChecklistTemplate> build() {
  std::vector<ChecklistTemplate> t;
  // 004 3.5: 大堂入口、电梯内外、各层走廊、墙壁、防火门、消防箱、铝合金通风窗、
  // 灯罩、楼梯扶手、天台 — cleanliness and the condition of public facilities.
  t.push_back(make("lobby", "大堂入口", "Lobby entrance", {
      check("地面无垃圾、无积水、无污渍", "Floor free of litter, water and stains"),
      check("玻璃门、门框清洁，无手印、无灰尘", "Glass doors and frames clean, no fingerprints or dust"),
      check("墙面、信报箱无乱涂、乱画、乱贴", "Walls and mailboxes free of graffiti, scribbles and posters"),
      check("照明正常，灯具完好无损坏", "Lighting works; fittings undamaged"),
      check("无私自占用公共场地、堆放杂物，通道畅通", "Nobody occupies the space or stores things; way clear"),
      check("各项物业设施指引清晰、完好", "Guidance signs for facilities clear and intact"),
  }));
  t.push_back(make("lift", "电梯轿厢内外", "Lifts, inside and out", {
      check("轿厢地面、四壁、镜面清洁，无污渍", "Car floor, walls and mirror clean, no stains"),
      check("电梯厅地面无垃圾，厅门、门槛槽无积尘", "Lift lobby free of litter; landing doors and sill tracks free of dust"),
      check("轿厢内无乱涂、乱画、乱贴", "No graffiti, scribbles or posters in the car"),
      check("按钮、楼层显示完好，运行正常", "Buttons and floor display intact; lift runs normally"),
      check("轿厢照明、通风正常", "Car lighting and fan work"),
      check("紧急呼叫（对讲）正常", "Emergency call (intercom) works"),
  }));
  t.push_back(make("corridor", "各楼层走道", "Floor corridors", {
      check("地面无垃圾、无积水、无污渍", "Floor free of litter, water and stains"),
      check("楼道无杂物堆放、无私自占用，消防通道畅通", "No clutter or private use of the corridor; fire escape clear"),
      check("墙面、户门无乱涂、乱画、乱贴", "Walls and front doors free of graffiti, scribbles and posters"),
      check("照明正常，无不亮的灯", "Lighting works, no lamp out"),
      check("安全出口指示灯亮、完好", "Exit signs lit and intact"),
  }));
  t.push_back(make("walls", "墙面", "Walls", {
      check("墙面无乱涂、乱画、乱贴", "Walls free of graffiti, scribbles and posters"),
      check("墙面清洁，无污渍、无蛛网", "Walls clean, no stains or cobwebs"),
      check("墙面无渗水、无霉斑", "No seepage or mould on the walls", photo),
      check("墙面无开裂、无脱落", "No cracks or flaking", photo),
  }));
  t.push_back(make("fire_door", "防火门", "Fire doors", {
      check("防火门保持关闭，闭门器完好", "Fire door kept closed; door closer works", photo),
      check("门前无杂物堆放，消防通道畅通", "Nothing stored in front; fire escape clear", photo),
      check("门体、门框清洁，无损坏", "Door leaf and frame clean and undamaged"),
      check("门上无乱涂、乱画、乱贴", "No graffiti, scribbles or posters on the door"),
  }));
  t.push_back(make("hydrant", "消防箱", "Hydrant boxes", {
      check("消防箱清洁，无积尘", "Hydrant box clean, no dust"),
      check("箱门开启顺畅，玻璃无破损", "Box door opens freely; glass unbroken"),
      check("箱内水带、水枪齐全，无缺失", "Hose and nozzle present, nothing missing", photo),
      check("箱前无遮挡、无杂物堆放", "Nothing blocking or stored in front of the box", photo),
  }));
  t.push_back(make("ventilation", "通风窗", "Ventilation windows", {
      check("铝合金通风窗清洁，窗台无积尘", "Aluminium ventilation windows clean; sill free of dust"),
      check("通风窗开关正常，玻璃无破损", "Windows open and close; glass unbroken"),
      check("窗外和玻璃上无悬挂、张贴招牌及广告", "No signs or adverts hung outside the window or stuck on the glass"),
  }));
  t.push_back(make("lamps", "灯罩", "Lamp covers", {
      check("灯罩清洁，无积尘、无蚊虫", "Lamp covers clean, no dust or insects inside"),
      check("灯罩完好，无破损、无缺失", "Lamp covers intact, none broken or missing"),
      check("灯具照明正常", "Lamps light normally"),
  }));
  t.push_back(make("handrails", "楼梯扶手", "Stair handrails", {
      check("扶手清洁，无积尘、无污渍", "Handrails clean, no dust or stains"),
      check("扶手牢固，无松动、无断裂", "Handrails firm, not loose or broken", photo),
      check("楼梯踏步无垃圾、无杂物", "Stair steps free of litter and clutter"),
  }));
  // 000 7.3.2: 楼道、屋面、门岗等处不规范使用现象.
  t.push_back(make("roof", "天台", "Roof", {
      check("天台无垃圾、无杂物堆放", "Roof free of rubbish and stored things"),
      check("屋面无私自占用等不规范使用现象", "No private occupation or other misuse of the roof", photo),
      check("排水口畅通，无积水", "Drains clear, no standing water"),
      check("屋面防水层无破损", "Roof waterproofing undamaged", photo),
      check("天台门完好，按规定锁闭", "Roof door intact and locked as required"),
  }));
  // Pump room, power room: 001 asks to keep water out of the 电力房; the key
  // label names the 设备房 (000 1.1.4.3).
  t.push_back(make("plant_room", "设备房", "Plant room", {
      check("设备房门已上锁，无关人员不得进入", "Door locked; no unauthorised entry"),
      check("设备房名称标识、安全警示标识完好", "Room name sign and safety warning signs intact"),
      check("地面清洁，无杂物堆放", "Floor clean, nothing stored"),
      check("无漏水、渗水，无积水渗入电力房", "No leaks or seepage; no water reaching the power room", photo),
      check("设备运行正常，无异响、无异味", "Equipment runs normally, no odd noise or smell"),
      check("设备运行记录填写完整", "Equipment log filled in"),
  }));
  // 000 4.1.3.4 (样板间开放时间早8:00-晚8:00) and 4.1.3.5, split by shift.
  t.push_back(make("model_unit_open", "样板间开启", "Model unit: opening", {
      check("7:50前打开样板间的房门", "Model unit doors opened before 07:50"),
      check("对样板间进行开窗通风", "Windows opened to air the unit"),
      check("9:00前将通风门窗关闭", "Ventilation doors and windows closed before 09:00"),
      check("夏季开启空调，冬季开放暖气", "Air-conditioning on in summer, heating on in winter"),
      check("照明已开启，灯具正常", "Lights switched on and working"),
      check("样板间卫生清洁，无灰尘、无垃圾", "Model unit clean: no dust, no rubbish"),
      check("样板间设施完好，无损坏、无缺失", "Fittings intact, nothing damaged or missing", photo),
  }));
  t.push_back(make("model_unit_close", "样板间关闭", "Model unit: closing", {
      check("晚8:00关闭所有样板间", "All model units closed at 20:00"),
      check("窗已关闭", "Windows closed"),
      check("照明已关闭", "Lights off"),
      check("空调设备（暖气）已关闭", "Air-conditioning (heating) off"),
      check("电源已关闭", "Power switched off"),
      check("样板间设施完好，无损坏、无缺失", "Fittings intact, nothing damaged or missing", photo),
      check("房门已关闭上锁", "Doors closed and locked"),
  }));
  // A model unit on the daytime zone round (000:563 "按规定路线巡视公共区域及样板间"):
  // open, aired and shut, kept clean and intact (000:565, 000:567
  // "巡查…样板间的卫生、设施,并做好记录") — not the early shift's opening items.
  t.push_back(make("model_unit_day", "样板间日间巡查", "Model unit: daytime check", {
      check("开放时间内（早8:00-晚8:00）样板间房门开启", "Open during its hours (08:00–20:00)"),
      check("通风门窗已关闭，夏季空调、冬季暖气开启", "Ventilation windows shut; air-conditioning in summer, heating in winter"),
      check("照明正常，灯具完好", "Lights working, fittings intact"),
      check("样板间卫生清洁，无灰尘、无垃圾", "Model unit clean: no dust, no rubbish"),
      check("样板间设施完好，无损坏、无缺失", "Fittings intact, nothing damaged or missing", photo),
  }));
  t.push_back(make("notice_board", "公告栏", "Notice board", {
      check("公告内容在有效期内，过期通知已撤下", "Notices current; expired ones taken down"),
      check("张贴整齐，无破损、无污渍", "Posted neatly; not torn or dirty"),
      check("无未经批准私自张贴的广告", "No unapproved posters or adverts"),
      check("已公布投诉受理电话、紧急求助电话（24小时值班电话）", "Complaint line and emergency (24-hour duty) number posted"),
  }));
  // 000 第二部分 保安部: 穿戴是否规范, 各个岗位是否正常; 003: 空岗.
  t.push_back(make("gate", "大门/岗亭", "Gate and guard post", {
      check("岗位正常，无空岗", "Post manned, not left empty"),
      check("保安穿戴规范", "Guard's uniform worn correctly"),
      check("岗亭内有安全巡逻记录（巡逻情况表和记事本）", "Security patrol log (patrol sheet and notebook) at the post"),
      check("来访登记、车辆进出登记齐全", "Visitor and vehicle in/out registers kept"),
      check("大门出入口清洁，无垃圾、无杂物", "Gate and entrance clean, no rubbish or clutter"),
      check("指引标识清晰、完好", "Guidance signs clear and intact"),
  }));
  // 000 9.1.5: 浇水、抹叶、除尘、修剪、清除杂物; 黄叶、折断、残留枝叶; 观赏面.
  t.push_back(make("greening", "绿化", "Greening", {
      check("草坪修剪整齐，无杂草丛生", "Lawns trimmed, not overgrown with weeds"),
      check("无枯枝败叶", "No dead branches or leaves"),
      check("花槽、盆栽植物无黄叶、折断、残留枝叶", "Planters and pot plants free of yellow, broken or leftover leaves"),
      check("绿化区域内无垃圾、杂物", "No rubbish or clutter in the planted areas"),
      check("植物摆设高低整齐，观赏面正对客人视线", "Plants arranged evenly, best side facing the viewer"),
      check("植物已浇水，叶面无积尘", "Plants watered, leaves free of dust"),
  }));
  t.push_back(make("signage", "设施与标识", "Facilities and signage", {
      check("各项物业设施指引清晰、完好、指向正确", "Facility guidance signs clear, intact and pointing right"),
      check("公共设施设备完好，正常运作", "Public facilities and equipment intact and working"),
      check("公共设施无人为损坏", "No damage done to public facilities", photo),
      check("维修现场已放置“正在维修”警示牌", "\"Under repair\" warning sign placed at repair sites"),
      check("无未经批准悬挂、张贴的招牌及广告", "No unapproved signs or adverts hung or posted"),
  }));
  // A repair under way, walked on the units round (app/rounds/route.cpp): 000:595
  // 5.1.4.3 "放置“正在维修”警示牌提醒业主;若施工量较大或对正常参观造成一定的影响,
  // 则应用围挡对施工区域进行隔离,严禁其他人员进入"; 000:597 5.1.4.4 "在维修前做好
  // 维修处的成品保护工作"; 000:599 5.1.4.5 "封闭维修区域,做好隔离及警示,有必要时,
  // 通知受影响单元".
  t.push_back(make("repair_site", "维修现场", "Repair site", {
      check("维修现场已放置“正在维修”警示牌", "\"Under repair\" warning sign placed", photo),
      check("施工量较大或影响参观时，已用围挡隔离，无关人员未进入", "Large works fenced off; nobody else let in"),
      check("维修前已做好成品保护（保护膜覆盖、纸板遮挡墙面地面）", "Finished surfaces protected (film, boards on walls and floors)"),
      check("维修范围较大时已封闭区域，受影响单元已通知", "Large works closed off; affected units told"),
  }));
  // 000 日常巡查 (4): 检查保安部巡逻情况表和记事本; 001: night complaints handed
  // over by 09:00; 002: 夜查情况、交接班记录.
  t.push_back(make("security_log", "安全巡逻记录检查", "Security patrol log check", {
      check("巡逻情况表按时填写，无漏记", "Patrol sheet filled in on time, no gaps"),
      check("记事本记录完整，异常情况已上报", "Notebook complete; anything unusual reported"),
      check("夜查情况已记录", "Night check recorded"),
      check("夜间投诉已于次日9:00前转交客户服务部", "Night complaints handed to customer service by 09:00"),
      check("交接班记录完整", "Shift handover log complete"),
  }));
  // 004 3.4: 每天至少巡楼空置单元一遍; 000 4.1.3.6: 红色数字→通知业主购电.
  t.push_back(make("vacant_unit", "空置房", "Vacant unit", {
      check("门窗关闭完好", "Doors and windows closed and intact"),
      check("室内无漏水、渗水", "No leaks or seepage inside", photo),
      check("墙面、地面、设施无损坏", "Walls, floors and fittings undamaged", photo),
      check("无异味，无蚊蝇、鼠虫", "No odour; no flies, mosquitoes, rats or insects"),
      reading("分户电表读数", "Electricity meter reading", "度"),
      check("分户电表未显示红色数字（显示红色数字须及时通知业主购电）",
            "Meter not showing red digits (red digits: tell the owner to buy power)"),
  }));
  // 000 2.4, 001 室内装修许可证, 002 装修噪音, 004 4.5.4 重大违规事件.
  t.push_back(make("renovation_unit", "装修单元", "Unit under renovation", {
      check("《装修许可证》已在现场张贴", "Renovation permit posted on site"),
      check("施工人员持有装修人员《出入证》", "Workers carry their renovation passes"),
      check("无破坏承重结构、损坏防水层等违章装修", "No violations such as damaging load-bearing structure or the waterproof layer", photo),
      check("在指定现场作业，无破坏公用设备、设施", "Work kept to the site; no damage to shared equipment or facilities", photo),
      check("装修垃圾袋装，按规定清运，公共区域无堆放", "Renovation rubbish bagged and cleared as required; none left in public areas"),
      check("现场配备灭火器，无违规用火、用电", "Extinguisher on site; no unsafe use of fire or electricity", photo),
      check("在规定时间内施工，无装修噪音滋扰他人休息", "Work within permitted hours; no noise disturbing neighbours' rest"),
  }));
  // No separate meter checklist: the household meter (000:569 4.1.3.6 "巡视过程中,
  // 如发现业主各户的分户电表显示红色数字,及时通知业主购电") is read and looked at on
  // the vacant-unit round (vacant_unit above), where a red display becomes a
  // notice to the owner (RoundsService::open_finding, owner_notice). The
  // meter checklist this list once carried was walked by no route.
  return t;
}

}  // namespace

const std::vector<ChecklistTemplate>& builtin_templates() {
  // Built once, on first use; never changes afterwards, so references into it
  // stay valid for the life of the program.
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
  std::string_view key = "lobby";
  switch (kind) {
    case CheckpointKind::lobby: key = "lobby"; break;
    case CheckpointKind::lift: key = "lift"; break;
    case CheckpointKind::corridor: key = "corridor"; break;
    case CheckpointKind::walls: key = "walls"; break;
    case CheckpointKind::fire_door: key = "fire_door"; break;
    case CheckpointKind::hydrant: key = "hydrant"; break;
    case CheckpointKind::ventilation: key = "ventilation"; break;
    case CheckpointKind::lamps: key = "lamps"; break;
    case CheckpointKind::handrails: key = "handrails"; break;
    case CheckpointKind::roof: key = "roof"; break;
    case CheckpointKind::plant_room: key = "plant_room"; break;
    // On the daytime zone round; the early shift's opening and the late
    // shift's closing are duties of their own (app/schedule/daily_duties.hpp).
    case CheckpointKind::model_unit: key = "model_unit_day"; break;
    case CheckpointKind::notice_board: key = "notice_board"; break;
    case CheckpointKind::gate: key = "gate"; break;
    case CheckpointKind::greening: key = "greening"; break;
    case CheckpointKind::signage: key = "signage"; break;
  }
  // A kind from a newer device (unknown here) is inspected as a lobby rather
  // than refused: the answer is still recorded with the checklist's key.
  const ChecklistTemplate* t = find_template(key);
  return t ? *t : builtin_templates().front();
}

// The manuals send a problem to the department whose work it is — 000 篇2
// 楼宇的日常巡查: "(5)、发现不合格即通知相关部门及时处理"; 3.1.4.4: "非紧急情况的
// 做好记录以发单形式及时反馈给相关部门或人员" — but name no department per
// item, so this is the team's reading: the item's own words decide (an
// edited item too), and the butler picks another on the form. Greening
// before cleaning (枯枝败叶 is the gardeners'), cleaning before occupation
// (天台无垃圾、无杂物堆放 is swept first), the rest is the engineers'.
bool tells_owner(const ChecklistItem& item) {
  for (std::string_view w : {"红色数字", "购电", "买电"}) {
    if (item.zh.find(w) != std::string::npos) return true;
  }
  return false;
}

FindingDepartment default_department(const ChecklistItem& item) {
  auto has_any = [&](std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) {
      if (item.zh.find(w) != std::string::npos) return true;
    }
    return false;
  };
  if (has_any({"绿化", "草", "树", "枯枝", "黄叶", "花木", "苗木"})) return FindingDepartment::greening;
  if (has_any({"清洁", "垃圾", "污渍", "积尘", "灰尘", "手印", "蛛网", "乱涂", "乱画", "乱贴", "积水", "蚊虫"})) {
    return FindingDepartment::cleaning;
  }
  if (has_any({"占用", "堆放", "杂物", "锁", "出入证", "巡逻", "空岗", "遮挡"})) return FindingDepartment::security;
  return FindingDepartment::engineering;
}

}  // namespace app
