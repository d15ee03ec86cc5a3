#include "app/mail/mail_ops.hpp"

#include "app/mail/mail_data.hpp"
#include "app/mail/mail_rules.hpp"

namespace app {
namespace {

Status check_settings(const Op& op) {
  if (op.entity != kMailSettingsEntity) return invalid_op("the mail settings have one record");
  return ok_status();
}

// 002:82 "业主邮件、报纸等事项签收;": whoever works the office signs mail in and
// hands it over — butlers, the front desk, their head and the manager.
const OpSpec kSpecs[] = {
    {OpKind::mail_received, {F::mail_kind, F::carrier, F::tracking_no, F::unit, F::name, F::note, F::at_ms}, {F::mail_kind, F::unit, F::at_ms},
     kOfficeRoles},
    {OpKind::mail_notified, {F::parent, F::notify_how, F::note, F::at_ms}, {F::parent, F::notify_how, F::at_ms}, kOfficeRoles},
    // 001:9 "由收件人在《郵件收發(fā)登記表》上簽收": collected with the collector's name and signature.
    {OpKind::mail_collected, {F::parent, F::collector_kind, F::name, F::signature, F::note, F::at_ms},
     {F::parent, F::collector_kind, F::name, F::signature, F::at_ms}, kOfficeRoles},
    {OpKind::mail_returned, {F::parent, F::note, F::at_ms}, {F::parent, F::at_ms}, kOfficeRoles},
    // The return time is the office's choice (the manuals give none): a lead's.
    {OpKind::mail_settings_set, {F::return_after_days}, {F::return_after_days}, kLeadRoles, check_settings},
};

const FieldRule kRules[] = {
    {F::mail_kind, [](const Payload::Field& f) { return mail::is_kind(f.number); }, "unknown mail kind"},
    {F::carrier, is_not_empty, "empty carrier"},
    {F::tracking_no, is_not_empty, "empty tracking number"},
    {F::notify_how, [](const Payload::Field& f) { return mail::is_notice_how(f.number); }, "unknown way of telling"},
    {F::collector_kind, [](const Payload::Field& f) { return mail::is_collector(f.number); }, "unknown collector"},
    {F::return_after_days, [](const Payload::Field& f) { return mail::is_return_days(f.number); }, "return time out of range"},
};

}  // namespace

OpTable mail_ops() { return {kSpecs, kRules}; }

}  // namespace app
