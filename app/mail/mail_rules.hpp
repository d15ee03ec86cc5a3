#pragma once
// The mail register's rules, free of any state: what kinds of mail there are,
// which are 特殊邮件, when an uncollected item's call is due and when it goes
// back to its sender. The manuals' lines are quoted beside each rule (001 as
// stored: traditional characters with the pinyin its conversion left in brackets).
#include <cstdint>

namespace app::mail {

// 002:82 "业主邮件、报纸等事项签收;": the front desk signs for residents' mail and papers.
enum class Kind : std::int64_t {
  letter = 0,      // 平信
  registered = 1,  // 挂号信、汇款单、电报 (001 特殊邮件)
  parcel = 2,      // 包裹
  express = 3,     // 特快专递 / 快递
  newspaper = 4,   // 报纸、杂志
};
inline constexpr int kKindCount = 5;
constexpr bool is_kind(std::int64_t v) { return v >= 0 && v < kKindCount; }

// 001:9 "適用于所轄物業(yè)的所轄物業(yè)的掛號(hào)信、電報(bào)、匯票、包裹等特殊郵件的收發(fā)。"
// 001:9 "對(duì)于投遞員送來(lái)的掛號(hào)信、匯款單、包裹、特快專遞、雜志等郵件": the express
// post comes the same way as a parcel, so it is special too; a letter or a paper is not.
constexpr bool is_special(Kind k) { return k == Kind::registered || k == Kind::parcel || k == Kind::express; }

// Who collected it (001:9 "核對(duì)領(lǐng)取人的有效證件無(wú)誤后"): the collector's identity, with a name.
enum class Collector : std::int64_t { owner = 0, family = 1, tenant = 2, other = 3 };
inline constexpr int kCollectorCount = 4;
constexpr bool is_collector(std::int64_t v) { return v >= 0 && v < kCollectorCount; }

// How the owner was told: a phone call (the call 001 asks for), an SMS, a notice left.
enum class NoticeHow : std::int64_t { phone = 0, sms = 1, notice = 2 };
inline constexpr int kNoticeHowCount = 3;
constexpr bool is_notice_how(std::int64_t v) { return v >= 0 && v < kNoticeHowCount; }

enum class State : std::int64_t { waiting = 0, collected = 1, returned = 2 };
constexpr bool is_state(std::int64_t v) { return v >= 0 && v <= 2; }

inline constexpr std::int64_t kDayMs = 86400000;
// 001:9 "當(dāng)連續(xù)兩天收件人未來(lái)取郵件時(shí),客戶服務(wù)部前接待助理應(yīng)設(shè)法通過(guò)電話與收件人取得聯(lián)系。"
// Two whole days after it was signed in, a special item still here needs a phone call.
inline constexpr std::int64_t kCallAfterMs = 2 * kDayMs;
constexpr std::int64_t call_due_ms(std::int64_t received_ms) { return received_ms + kCallAfterMs; }
// The call is due when a special item still waits at its due time and no phone
// call has been recorded since then (an SMS at arrival is not the call).
constexpr bool call_due(Kind k, bool waiting, std::int64_t received_ms, std::int64_t last_phone_ms, std::int64_t now_ms) {
  return is_special(k) && waiting && now_ms >= call_due_ms(received_ms) && last_phone_ms < call_due_ms(received_ms);
}

// The manuals set no time after which mail goes back to its sender: the team's
// default, which a head butler or the manager may change (Settings in 邮件).
inline constexpr std::int64_t kDefaultReturnDays = 7;
inline constexpr std::int64_t kMinReturnDays = 1, kMaxReturnDays = 90;
constexpr bool is_return_days(std::int64_t v) { return v >= kMinReturnDays && v <= kMaxReturnDays; }
constexpr std::int64_t return_due_ms(std::int64_t received_ms, std::int64_t days) { return received_ms + days * kDayMs; }

}  // namespace app::mail
