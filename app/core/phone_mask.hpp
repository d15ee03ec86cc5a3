#pragma once
// A resident's phone as every screen but the unit's record shows it: enough
// to tell two numbers apart over the counter (the first three and last four
// digits), not enough to call. A tablet left in a taxi shows no whole numbers
// in its lists; the whole one is on the unit's record, behind a tap that is
// recorded (contact_viewed).
#include <string>
#include <string_view>

namespace app {

// "13812345678" → "138****5678"; "0571-8800 1234" → "057****1234";
// "+86 138 1234 5678" → "138****5678" (China's country code dropped). Only
// the digits count, so separators and stray characters never show, and the
// stars are always four, so the length of the number is not shown either.
// 3–6 digits keep their last 2 ("***45"); 1–2 digits are no phone and stay as
// they are; no digits at all: "" for an empty field, "****" otherwise.
std::string mask_phone(std::string_view phone);

}  // namespace app
