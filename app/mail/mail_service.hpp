#pragma once
// app::MailService: the front desk's mail and parcels register (邮件、报纸签收):
// items signed in on arrival, the owner told, the call due after two days
// (001), collected with a signature or returned to the sender after the set
// time. The rules are mail_rules.hpp; this turns them into ops and messages a
// butler can read. Reached as session.mail().
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/core/signature.hpp"
#include "app/domain/command_context.hpp"
#include "app/mail/mail_data.hpp"

namespace app {

struct NewMail {
  mail::Kind kind = mail::Kind::parcel;
  Id unit;
  std::string carrier, tracking, recipient, note;
};

struct MailCollection {
  mail::Collector collector = mail::Collector::owner;
  std::string name;
  Signature signature;
};

class MailService {
 public:
  explicit MailService(CommandContext& ctx) : ctx_(ctx) {}
  MailService(const MailService&) = delete;
  MailService& operator=(const MailService&) = delete;

  // Signs an item in, received now by whoever records. Refuses: an unknown
  // unit; a special item (registered, parcel, express) without its tracking
  // number (001 郵件號碼).
  Result<Id> receive(const NewMail& item);
  // The owner told (or called). Refuses: unknown item, an item collected or returned.
  Status notify(const Id& item, mail::NoticeHow how, std::string_view note = {});
  // Handed over. Refuses: unknown item, collected or returned already, no
  // collector's name, no signature.
  Status collect(const Id& item, const MailCollection& c);
  // Back to its sender. Refuses: unknown item, collected or returned already,
  // before the return time without a reason.
  Status return_to_sender(const Id& item, std::string_view note = {});
  // The return time (days). Refuses anyone but a head butler or the manager, and a number out of 1–90.
  Status save_return_days(std::int64_t days);
  bool may_edit_settings() const;

  const MailItem* item(const Id& id) const;
  const std::vector<const MailItem*>& waiting() const;            // oldest first
  std::vector<const MailItem*> recent_closed(std::size_t n = 20) const;  // newest first
  std::vector<const MailItem*> calls_due() const;    // 001: special, two days here, not yet called
  std::vector<const MailItem*> returns_due() const;  // waiting past the return time
  std::vector<const MailItem*> conflicts() const;    // items with an end that came too late
  std::int64_t call_due_ms(const MailItem& m) const { return mail::call_due_ms(m.received_ms); }
  bool call_due(const MailItem& m) const;
  std::int64_t return_due_ms(const MailItem& m) const;
  bool return_due(const MailItem& m) const;
  int waiting_at(const Id& unit) const;  // items waiting for a unit (its record page)
  std::int64_t return_days() const { return ctx_.data().mail.settings.return_days(); }
  bool return_days_default() const { return ctx_.data().mail.settings.return_after_days == 0; }

 private:
  struct Index {
    std::vector<const MailItem*> waiting, closed;  // waiting oldest first; closed newest first
    std::unordered_map<Id, int, IdHash> per_unit;
  };
  const Index& index() const;
  Status open_item(const Id& id, const MailItem** out) const;

  CommandContext& ctx_;
  mutable Index index_;
  mutable std::uint64_t index_version_ = ~0ull;
};

}  // namespace app
