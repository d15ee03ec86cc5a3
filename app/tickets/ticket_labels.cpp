#include "app/tickets/ticket_labels.hpp"

namespace app::tickets {

using i18n::S;

S kind_label(Kind k) {
  switch (k) {
    case Kind::valid_complaint: return S::ticket_kind_valid;
    case Kind::help_seeking: return S::ticket_kind_help;
    case Kind::inquiry_complaint: return S::ticket_kind_inquiry_complaint;
    case Kind::venting: return S::ticket_kind_venting;
    case Kind::inquiry: return S::ticket_kind_inquiry;
    case Kind::suggestion: return S::ticket_kind_suggestion;
    case Kind::repair: return S::ticket_kind_repair;
  }
  return S::ticket_kind_valid;
}

S severity_label(Severity s) {
  switch (s) {
    case Severity::major: return S::ticket_sev_major;
    case Severity::important: return S::ticket_sev_important;
    case Severity::minor: return S::ticket_sev_minor;
  }
  return S::ticket_sev_minor;
}

S status_label(Status s) {
  switch (s) {
    case Status::received: return S::ticket_st_received;
    case Status::classified: return S::ticket_st_classified;
    case Status::dispatched: return S::ticket_st_dispatched;
    case Status::accepted: return S::ticket_st_accepted;
    case Status::on_site: return S::ticket_st_on_site;
    case Status::done: return S::ticket_st_done;
    case Status::callback: return S::ticket_st_callback;
    case Status::closed: return S::ticket_st_closed;
  }
  return S::ticket_st_received;
}

S channel_label(std::int64_t channel) {
  switch (channel) {
    case 1: return S::ticket_ch_visit;
    case 2: return S::ticket_ch_letter;
    case 3: return S::ticket_ch_rounds;
    case 4: return S::ticket_ch_night;
    default: return S::ticket_ch_phone;
  }
}

S category_label(RepairCategory c) {
  switch (c) {
    case RepairCategory::safety_facility: return S::repair_cat_safety;
    case RepairCategory::leak: return S::repair_cat_leak;
    case RepairCategory::ordinary: break;
  }
  return S::repair_cat_ordinary;
}

S method_label(std::int64_t method) { return method == 1 ? S::method_phone : S::method_visit; }

S event_label(const TicketStep& step) {
  switch (step.event) {
    case TicketEvent::handed_on: return S::ticket_ev_handed_on;
    case TicketEvent::slip: return S::ticket_ev_slip;
    case TicketEvent::leak_test: return step.result == 1 ? S::ticket_ev_leak_failed : S::ticket_ev_leak_test;
    case TicketEvent::recheck: return S::ticket_ev_recheck;
    case TicketEvent::escalated: return S::ticket_ev_escalated;
    case TicketEvent::answered: return S::ticket_ev_answered;
    case TicketEvent::later_asked: return S::ticket_ev_later_asked;
    case TicketEvent::later_approved: return S::ticket_ev_later_approved;
    case TicketEvent::slip_review: return S::ticket_ev_slip_review;
    case TicketEvent::step: break;
  }
  // Reopened: back to the repairer, or (a complaint) to be handled again.
  if ((step.to == Status::dispatched || step.to == Status::classified) && step.callback_failed) return S::ticket_ev_reopened;
  return status_label(step.to);
}

S deadline_label(DeadlineKind k) {
  switch (k) {
    case DeadlineKind::escalate: return S::deadline_escalate;
    case DeadlineKind::answer: return S::deadline_answer;
    case DeadlineKind::dispatch: return S::deadline_dispatch;
    case DeadlineKind::onsite: return S::deadline_onsite;
    case DeadlineKind::resolve: return S::deadline_resolve;
    case DeadlineKind::callback: return S::deadline_callback;
  }
  return S::deadline_resolve;
}

}  // namespace app::tickets
