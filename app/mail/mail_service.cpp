// MailService's commands and queries (mail_service.hpp).
#include "app/mail/mail_service.hpp"

#include <algorithm>
#include <tuple>

#include "app/core/local_time.hpp"
#include "app/core/text.hpp"
#include "app/domain/command_errors.hpp"
#include "app/i18n/catalogue.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;
using command_detail::errorf;

}  // namespace

const MailService::Index& MailService::index() const {
  if (index_version_ == ctx_.version()) return index_;
  index_ = {};
  for (const auto& [id, m] : ctx_.data().mail.items) {
    if (!m.known()) continue;
    if (m.waiting()) {
      index_.waiting.push_back(&m);
      ++index_.per_unit[m.unit];
    } else {
      index_.closed.push_back(&m);
    }
  }
  std::sort(index_.waiting.begin(), index_.waiting.end(),
            [](const MailItem* a, const MailItem* b) { return std::tie(a->received_ms, a->id) < std::tie(b->received_ms, b->id); });
  std::sort(index_.closed.begin(), index_.closed.end(),
            [](const MailItem* a, const MailItem* b) { return std::tie(a->closed_ms, a->id) > std::tie(b->closed_ms, b->id); });
  index_version_ = ctx_.version();
  return index_;
}

Status MailService::open_item(const Id& id, const MailItem** out) const {
  const MailItem* m = item(id);
  if (!m) return error("unknown_item", S::err_mail_unknown);
  if (m->state == mail::State::collected) {
    return errorf("collected", S::err_mail_collected, m->collector_name.c_str(), short_local(m->closed_ms, ctx_.utc_offset_minutes()).c_str());
  }
  if (m->state == mail::State::returned) return errorf("returned", S::err_mail_returned, short_local(m->closed_ms, ctx_.utc_offset_minutes()).c_str());
  *out = m;
  return ok_status();
}

Result<Id> MailService::receive(const NewMail& in) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (in.unit.is_nil() || !ctx_.data().units.count(in.unit)) return error("unit_required", S::err_mail_unit);
  const std::string tracking = trimmed(in.tracking), carrier = trimmed(in.carrier), recipient = trimmed(in.recipient), note = trimmed(in.note);
  // 001:9 "對(duì)于特殊郵件, 須將郵件收件日期、郵件號(hào)碼、郵件性質(zhì)、發(fā)件地點(diǎn)、收件房號(hào)、數(shù)量、收件人姓名填寫到《郵件收發(fā)登記表》上。"
  if (mail::is_special(in.kind) && tracking.empty()) return error("tracking_required", S::err_mail_tracking);
  if (tracking.size() > 40) return error("tracking_long", S::err_mail_tracking_long);
  Payload p;
  p.set(F::mail_kind, static_cast<std::int64_t>(in.kind)).set(F::unit, in.unit.to_hex());
  if (!carrier.empty()) p.set(F::carrier, carrier);
  if (!tracking.empty()) p.set(F::tracking_no, tracking);
  if (!recipient.empty()) p.set(F::name, recipient);
  if (!note.empty()) p.set(F::note, note);
  p.set(F::at_ms, ctx_.now_ms());
  const Id id = ctx_.new_id();
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::mail_received, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status MailService::notify(const Id& id, mail::NoticeHow how, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const MailItem* m = nullptr;
  if (Status s = open_item(id, &m); !s.ok()) return s;
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::notify_how, static_cast<std::int64_t>(how));
  if (std::string words = trimmed(note); !words.empty()) p.set(F::note, std::move(words));
  p.set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::mail_notified, ctx_.new_id(), std::move(p))});
}

Status MailService::collect(const Id& id, const MailCollection& c) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const MailItem* m = nullptr;
  if (Status s = open_item(id, &m); !s.ok()) return s;
  // 001:9 "核對(duì)領(lǐng)取人的有效證件無(wú)誤后, 由收件人在《郵件收發(fā)登記表》上簽收。"
  std::string name = trimmed(c.name);
  if (name.empty()) return error("name_required", S::err_mail_collector_name);
  if (!looks_signed(c.signature)) return error("signature_required", S::err_mail_signature);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::collector_kind, static_cast<std::int64_t>(c.collector)).set(F::name, std::move(name));
  p.set(F::signature, encode_signature(c.signature)).set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::mail_collected, ctx_.new_id(), std::move(p))});
}

Status MailService::return_to_sender(const Id& id, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const MailItem* m = nullptr;
  if (Status s = open_item(id, &m); !s.ok()) return s;
  std::string words = trimmed(note);
  // Before the set time only with a reason (the owner refused it, a wrong address).
  if (!return_due(*m) && words.empty()) return errorf("too_early", S::err_mail_return_early, static_cast<long long>(return_days()));
  Payload p;
  p.set(F::parent, id.to_hex());
  if (!words.empty()) p.set(F::note, std::move(words));
  p.set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::mail_returned, ctx_.new_id(), std::move(p))});
}

bool MailService::may_edit_settings() const { return ctx_.lead_signed_in(); }

Status MailService::save_return_days(std::int64_t days) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  if (!may_edit_settings()) return error("not_allowed", S::err_mail_settings_role);
  if (!mail::is_return_days(days)) return error("bad_days", S::err_mail_return_days);
  Payload p;
  p.set(F::return_after_days, days);
  return ctx_.commit({ctx_.make_op(OpKind::mail_settings_set, kMailSettingsEntity, std::move(p))});
}

const MailItem* MailService::item(const Id& id) const {
  auto it = ctx_.data().mail.items.find(id);
  return it == ctx_.data().mail.items.end() || !it->second.known() ? nullptr : &it->second;
}

const std::vector<const MailItem*>& MailService::waiting() const { return index().waiting; }

std::vector<const MailItem*> MailService::recent_closed(std::size_t n) const {
  const auto& closed = index().closed;
  return {closed.begin(), closed.begin() + static_cast<std::ptrdiff_t>(std::min(n, closed.size()))};
}

bool MailService::call_due(const MailItem& m) const {
  return mail::call_due(m.kind, m.waiting(), m.received_ms, m.last_phone_ms(), ctx_.lateness_now_ms());
}

std::int64_t MailService::return_due_ms(const MailItem& m) const { return mail::return_due_ms(m.received_ms, return_days()); }

bool MailService::return_due(const MailItem& m) const { return m.waiting() && ctx_.lateness_now_ms() >= return_due_ms(m); }

std::vector<const MailItem*> MailService::calls_due() const {
  std::vector<const MailItem*> out;
  for (const MailItem* m : waiting()) {
    if (call_due(*m)) out.push_back(m);
  }
  return out;
}

std::vector<const MailItem*> MailService::returns_due() const {
  std::vector<const MailItem*> out;
  for (const MailItem* m : waiting()) {
    if (return_due(*m)) out.push_back(m);
  }
  return out;
}

std::vector<const MailItem*> MailService::conflicts() const {
  std::vector<const MailItem*> out;
  for (const MailItem* m : index().closed) {
    if (!m->conflicts.empty()) out.push_back(m);
  }
  return out;
}

int MailService::waiting_at(const Id& unit) const {
  auto it = index().per_unit.find(unit);
  return it == index().per_unit.end() ? 0 : it->second;
}

}  // namespace app
