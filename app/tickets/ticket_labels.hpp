#pragma once
// The words for a ticket's kinds, classes, statuses, channels and history
// entries, shared by the screens and the office's CSVs (which ask for zh-CN);
// and, with them, the number a ticket is named by (ticket_number).
#include <cstdint>

#include "app/i18n/catalogue.hpp"
#include "app/tickets/ticket_number.hpp"
#include "app/tickets/tickets_data.hpp"

namespace app::tickets {

i18n::S kind_label(Kind k);
i18n::S severity_label(Severity s);
i18n::S status_label(Status s);
i18n::S channel_label(std::int64_t channel);  // 0 phone … 4 night log
i18n::S category_label(RepairCategory c);
i18n::S method_label(std::int64_t method);    // 0 in person, 1 by phone
i18n::S deadline_label(DeadlineKind k);        // 到场, 派单, 完成, 回访…
// What a history entry was: its step ("已派单"), a reopen, a hand-on, a slip…
i18n::S event_label(const TicketStep& step);

inline constexpr Kind kAllKinds[] = {Kind::valid_complaint, Kind::help_seeking, Kind::inquiry_complaint, Kind::venting,
                                     Kind::repair, Kind::inquiry, Kind::suggestion};
inline constexpr Severity kAllSeverities[] = {Severity::major, Severity::important, Severity::minor};
inline constexpr int kChannels = 5;

}  // namespace app::tickets
