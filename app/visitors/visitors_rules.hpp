#pragma once
// The visitors register's rules, free of any state. 000:335 "五、接待来访",
// 000:337 ":①、问明来意;②、确认对方的身份;③、通报相关部门;④、引领来访人员到接待区坐定;⑤、送上茶水。"
// Each rule below quotes the step it encodes.
#include <cstdint>

namespace app::visitors {

// 000:337 "②、确认对方的身份": what the front desk saw of who the visitor is.
enum class IdSeen : std::int64_t { id_card = 0, work_pass = 1, said_only = 2 };
inline constexpr int kIdSeenCount = 3;
constexpr bool is_id_seen(std::int64_t v) { return v >= 0 && v < kIdSeenCount; }

// 000:337 "④、引领来访人员到接待区坐定": where they were received; "other" names the place.
enum class Place : std::int64_t { reception = 0, meeting_room = 1, other = 2 };
inline constexpr int kPlaceCount = 3;
constexpr bool is_place(std::int64_t v) { return v >= 0 && v < kPlaceCount; }

// The longest 来意 or place a butler types (a sentence, not a letter).
inline constexpr std::size_t kPurposeMaxBytes = 300, kPlaceMaxBytes = 60;

// 000:337 "③、通报相关部门": told after they came, never before.
constexpr bool told_ok(std::int64_t arrived_ms, std::int64_t at_ms) { return at_ms >= arrived_ms; }
// A visit ends once, when the visitor leaves; not before they came.
constexpr bool leave_ok(std::int64_t arrived_ms, std::int64_t at_ms) { return at_ms >= arrived_ms; }

// A visit that turns into a complaint becomes a ticket received in person:
// the tickets' channel 1, 来访 (app/tickets/ticket_rules.hpp "Channels: 0
// phone, 1 visit…"; made_in_person() holds for it, so the on-site rule applies).
inline constexpr std::int64_t kTicketChannel = 1;

}  // namespace app::visitors
