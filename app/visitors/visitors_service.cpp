// VisitorsService's commands and queries (visitors_service.hpp).
#include "app/visitors/visitors_service.hpp"

#include <algorithm>
#include <tuple>

#include "app/core/local_time.hpp"
#include "app/core/text.hpp"
#include "app/domain/command_errors.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/tickets/ticket_number.hpp"
#include "app/visitors/visitors_labels.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;
using command_detail::errorf;

}  // namespace

const VisitorsService::Index& VisitorsService::index() const {
  if (index_version_ == ctx_.version()) return index_;
  index_ = {};
  for (const auto& [id, v] : ctx_.data().visitors.visits) {
    if (!v.known()) continue;
    (v.in() ? index_.in : index_.left).push_back(&v);
  }
  std::sort(index_.in.begin(), index_.in.end(),
            [](const VisitorRecord* a, const VisitorRecord* b) { return std::tie(a->arrived_ms, a->id) < std::tie(b->arrived_ms, b->id); });
  std::sort(index_.left.begin(), index_.left.end(),
            [](const VisitorRecord* a, const VisitorRecord* b) { return std::tie(a->left_ms, a->id) > std::tie(b->left_ms, b->id); });
  index_version_ = ctx_.version();
  return index_;
}

Status VisitorsService::known_visit(const Id& id, const VisitorRecord** out) const {
  const VisitorRecord* v = visit(id);
  if (!v) return error("unknown_visit", S::err_visitor_unknown);
  *out = v;
  return ok_status();
}

Status VisitorsService::at_or_after_arrival(const VisitorRecord& v) const {
  if (visitors::leave_ok(v.arrived_ms, ctx_.now_ms())) return ok_status();
  return errorf("before_arrival", S::err_visitor_before_arrival, short_local(v.arrived_ms, ctx_.utc_offset_minutes()).c_str());
}

Result<Id> VisitorsService::receive(const NewVisit& in) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  std::string purpose = trimmed(in.purpose), name = trimmed(in.name), phone = trimmed(in.phone), note = trimmed(in.note),
              place = trimmed(in.place_text), department = trimmed(in.department);
  // 000:337 "①、问明来意": what they came for, in the butler's words.
  if (purpose.empty()) return error("purpose_required", S::err_visitor_purpose);
  if (purpose.size() > visitors::kPurposeMaxBytes) return error("purpose_long", S::err_visitor_purpose_long);
  // 000:337 "②、确认对方的身份": who they are, by name, and what was seen of it.
  if (name.empty()) return error("name_required", S::err_visitor_name);
  if (!in.unit.is_nil() && !ctx_.data().units.count(in.unit)) return error("unknown_unit", S::err_visitor_unit);
  if (!department.empty() && visitors::department_index(department) < 0) return error("unknown_department", S::err_visitor_dept);
  // 000:337 "④、引领来访人员到接待区坐定": the reception area, the meeting room, or a place named.
  if (in.place == visitors::Place::other && place.empty()) return error("place_required", S::err_visitor_place);
  if (place.size() > visitors::kPlaceMaxBytes) return error("place_required", S::err_visitor_place);
  Payload p;
  p.set(F::visit_purpose, std::move(purpose)).set(F::name, std::move(name)).set(F::id_seen, static_cast<std::int64_t>(in.id_seen));
  if (!in.unit.is_nil()) p.set(F::unit, in.unit.to_hex());
  if (!phone.empty()) p.set(F::phone, std::move(phone));
  if (!department.empty()) p.set(F::department, std::move(department));
  p.set(F::reception_place, static_cast<std::int64_t>(in.place));
  if (in.place == visitors::Place::other) p.set(F::place_text, std::move(place));
  if (!note.empty()) p.set(F::note, std::move(note));
  p.set(F::at_ms, ctx_.now_ms());
  const Id id = ctx_.new_id();
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::visitor_received, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status VisitorsService::told(const Id& id, std::string_view department) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const VisitorRecord* v = nullptr;
  if (Status s = known_visit(id, &v); !s.ok()) return s;
  if (v->told()) {
    return errorf("told", S::err_visitor_told, short_local(v->told_ms, ctx_.utc_offset_minutes()).c_str(),
                  visitors::department_label(v->department).c_str());
  }
  // 000:337 "③、通报相关部门": a department of the list, told after they came.
  std::string dept = trimmed(department);
  if (dept.empty()) dept = v->department;
  if (visitors::department_index(dept) < 0) return error("department_required", S::err_visitor_dept);
  if (!visitors::told_ok(v->arrived_ms, ctx_.now_ms())) {
    return errorf("before_arrival", S::err_visitor_before_arrival, short_local(v->arrived_ms, ctx_.utc_offset_minutes()).c_str());
  }
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::department, std::move(dept)).set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::visitor_told, ctx_.new_id(), std::move(p))});
}

Status VisitorsService::leave(const Id& id) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const VisitorRecord* v = nullptr;
  if (Status s = known_visit(id, &v); !s.ok()) return s;
  if (!v->in()) return errorf("left", S::err_visitor_left, short_local(v->left_ms, ctx_.utc_offset_minutes()).c_str());
  if (Status s = at_or_after_arrival(*v); !s.ok()) return s;
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::visitor_left, ctx_.new_id(), std::move(p))});
}

Status VisitorsService::link_ticket(const Id& id, const Id& ticket) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const VisitorRecord* v = nullptr;
  if (Status s = known_visit(id, &v); !s.ok()) return s;
  if (!v->ticket.is_nil()) return errorf("ticket_linked", S::err_visitor_ticket_linked, ticket_number(*v).c_str());
  if (!ctx_.data().tickets.tickets.count(ticket)) return error("unknown_ticket", S::err_visitor_ticket_unknown);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::visit_ticket, ticket.to_hex()).set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::visitor_ticket_opened, ctx_.new_id(), std::move(p))});
}

NewTicket VisitorsService::ticket_prefill(const VisitorRecord& v) const {
  NewTicket t;
  t.unit = v.unit;
  t.owner = v.name;
  t.phone = v.phone;
  t.what = v.purpose;
  t.channel = visitors::kTicketChannel;
  return t;
}

std::string VisitorsService::ticket_number(const VisitorRecord& v) const {
  if (v.ticket.is_nil()) return {};
  auto it = ctx_.data().tickets.tickets.find(v.ticket);
  if (it == ctx_.data().tickets.tickets.end()) return {};
  return tickets::ticket_number(it->second);
}

const VisitorRecord* VisitorsService::visit(const Id& id) const {
  auto it = ctx_.data().visitors.visits.find(id);
  return it == ctx_.data().visitors.visits.end() || !it->second.known() ? nullptr : &it->second;
}

const std::vector<const VisitorRecord*>& VisitorsService::in_now() const { return index().in; }

std::vector<const VisitorRecord*> VisitorsService::recent_left(std::size_t n) const {
  const auto& left = index().left;
  return {left.begin(), left.begin() + static_cast<std::ptrdiff_t>(std::min(n, left.size()))};
}

}  // namespace app
