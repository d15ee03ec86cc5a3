// The mail register in a projection snapshot (format 11). Each entity's
// fields are listed once, in stored order, for both the writer and the reader
// (snapshot_fields.hpp); a reader refuses any value its fold could not have
// produced.
#include "app/mail/mail_data.hpp"
#include "app/store/snapshot_sections.hpp"

namespace app {
namespace {

using namespace snapshot_fields;

bool is_how(std::int64_t v) { return mail::is_notice_how(v); }
bool is_kind(std::int64_t v) { return mail::is_kind(v); }
bool is_state(std::int64_t v) { return mail::is_state(v); }
bool is_collector(std::int64_t v) { return mail::is_collector(v); }
// 0 is "the team's default"; anything else an op could have set.
bool is_days(std::int64_t v) { return v == 0 || mail::is_return_days(v); }

bool fields(auto& v, Of<MailNotice> auto& x) {
  return v.id(x.id) && v.id(x.by) && v.enumeration(x.how, is_how) && v.number(x.at_ms) && v.text(x.note);
}

bool fields(auto& v, Of<MailConflict> auto& x) {
  return v.id(x.id) && v.id(x.by) && v.enumeration(x.wanted, is_state) && v.number(x.at_ms) && v.text(x.name);
}

bool fields(auto& v, Of<MailItem> auto& x) {
  auto each = [&](auto& e) { return fields(v, e); };
  return v.id(x.id) && v.id(x.received_by) && v.id(x.unit) && v.enumeration(x.kind, is_kind) && v.text(x.carrier) && v.text(x.tracking) &&
         v.text(x.recipient) && v.text(x.note) && v.number(x.received_ms) && v.list(x.notices, 32, each) &&
         v.enumeration(x.state, is_state) && v.id(x.closed_record) && v.id(x.closed_by) && v.number(x.closed_ms) &&
         v.enumeration(x.collector, is_collector) && v.text(x.collector_name) && v.text(x.signature) && v.text(x.close_note) &&
         v.list(x.conflicts, 32, each);
}

bool fields(auto& v, Of<MailSettings> auto& x) {
  return v.number(x.return_after_days, is_days);
}

constexpr auto kFields = [](auto& v, auto& x) { return fields(v, x); };

}  // namespace

void add_mail_sections(SnapshotSections& s) {
  s.map("mail", 11, kFields, [](auto& d) -> auto& { return d.mail.items; });
  s.value("mail settings", 11, kFields, [](auto& d) -> auto& { return d.mail.settings; });
}

}  // namespace app
