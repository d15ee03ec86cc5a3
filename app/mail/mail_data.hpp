#pragma once
// Mail and parcels as folded state. An item is signed in once; the owner's
// notices (and the calls) only grow; it ends once, collected or returned to
// its sender. Two tablets ending the same item offline: the first end in fold
// order stands, the other is kept on the item as a conflict for a lead to see,
// never dropped. Every replica folds the same ops to the same register.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/id.hpp"
#include "app/mail/mail_rules.hpp"
#include "app/ops/op.hpp"

namespace app {

struct MailNotice {
  Id id, by;
  mail::NoticeHow how = mail::NoticeHow::phone;
  std::int64_t at_ms = 0;
  std::string note;
  bool operator==(const MailNotice&) const = default;
};

// An end (collection or return) that came after the item had already ended.
struct MailConflict {
  Id id, by;
  mail::State wanted = mail::State::collected;
  std::int64_t at_ms = 0;
  std::string name;  // the collector it named (a collection)
  bool operator==(const MailConflict&) const = default;
};

struct MailItem {
  Id id, received_by, unit;
  mail::Kind kind = mail::Kind::letter;
  std::string carrier, tracking, recipient, note;
  std::int64_t received_ms = 0;
  std::vector<MailNotice> notices;  // in fold order
  mail::State state = mail::State::waiting;
  Id closed_record, closed_by;  // the collection or return that ended it
  std::int64_t closed_ms = 0;
  mail::Collector collector = mail::Collector::owner;
  std::string collector_name, signature, close_note;  // signature: encoded strokes (app/core/signature.hpp)
  std::vector<MailConflict> conflicts;
  bool known() const { return received_ms != 0; }
  bool waiting() const { return known() && state == mail::State::waiting; }
  std::int64_t last_phone_ms() const;  // the latest phone call recorded (0: none)
  bool operator==(const MailItem&) const = default;
};

struct MailSettings {
  std::int64_t return_after_days = 0;  // 0: the team's default (mail::kDefaultReturnDays)
  std::int64_t return_days() const { return return_after_days > 0 ? return_after_days : mail::kDefaultReturnDays; }
  bool operator==(const MailSettings&) const = default;
};

// The settings' one entity: "MAILSETTINGS".
inline constexpr Id kMailSettingsEntity{0x4d41494c53455454ull, 0x494e475300000001ull};

struct MailData {
  std::unordered_map<Id, MailItem, IdHash> items;
  MailSettings settings;
  bool operator==(const MailData&) const = default;
};

void apply_mail(MailData& d, const Op& op);
template <class Projection>
void fold_mail(Projection& d, const Op& op) {
  apply_mail(d.mail, op);
}

}  // namespace app
