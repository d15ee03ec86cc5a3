#pragma once
// Complaints the control room logged at night (channel 4, 监控中心夜间登记),
// as 001 writes it: "在夜間由監控中心登記並負責通知相關部門處理,涉及治安、
// 維修服務的投訴,並於次日早上9:00前轉交給客戶服務部處理". The ticket is received
// when the control room logged it (its deadlines run from then), and the
// customer-service centre's registering it on the tablet is the hand-over,
// due by the first 09:00 after.
#include <cstdint>
#include <string_view>

#include "app/core/result.hpp"

namespace app::tickets {

inline constexpr int kNightHandoverMinute = 9 * 60;  // 001 "次日早上9:00前"

// The moment of a night log given as the control room wrote it ("23:40",
// "2340", "7:05", "23.40" from a numeric keyboard): the latest time of day at that clock reading that is not
// after `now_ms` (so 23:40 typed at 08:10 is last night's). Refused: not a
// time of day. `utc_offset_minutes`: the estate's clock (Beijing, +480).
Result<std::int64_t> night_log_time(std::string_view clock, std::int64_t now_ms, int utc_offset_minutes = 480);

// The first 09:00 (local) after a night log received at `received_ms`.
std::int64_t night_handover_by(std::int64_t received_ms, int utc_offset_minutes = 480);

}  // namespace app::tickets
