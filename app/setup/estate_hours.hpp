#pragma once
// The community's own hours for the fixed daily duties: when its model units
// (样板间) open and close, and when and where the morning greeting stands.
// The defaults are the manuals' times; a community whose sales office keeps
// other hours sets its own on the set-up screen, and the duty windows follow.
#include <cstdint>

#include "app/core/id.hpp"

namespace app {

struct EstateHours {
  // 000 4.1.3.4 "样板间开放时间:早8:00-晚8:00。早班人员需在7:50前打开样板间的房门……
  // 9:00前将通风门窗关闭……晚班人员在晚8:00关闭所有样板间"
  std::int64_t model_opens = 8 * 60;    // minutes after midnight
  std::int64_t model_closes = 20 * 60;
  // 003 "每日的当值管家早送宾服务(位置:小区出入口,时间:每日七点半至八点半)"
  std::int64_t greeting_from = 7 * 60 + 30;
  std::int64_t greeting_until = 8 * 60 + 30;
  Id gate;  // the gate checkpoint where the greeting stands; nil: not named
  // The zone round (and the units round) once a day within these: the
  // manuals say only "按规定路线巡视" (000:563) and "每天至少巡楼空置单元一遍"
  // (004 3.4), so 09:00–17:30, office hours, is the team's reading.
  std::int64_t zone_round_from = 9 * 60;
  std::int64_t zone_round_until = 17 * 60 + 30;
  // 000:565 "晚班人员在晚8:00关闭所有样板间": the closing round starts at the
  // closing time and is started and finished within this many minutes. The
  // manual gives no tolerance: 30 minutes is the team's reading.
  std::int64_t close_grace_minutes = 30;
  bool operator==(const EstateHours&) const = default;
};

// The one record the hours ops write to.
inline constexpr Id kEstateHoursEntity{0x4553544154454855ull, 0x4f55525300000001ull};

// The earliest a model-unit opening round may start before the units open, and
// the latest a closing round may end after they close: the windows must fit
// the day, so opening hours are kept within 01:00–23:00.
inline constexpr std::int64_t kEarliestModelOpens = 60, kLatestModelCloses = 23 * 60;

// The closing round's grace: 0 (exactly at closing) to an hour.
inline constexpr std::int64_t kMaxCloseGraceMinutes = 60;

// Whether hours hold together: the units open before they close, the greeting
// ends after it starts, the zone round's window is inside the day and ends
// after it starts, every time inside the day.
bool plausible_hours(const EstateHours& h);

}  // namespace app
