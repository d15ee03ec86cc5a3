#pragma once
// The catalogue's words for the mail register's enums (the screen, the
// handover and the export say them the same way).
#include "app/i18n/catalogue.hpp"
#include "app/mail/mail_rules.hpp"

namespace app::mail {

inline i18n::S kind_label(Kind k) {
  switch (k) {
    case Kind::letter: return i18n::S::mail_kind_letter;
    case Kind::registered: return i18n::S::mail_kind_registered;
    case Kind::parcel: return i18n::S::mail_kind_parcel;
    case Kind::express: return i18n::S::mail_kind_express;
    case Kind::newspaper: return i18n::S::mail_kind_newspaper;
  }
  return i18n::S::mail_kind_letter;
}

inline i18n::S collector_label(Collector c) {
  switch (c) {
    case Collector::owner: return i18n::S::mail_collector_owner;
    case Collector::family: return i18n::S::mail_collector_family;
    case Collector::tenant: return i18n::S::mail_collector_tenant;
    case Collector::other: return i18n::S::mail_collector_other;
  }
  return i18n::S::mail_collector_other;
}

inline i18n::S notice_how_label(NoticeHow h) {
  switch (h) {
    case NoticeHow::phone: return i18n::S::mail_how_phone;
    case NoticeHow::sms: return i18n::S::mail_how_sms;
    case NoticeHow::notice: return i18n::S::mail_how_notice;
  }
  return i18n::S::mail_how_notice;
}

inline i18n::S state_label(State s) {
  switch (s) {
    case State::waiting: return i18n::S::mail_state_waiting;
    case State::collected: return i18n::S::mail_state_collected;
    case State::returned: return i18n::S::mail_state_returned;
  }
  return i18n::S::mail_state_waiting;
}

}  // namespace app::mail
