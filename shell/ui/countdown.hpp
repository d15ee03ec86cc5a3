#pragma once
// How long until a deadline, or how long past it, in the words a butler
// reads at a glance: "剩 45 分钟", "逾期 2 小时 10 分", "剩 3 天 4 小时".
#include <cstdint>
#include <string>

#include "app/core/local_time.hpp"
#include "imgui.h"

namespace shell {

std::string countdown_text(std::int64_t deadline_ms, std::int64_t now_ms);
// Red once passed, amber in the last hour, blue before.
ImU32 countdown_color(std::int64_t deadline_ms, std::int64_t now_ms);
// "12-01 18:30": a time on the tablet's calendar (Session::local).
std::string short_time(const app::LocalTime& t);

}  // namespace shell
