#pragma once
// Record numbers people can read out (issue 22): "tickets, release slips,
// notices and the other numbered records get a short number that is never
// all digits and is unique without asking the server (for example the
// tablet's short code and its own sequence: `T3-0042`), shown on the tablet,
// printed forms and exports; the random id stays the key."
//
// A number is <letter><tablet>-<sequence>: the record's letter (T a ticket,
// N a renovation violation notice), the tablet's ordinal in its community (the
// server's, given at enrolment) and this tablet's own sequence under that
// prefix, at least 4 digits (T3-0042, T3-10000). Only this tablet writes its
// prefix, so the next number is 1 + the highest one under it already in the
// replica: derived from the log, no counter has to survive a crash.
//
// It never reads as a number in a spreadsheet: it starts with a letter, so
// neither 1234567 nor 1.2E+71 nor a date (12-3) can be made of it.
#include <cstdint>
#include <string>
#include <string_view>

#include "app/core/id.hpp"

namespace app::records {

inline constexpr char kTicketLetter = 'T';
inline constexpr char kNoticeLetter = 'N';  // 违规整改通知书
inline constexpr std::size_t kMaxRecordNumberBytes = 24;  // what valid_record_number allows (T12345-1000000 is 14)

// The prefix this tablet numbers `letter` records under:
//   tablet_no > 0  — "T3", the server's ordinal;
//   demo           — "T0": the demo is never enrolled and its database is its own;
//   otherwise      — "TD1A2B": a tablet not enrolled yet, or enrolled before
//                    ordinals and not synced since, knows no ordinal; the
//                    first 4 hex digits of its device id keep it apart from
//                    other tablets without asking anyone, and the D (never a
//                    digit) keeps it from ever reading as an ordinal
//                    (T1234 is tablet 1234; TD1234 is a device id).
std::string record_prefix(char letter, std::int64_t tablet_no, const Id& device, bool demo);

// "T3" and 42 → "T3-0042".
std::string format_record_number(std::string_view prefix, std::int64_t sequence);
// The sequence of `number` under `prefix` ("T3-0042" under "T3": 42); 0 when
// it is not one of that prefix's numbers.
std::int64_t record_sequence(std::string_view number, std::string_view prefix);
// What an op may carry: 2 to 24 characters of A–Z, 0–9 and '-', starting
// with a letter (so never all digits).
bool valid_record_number(std::string_view number);
// How a record made before numbers is named: "#" and the first 8 hex digits
// of its id in upper case (the '#' keeps even 12345678 from reading as a number).
std::string unnumbered_name(const Id& id);

}  // namespace app::records
