// The emergency checklists. Wording: 000_4de86dc32e298554.txt §10.0 (电梯困人:
// 10.1.3.1 用对讲通知工程维修部电梯工; 10.1.3.2 安慰并陪伴被困人员直至救出;
// 10.1.4.1 报告当值主管和部门经理, 秩序维护员到现场协助控制电梯, 电梯的具体方位、
// 电梯编号、停留的楼层; 10.1.4.2 无法消除故障或身体严重不适时报消防部门; 10.1.4.3
// 重大事故报告表) and 001_c5d7a6057436a17c.txt's 紧急事件处理程序 (written there in
// traditional characters and in scrambled order; put back into the order a
// butler acts in, in simplified characters): 火警 (查看究竟, 误报复位, 火情属实
// 组织扑救, 119, 破门扑救由领导决定, 劝谕围观人员), 漏(渗)水 (查找水源制止漏水,
// 值班经理/中控室, 控制范围, 电力房与升降机, 通知受影响业主), 燃气 (燃气总掣, 有序
// 撤离, 119), 盗窃/抢劫 (封锁出入口并录像, 保护现场, 警戒绳, 警官编号及报案编号,
// 犯罪分子相貌服饰, 指证人, 遗留物品), 受伤 (120, 送院), 地震 (撤离、禁用电梯,
// 切断供电供水, 检查设备, 恢复供水供电), 醉酒/精神异常 (约束至酒醒, 协助公安,
// 查清姓名单位), 打架斗殴 (劝阻住手住口, 先制止持械一方, 调解与增援, 报公安).
// "以上紧急事件处理完成后均须由当班人填写《特别事件报告》上报办公室备案。"
#include "app/incidents/incident_checklists.hpp"

#include "app/core/roles.hpp"

