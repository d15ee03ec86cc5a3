#include "app/store/snapshot_renovation.hpp"

#include "app/core/sha256.hpp"
#include "app/store/snapshot_fields.hpp"

namespace app {

using namespace snapshot_fields;

void write_snapshot_entity(std::string& o, const Renovation& x) {
  put_id(o, x.id);
  put_id(o, x.unit);
  put_id(o, x.applied_by);
  for (const std::string* t : {&x.owner, &x.contractor, &x.contractor_phone, &x.scope, &x.refund_signature}) put_text(o, *t);
  for (std::int64_t n : {x.planned_start, x.planned_end, x.applied_ms, static_cast<std::int64_t>(x.stage), x.deposit_cents,
                         x.waste_fee_cents, x.completion_day, x.completion_ms, x.recheck_ms, x.refunded_ms, x.refund_cents,
                         x.penalty_cents}) {
    put_number(o, n);
  }
  put_varint(o, x.papers.size());
  for (const RenovationPaper& p : x.papers) {
    put_id(o, p.id);
    put_id(o, p.by);
    put_number(o, static_cast<std::int64_t>(p.kind));
    put_text(o, p.sha256);
    put_number(o, p.at_ms);
  }
  put_varint(o, x.passes.size());
  for (const RenovationPass& p : x.passes) {
    put_id(o, p.id);
    put_id(o, p.issued_by);
    put_id(o, p.closed_by);
    put_text(o, p.number);
    put_text(o, p.worker);
    put_number(o, p.issued_ms);
    put_number(o, p.returned_ms);
    put_number(o, p.lost_ms);
  }
  put_varint(o, x.notices.size());
  for (const ViolationNotice& n : x.notices) {
    for (const Id* id : {&n.id, &n.by, &n.finding, &n.followed_by}) put_id(o, *id);
    put_text(o, n.what);
    put_text(o, n.follow_note);
    for (std::int64_t v : {static_cast<std::int64_t>(n.action), n.rectify_by, n.deduct_cents, n.issued_ms, n.followed_ms, n.rectified_day}) {
      put_number(o, v);
    }
  }
  put_varint(o, x.history.size());
  for (const RenovationStep& s : x.history) {
    put_id(o, s.id);
    put_id(o, s.by);
    put_number(o, static_cast<std::int64_t>(s.to));
    put_number(o, s.at_ms);
    put_text(o, s.note);
    put_number(o, static_cast<std::int64_t>(s.refused));
  }
}

bool read_snapshot_entity(bytes::Reader& r, Renovation& x) {
  std::int64_t stage = 0;
  std::uint64_t n = 0;
  if (!(r.id(&x.id) && r.id(&x.unit) && r.id(&x.applied_by) && r.text(&x.owner) && r.text(&x.contractor) &&
        r.text(&x.contractor_phone) && r.text(&x.scope) && r.text(&x.refund_signature) && r.number(&x.planned_start) &&
        r.number(&x.planned_end) && r.number(&x.applied_ms) && r.number(&stage) && r.number(&x.deposit_cents) &&
        r.number(&x.waste_fee_cents) && r.number(&x.completion_day) && r.number(&x.completion_ms) && r.number(&x.recheck_ms) &&
        r.number(&x.refunded_ms) && r.number(&x.refund_cents) && r.number(&x.penalty_cents))) {
    return false;
  }
  if (!renovation::is_stage(stage)) return false;
  x.stage = static_cast<renovation::Stage>(stage);
  if (!count(r, &n, 32)) return false;
  x.papers.resize(static_cast<std::size_t>(n));
  for (RenovationPaper& p : x.papers) {
    std::int64_t kind = 0;
    if (!(r.id(&p.id) && r.id(&p.by) && r.number(&kind) && r.text(&p.sha256) && r.number(&p.at_ms))) return false;
    if (!renovation::is_paper_kind(kind) || !is_sha256_hex(p.sha256)) return false;
    p.kind = static_cast<renovation::PaperKind>(kind);
  }
  if (!count(r, &n, 48)) return false;
  x.passes.resize(static_cast<std::size_t>(n));
  for (RenovationPass& p : x.passes) {
    if (!(r.id(&p.id) && r.id(&p.issued_by) && r.id(&p.closed_by) && r.text(&p.number) && r.text(&p.worker) && r.number(&p.issued_ms) &&
          r.number(&p.returned_ms) && r.number(&p.lost_ms))) {
      return false;
    }
  }
  if (!count(r, &n, 64)) return false;
  x.notices.resize(static_cast<std::size_t>(n));
  for (ViolationNotice& v : x.notices) {
    std::int64_t action = 0;
    if (!(r.id(&v.id) && r.id(&v.by) && r.id(&v.finding) && r.id(&v.followed_by) && r.text(&v.what) && r.text(&v.follow_note) &&
          r.number(&action) && r.number(&v.rectify_by) && r.number(&v.deduct_cents) && r.number(&v.issued_ms) &&
          r.number(&v.followed_ms) && r.number(&v.rectified_day))) {
      return false;
    }
    if (!renovation::is_action(action)) return false;
    v.action = static_cast<renovation::Action>(action);
  }
  if (!count(r, &n, 32)) return false;
  x.history.resize(static_cast<std::size_t>(n));
  for (RenovationStep& s : x.history) {
    std::int64_t to = 0, refused = 0;
    if (!(r.id(&s.id) && r.id(&s.by) && r.number(&to) && r.number(&s.at_ms) && r.text(&s.note) && r.number(&refused))) return false;
    if (!renovation::is_stage(to) || refused < 0 || refused > 3) return false;
    s.to = static_cast<renovation::Stage>(to);
    s.refused = static_cast<renovation::TransitionError>(refused);
  }
  return true;
}

}  // namespace app
