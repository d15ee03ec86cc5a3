#include "app/mail/mail_data.hpp"

#include "app/ops/payload_fold.hpp"

namespace app {
namespace {

MailItem* parent_of(MailData& d, const Payload& p) {
  Id id;
  if (auto parent = p.text(F::parent); !parent || !Id::from_hex(*parent, &id)) return nullptr;
  MailItem& m = d.items[id];
  m.id = id;
  return &m;
}

// The first end in fold order ends the item; a later one (another tablet's,
// made offline) is kept as a conflict.
void end(MailItem& m, const Op& op, mail::State to) {
  const Payload& p = op.payload;
  const std::int64_t at = p.number(F::at_ms).value_or(0);
  if (m.state != mail::State::waiting) {
    m.conflicts.push_back({op.entity, op.actor, to, at, std::string(p.text(F::name).value_or(""))});
    return;
  }
  m.state = to;
  m.closed_record = op.entity;
  m.closed_by = op.actor;
  m.closed_ms = at;
  set_text(p, F::note, m.close_note);
  if (to != mail::State::collected) return;
  if (auto c = p.number(F::collector_kind); c && mail::is_collector(*c)) m.collector = static_cast<mail::Collector>(*c);
  set_text(p, F::name, m.collector_name);
  set_text(p, F::signature, m.signature);
}

}  // namespace

std::int64_t MailItem::last_phone_ms() const {
  std::int64_t last = 0;
  for (const MailNotice& n : notices) {
    if (n.how == mail::NoticeHow::phone && n.at_ms > last) last = n.at_ms;
  }
  return last;
}

void apply_mail(MailData& d, const Op& op) {
  const Payload& p = op.payload;
  switch (op.kind) {
    case OpKind::mail_received: {
      MailItem& m = d.items[op.entity];
      m.id = op.entity;
      m.received_by = op.actor;
      if (auto k = p.number(F::mail_kind); k && mail::is_kind(*k)) m.kind = static_cast<mail::Kind>(*k);
      set_id(p, F::unit, m.unit);
      set_text(p, F::carrier, m.carrier);
      set_text(p, F::tracking_no, m.tracking);
      set_text(p, F::name, m.recipient);
      set_text(p, F::note, m.note);
      m.received_ms = p.number(F::at_ms).value_or(0);
      break;
    }
    case OpKind::mail_notified: {
      MailItem* m = parent_of(d, p);
      auto how = p.number(F::notify_how);
      if (!m || !how || !mail::is_notice_how(*how)) break;
      m->notices.push_back({op.entity, op.actor, static_cast<mail::NoticeHow>(*how), p.number(F::at_ms).value_or(0),
                            std::string(p.text(F::note).value_or(""))});
      break;
    }
    case OpKind::mail_collected:
      if (MailItem* m = parent_of(d, p)) end(*m, op, mail::State::collected);
      break;
    case OpKind::mail_returned:
      if (MailItem* m = parent_of(d, p)) end(*m, op, mail::State::returned);
      break;
    case OpKind::mail_settings_set:
      // Only the settings' own entity; field by field, the later edit winning.
      if (op.entity == kMailSettingsEntity) set_number(p, F::return_after_days, d.settings.return_after_days);
      break;
    default:
      break;
  }
}

}  // namespace app
