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
  bool operator==(const EstateHours&) const = default;
};

// The one record the hours ops write to.
inline constexpr Id kEstateHoursEntity{0x4553544154454855ull, 0x4f55525300000001ull};

// The earliest a model-unit opening round may start before the units open, and
// the latest a closing round may end after they close: the windows must fit
// the day, so opening hours are kept within 01:00–23:00.
inline constexpr std::int64_t kEarliestModelOpens = 60, kLatestModelCloses = 23 * 60;

// Whether hours hold together: the units open before they close, the greeting
// ends after it starts, every time inside the day.
bool plausible_hours(const EstateHours& h);

}  // namespace app
