#pragma once
// app::TicketsService: complaints and repairs (投诉、报修) — opening one as
// received, classifying it, each later step of its lifecycle, handing it on,
// the repair slip, the owner's signature, the leak test, the callback and its
// re-check, the deadlines; and the follow-up: the paid-repair price list and
// household visits. The rules are ticket_rules.hpp, follow_up_rules.hpp and
// repair_slip.hpp; this turns them into ops and messages a butler can read.
// Reached as session.tickets().
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/domain/command_context.hpp"
#include "app/tickets/ticket_rules.hpp"
#include "app/tickets/tickets_api.hpp"

namespace app {

class TicketsService {
 public:
  explicit TicketsService(CommandContext& ctx) : ctx_(ctx) {}
  TicketsService(const TicketsService&) = delete;
  TicketsService& operator=(const TicketsService&) = delete;

  // Each step refused with a reason when it
  // does not follow the ticket's status here; a step that conflicts with one
  // made offline elsewhere is kept and listed (ticket_conflicts).
  Result<Id> open_ticket(const NewTicket& ticket);
  // The class is the office's to give (complaint_rules.hpp may_classify); it
  // no longer counts as the escalation, which is its own act below.
  Status classify_ticket(const Id& ticket, tickets::Kind kind, tickets::Severity severity);
  // Steps to done go through finish_ticket (the owner's signature).
  Status step_ticket(const Id& ticket, tickets::Status to, std::string_view note = {}, std::string_view handed_to = {},
                     bool callback_failed = false);
  // A repair's slip to engineering (000:627 "在10分钟内送达工程维修部,并请接收人签字接收"):
  // with the receiver's name and signature it is signed for now; without, it
  // is on its way and counts as received once engineering accepts it on a
  // tablet of its own (slip_received). The butler's tap alone meets nothing.
  Status send_slip(const Id& ticket, std::string_view department, std::string_view receiver, std::string_view signature,
                   std::string_view note = {});
  // 000:619 the engineering manager reviews a slip's off-list lines; until
  // they pass, the owner is not asked to sign its price.
  Status review_slip(const Id& ticket, bool passed, std::string_view note = {});
  // Whether a repair's slip is with engineering: signed for, or accepted by
  // someone of engineering. A ticket on the shared lifecycle: dispatched.
  bool slip_received(const Ticket& t) const;
  // Whether the person signed in may review a slip's off-list lines (000:619: engineering).
  bool may_review_slip() const;
  // A complaint on its own lifecycle is answered before it is called back:
  // true while that answer is missing after it was handled.
  bool answer_before_callback(const Ticket& t) const;
  // 首问负责制: whoever owns the ticket hands it on to a colleague, on record.
  Status hand_on_ticket(const Id& ticket, const Id& colleague, std::string_view note = {});
  // A repair's slip: appointment, category, priced lines, owner's materials.
  // Refused for other kinds and once the owner has signed the work done.
  Status set_repair_slip(const Id& ticket, const RepairSlipDraft& slip);
  // The work is done and the owner signs: a repair needs a signature that
  // looks signed (app/core/signature.hpp); for other kinds it is optional.
  Status finish_ticket(const Id& ticket, std::string_view signature, std::string_view note = {});
  // A leak repair's leak test (试漏): watertight, its callback is due 3 days
  // after; still leaking, the ticket goes back to the repairer in one save.
  Status record_leak_test(const Id& ticket, bool watertight, std::string_view note = {});
  // The callback (回访) in one save: satisfied closes the ticket; a problem
  // reopens it to whoever did the work.
  Status record_callback(const Id& ticket, CallbackMethod method, bool satisfied, std::string_view note);
  // The head butler's re-check of a done callback (the 3–5% sample).
  Status recheck_callback(const Id& ticket, bool confirmed, std::string_view note);
  // A complaint's own acts (complaint_service.cpp, rules in complaint_rules.hpp):
  // handing it up to the role its class names, by someone below that role;
  // the owner's clear answer, what was said; a later date for a minor one,
  // asked for at any time before it is done and approved by the manager.
  Status escalate_ticket(const Id& ticket, std::string_view note = {});
  Status answer_owner(const Id& ticket, CallbackMethod method, std::string_view said);
  Status ask_later_date(const Id& ticket, std::int64_t date_ms, std::string_view note = {});
  Status approve_later_date(const Id& ticket, std::string_view note = {});
  // Whom this ticket is handed up to (nullopt: nobody — a minor one, an
  // inquiry), and whether that is done: by its own op, or for a ticket from
  // before that op by its classification.
  std::optional<Role> escalation_target(const Ticket& t) const;
  bool escalated(const Ticket& t) const;
  // A later date waiting for the manager (0: none): the latest ask, or the
  // owner's date at receipt when it is later than the standard one.
  std::int64_t later_date_waiting(const Ticket& t) const;
  // Follow-up (follow_up_service.cpp): the paid-repair price list (head
  // butler or manager), household visits.
  Result<Id> save_price_item(const PriceItem& item);  // nil id: a new line
  Status remove_price_item(const Id& item);
  Result<Id> record_visit(const Id& unit, CallbackMethod method, std::string_view note, std::string_view follow_ups = {});
  // The deadlines every ticket is judged by (domain.md §2–3: the manuals'
  // numbers are the defaults); a head butler or manager changes them.
  Status save_ticket_settings(const tickets::Settings& settings);
  const tickets::Settings& ticket_settings() const { return ctx_.data().tickets.settings; }
  Result<Id> add_ticket_photo(const Id& ticket, std::string_view sha256);
  const Ticket* ticket(const Id& id) const;
  std::vector<const Ticket*> open_tickets() const;  // soonest deadline first
  tickets::Deadlines deadlines_of(const Ticket& t) const;
  // The earliest deadline still to meet at the ticket's status (the callback's
  // once done), and whether it has passed on a clock that cannot go back.
  std::optional<std::int64_t> next_deadline(const Ticket& t) const;
  // The same, with which deadline it is (到场, 派单, 回访…).
  std::optional<tickets::Due> next_due(const Ticket& t) const;
  // Today's next actions: tickets whose next deadline has passed or falls
  // within `horizon_ms` of now, soonest first — open ones and done ones
  // whose callback is due.
  std::vector<const Ticket*> due_within(std::int64_t horizon_ms) const;
  bool overdue(const Ticket& t) const;
  // Steps refused in the fold because another tablet's step came first.
  std::vector<std::pair<const Ticket*, const TicketStep*>> ticket_conflicts() const;
  int overdue_ticket_count() const;  // the navigation's badge
  // Done tickets that owe a callback (valid complaints and repairs, 100%), soonest due first.
  std::vector<const Ticket*> callbacks_owed() const;
  // When a done ticket's callback is due (its repair category's window;
  // a leak: 3 days after the leak test, none until then).
  std::optional<std::int64_t> callback_due_at(const Ticket& t) const;
  // A night log's hand-over (001 "次日早上9:00前转交给客户服务部"): due by the
  // first 09:00 after the control room logged it, done when registered here.
  std::optional<NightHandover> night_handover(const Ticket& t) const;
  CallbackCoverage callback_coverage(std::int64_t yyyymm) const;   // the month's done work and its callbacks
  RecheckDraw recheck_draw(std::int64_t yyyymm) const;                     // the head butler's 3–5%, for the month's period
  std::vector<const Ticket*> recheck_sample(std::int64_t yyyymm) const { return recheck_draw(yyyymm).sample; }
  std::vector<const PriceItem*> price_list() const;  // offered lines, by name
  // This week's household visits for the person signed in (their zones; the
  // head butler's: every zone), so the quarter's visits are spread evenly.
  const VisitPlan& visit_plan() const;
  const Visit* last_visit(const Id& unit) const;
  std::vector<const Visit*> visits_of(const Id& unit) const;  // newest first

 private:
  // Tickets' per-frame answers (the badge, the owed callbacks, the visit
  // plan), recomputed when the projection changes or the minute turns.
  void refresh_caches() const;

  CommandContext& ctx_;
  mutable std::uint64_t caches_version_ = ~0ull;
  mutable std::int64_t caches_minute_ = -1;
  mutable int overdue_tickets_ = 0;
  mutable std::vector<const Ticket*> callbacks_owed_;
  mutable std::unordered_map<Id, const Visit*, IdHash> last_visits_;
  mutable VisitPlan visit_plan_;
};

}  // namespace app