namespace app::incidents {
namespace {

constexpr bool kIfNeeded = true;

StepDef step(const char* key, const char* zh, const char* en, bool if_needed = false, bool to_close = false) {
  return StepDef{key, zh, en, if_needed, to_close};
}

std::vector<Checklist> build() {
  const char* special_zh = "特别事件报告";
  const char* special_en = "Special incident report";
  std::vector<Checklist> c;
  // 001: every incident ends in a 特别事件报告; 000:819 adds the 重大事故报告表 for a lift.
  c.push_back({Kind::lift_entrapment, "电梯困人", "Lift entrapment", special_zh, special_en, {
      step("reported", "立即报告当值主管和部门经理", "Reported at once to the duty supervisor and the department manager"),
      step("engineer_notified", "用对讲通知工程维修部电梯工（电梯具体方位、电梯编号、停留的楼层）",
           "Lift engineer told by radio (where the lift is, its number, the floor it stopped at)"),
      // 001 "(和設備維護部人員)派人釋放被困者及修理該電梯，注意電話聯繫時須詢問對方姓名、
      // 預計可到達現場時間及告知故障狀況、有人被困": recorded with the name and the time given.
      step("lift_company_called", "电话通知电梯维保人员派人释放被困者：询问对方姓名、预计可到达现场时间，告知故障状况、有人被困",
           "Lift maintainer phoned to send someone: asked their name and when they will arrive, told the fault and that people are trapped",
           kIfNeeded),
      step("security_on_site", "组织秩序维护员到现场协助控制电梯", "Security staff on site helping to control the lift"),
      step("staff_with_trapped", "赶到现场安慰并陪伴被困人员", "Staff on site comforting and staying with the trapped people"),
      // 000:813 安慰并陪伴被困人员 and 001's arrival time: their names are asked, the time told.
      step("trapped_told", "询问被困人员姓名，告知救援人员预计到达时间", "Trapped people asked their names and told when help will arrive"),
      step("fire_service", "无法消除故障或被困人员身体严重不适，报消防部门", "Fire service called (fault cannot be cleared or someone is seriously unwell)",
           kIfNeeded),
      step("released", "被困人员已救出", "Trapped people released", false, true),
  }, "重大事故报告表", "Major incident report"});
  c.push_back({Kind::fire, "火警/火灾", "Fire alarm / fire", special_zh, special_en, {
      step("on_site", "报告班长并尽快赶到现场查看究竟", "Shift leader told, at the scene at once to see what it is", false, true),
      step("false_alarm", "属误报，通知中控室复位", "False alarm: control room told to reset", kIfNeeded),
      step("fire_confirmed", "火情属实，通知中控室及当值队长组织扑救", "Real fire: control room and duty captain told to organise fighting it", kIfNeeded),
      step("leaders_told", "中控室向物业服务中心各领导报告", "Control room reported to the service centre's leaders", kIfNeeded),
      step("called_119", "中控室值班人员拨打“119”", "Control room duty staff called 119", kIfNeeded),
      step("break_in", "室内无人、无钥匙，由物业服务中心领导决定是否破门进入扑救",
           "Nobody in and no key: the centre's leader decided whether to break in", kIfNeeded),
      step("onlookers_cleared", "劝谕围观人员撤离现场", "Onlookers asked to leave the scene"),
      step("loss_limited", "采取措施将损失减少到最小程度", "Steps taken to keep the loss as small as possible"),
  }});
  c.push_back({Kind::water_leak, "漏水/水浸", "Water leak / flooding", special_zh, special_en, {
      step("source_found", "检查漏（渗）水正确位置及水源，设法制止漏水", "Found where it leaks and the water's source, tried to stop it", false, true),
      step("duty_manager_told", "不能制止，通知物业服务中心值班经理、中控室寻求支持",
           "Cannot stop it: the centre's duty manager and control room told for support", kIfNeeded),
      step("contained", "尽量控制现场，防止范围扩散", "Scene kept under control so it does not spread"),
      step("equipment_protected", "防止漏水渗入电力房、升降机等设备，升降机升上最高楼层",
           "Water kept out of the power room and lifts; lifts sent to the top floor"),
      step("owners_told", "检查受影响范围，通知受影响业主", "Affected area checked, affected owners told"),
      step("reported", "报告物业服务中心存查跟进", "Reported to the service centre for follow-up"),
  }});
  c.push_back({Kind::gas, "燃气泄漏/煤气味", "Gas leak / gas smell", special_zh, special_en, {
      step("gas_main_off", "小心处理不寻常气体味道，关闭燃气总掣", "Unusual smell handled with care, gas main shut off"),
      step("evacuated", "有序地撤离现场，不要乱闯，避免引起爆炸", "Scene evacuated in order, no rushing about, nothing to set off an explosion",
           false, true),
      step("called_119", "拨打119报警电话", "Called 119", kIfNeeded),
      step("onlookers_cleared", "劝谕围观人员撤离现场", "Onlookers asked to leave the scene"),
  }});
  c.push_back({Kind::theft, "盗窃/抢劫", "Theft / robbery", special_zh, special_en, {
      step("exits_sealed", "立即赶到现场并封锁出事出入口，通知中控室并录像",
           "At the scene at once, its exits sealed, control room told to record video", false, true),
      step("leaders_told", "视情况向有关领导汇报", "Reported to the leaders concerned as needed"),
      step("scene_protected", "保护现场，任何人不得擅自移动任何东西，不得让外人进入",
           "Scene protected: nothing moved, no outsider let in"),
      step("cordoned", "拉上警戒绳，派专人专门看守", "Cordon rope up, someone posted to guard it", kIfNeeded),
      step("police_called", "报公安机关，记下警官官阶、编号及报案编号", "Police called; officer's rank, number and the case number noted", kIfNeeded),
      step("suspect_noted", "记下犯罪分子人数、相貌、服饰、是否持有凶器及汽车行驶方向",
           "Offenders' number, looks, clothes, weapons and the car's direction noted", kIfNeeded),
      step("witnesses", "动员指证人一起到公安机关作证", "Witnesses asked to testify to the police", kIfNeeded),
      step("evidence_kept", "犯罪分子遗留物品、作案工具用钳子提取，放进塑料袋交公安机关",
           "Items and tools left behind picked up with pliers, bagged for the police", kIfNeeded),
  }});
  c.push_back({Kind::injury, "人员受伤", "Injury", special_zh, special_en, {
      step("called_120", "速打急救电话（120）", "Called the ambulance (120)", kIfNeeded),
      step("doctor_called", "电告医院马上派医生抢救", "Hospital phoned to send a doctor at once", kIfNeeded),
      step("to_hospital", "有生命危险的，立即送附近医院抢救", "In danger of life: taken to the nearest hospital at once", kIfNeeded),
      step("recorded", "记录以上情况", "What happened recorded", false, true),
  }});
  c.push_back({Kind::earthquake, "地震", "Earthquake", special_zh, special_en, {
      step("evacuate", "立即通知所有人员从小区内撤离，禁止使用电梯", "Everyone told to leave the estate at once, lifts not to be used", false, true),
      step("power_water_off", "人员大多撤离后，切断大楼内供电及供水系统", "Once most have left, the buildings' power and water cut off"),
      step("damage_checked", "地震过后，检查小区所有设备损坏情况并予以修缮", "After the quake, all equipment checked for damage and repaired"),
      step("supply_restored", "及早恢复对小区供水、供电", "Water and power restored as early as possible"),
  }});
  c.push_back({Kind::disturbance, "醉酒/精神异常人员滋扰", "Drunk or disturbed person", special_zh, special_en, {
      step("handled", "妥善处理，必要时动员群众协同带到室内约束，直到其酒醒为止",
           "Handled with care; if needed taken indoors with help and kept there until sober", false, true),
      step("police_helped", "正在行凶打人、滋事的，立即协助公安机关将其制服", "Violent or making trouble: helped the police restrain them", kIfNeeded),
      step("identity_noted", "查清姓名、单位，如实记录并向物业服务中心或秩序维护部汇报",
           "Name and work unit found out, recorded, reported to the centre or security"),
      step("onlookers_cleared", "劝谕围观人员撤离现场", "Onlookers asked to leave the scene"),
  }});
  c.push_back({Kind::fight, "打架斗殴", "Fight", special_zh, special_en, {
      step("stopped", "劝阻双方住手、住口", "Both sides told to stop fighting and shouting", false, true),
      step("armed_first", "持有器械斗殴，先制止持械一方", "Weapons involved: the armed side stopped first", kIfNeeded),
      step("onlookers_cleared", "劝谕围观人员撤离现场", "Onlookers asked to leave the scene"),
      step("mediated", "由物业服务中心出面调解，个人力量单薄时请求增援", "The centre mediated; help called when one person was not enough"),
      step("police_called", "不听劝告、情节严重的，报公安机关依法处理", "Would not listen or serious: reported to the police", kIfNeeded),
  }});
  return c;
}

}  // namespace

bool is_kind(std::int64_t v) { return v >= 0 && v < kKindCount; }
bool is_report_form(std::int64_t v) { return v == 0 || v == 1; }
bool needs_major_report(Kind kind) { return checklist_for(kind).major_zh != nullptr; }

bool may_file_report(ReportForm form, std::int64_t role) {
  // 000:819 "10.1.4.3 部门经理填写重大事故报告表": the manager (see the header).
  if (form == ReportForm::major) return role == static_cast<std::int64_t>(Role::manager);
  return true;  // 001 "由當班人填寫《特別事件報告》": whoever is on duty (the op's writers)
}

const std::vector<Checklist>& checklists() {
  static const std::vector<Checklist> all = build();
  return all;
}

const Checklist& checklist_for(Kind kind) {
  const auto i = static_cast<std::size_t>(kind);
  return checklists()[i < checklists().size() ? i : 0];
}

const StepDef* find_step(Kind kind, std::string_view key) {
  for (const StepDef& s : checklist_for(kind).steps) {
    if (key == s.key) return &s;
  }
  return nullptr;
}

}  // namespace app::incidents
