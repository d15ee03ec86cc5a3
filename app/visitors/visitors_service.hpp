#pragma once
// app::VisitorsService: the front desk's visitors register (接待来访, 000:335–337):
// a visitor received with what they came for and who they are, the
// department told (已通报), the place they wait, and their leaving (离开);
// a visit that turns into a complaint becomes a ticket received in person
// (channel 来访). The rules are visitors_rules.hpp; this turns them into ops
// and messages a butler can read. Reached as session.visitors().
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/domain/command_context.hpp"
#include "app/tickets/tickets_api.hpp"
#include "app/visitors/visitors_data.hpp"

namespace app {

struct NewVisit {
  std::string purpose, name, phone, note;
  visitors::IdSeen id_seen = visitors::IdSeen::id_card;
  Id unit;                  // nil: visiting no unit
  std::string department;   // Chinese, one of visitors::kDepartments; empty: chosen at 已通报
  visitors::Place place = visitors::Place::reception;
  std::string place_text;   // needed when the place is "other"
};

class VisitorsService {
 public:
  explicit VisitorsService(CommandContext& ctx) : ctx_(ctx) {}
  VisitorsService(const VisitorsService&) = delete;
  VisitorsService& operator=(const VisitorsService&) = delete;

  // Receives a visitor now. Refuses: no purpose (000:337 ①问明来意), no name
  // (②确认对方的身份), an unknown unit or department, "other" place without its name.
  Result<Id> receive(const NewVisit& in);
  // 已通报 (000:337 ③通报相关部门), now, to `department` (empty: the one chosen
  // at receipt). Refuses: unknown visit, told already, no department, a clock
  // before the arrival.
  Status told(const Id& visit, std::string_view department = {});
  // 离开, now. Refuses: unknown visit, left already, a clock before the arrival.
  Status leave(const Id& visit);
  // The ticket this visit became (after the ticket form saved it). Refuses:
  // unknown visit or ticket, a visit that became one already.
  Status link_ticket(const Id& visit, const Id& ticket);
  // The new ticket as the visit prefills it: the unit, the visitor as the
  // owner's name, the purpose as what happened, channel 来访.
  NewTicket ticket_prefill(const VisitorRecord& v) const;
  bool may_tell(const VisitorRecord& v) const { return v.known() && !v.told(); }
  bool may_leave(const VisitorRecord& v) const { return v.in(); }
  bool may_open_ticket(const VisitorRecord& v) const { return v.known() && v.ticket.is_nil(); }
  // "T3-0042": the number of the ticket a visit became (empty: none).
  std::string ticket_number(const VisitorRecord& v) const;

  const VisitorRecord* visit(const Id& id) const;
  const std::vector<const VisitorRecord*>& in_now() const;                   // still in, oldest first
  std::vector<const VisitorRecord*> recent_left(std::size_t n = 20) const;   // newest first

 private:
  struct Index {
    std::vector<const VisitorRecord*> in, left;
  };
  const Index& index() const;
  Status known_visit(const Id& id, const VisitorRecord** out) const;
  Status at_or_after_arrival(const VisitorRecord& v) const;

  CommandContext& ctx_;
  mutable Index index_;
  mutable std::uint64_t index_version_ = ~0ull;
};

}  // namespace app
