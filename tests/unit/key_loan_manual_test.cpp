// The key loan as the manual writes it (issue 16, item 13), one table per
// rule, each case citing its line in shared/seeds/000_*.txt:
//   000:407 "1.1.3.3 钥匙管理严格强调时效性,所借钥匙均需当天借用,当天归还。"
//   000:425 "1.1.4.8 钥匙分发给相关使用部门,使用人须签收《钥匙发放表》。"
// A loan due the next day is refused unless the manager approved it (the head
// butler cannot), and a loan without the borrower's signature is refused —
// by the command on the tablet and by the rule layer the server shares.
#include <catch2/catch.hpp>

#include "app/domain/validate_op.hpp"
#include "keys_fixture.hpp"

using namespace keys_fixture;

namespace {

struct DueCase {
  const char* manual;  // the line it encodes
  Role who;            // who records the loan
  std::int64_t due;    // from kAfternoon (0: the default, the end of today)
  const char* code;    // the refusal ("": lent)
};

}  // namespace

TEST_CASE("key loan due dates follow 000:407 - same day by default, overnight only with the manager's approval") {
  const DueCase cases[] = {
      {"000:407", Role::front_desk, 0, ""},                                   // the default: back today
      {"000:407", Role::front_desk, kMidnight - kAfternoon, ""},              // midnight itself is still today
      {"000:407", Role::front_desk, kMidnight - kAfternoon + kHour, "due_after_today"},  // the next day
      {"000:407", Role::butler, kDay, "due_after_today"},
      {"000:407", Role::head_butler, kDay, "due_after_today"},               // the head butler cannot approve
      {"000:407", Role::manager, kDay, ""},                                   // the manager's exception
      {"000:407", Role::manager, -kMinute, "due_past"},
  };
  for (const DueCase& c : cases) {
    CAPTURE(c.manual, static_cast<int>(c.who), c.due);
    Device d(61);
    REQUIRE(d.loaded);
    d.as(c.who);
    NewLoan loan = d.loan_to(d.staff(Role::butler, 1), d.keys_in(1));
    if (c.due != 0) loan.due_ms = kAfternoon + c.due;
    const Result<Id> r = d.session.keys().lend(loan);
    if (*c.code) {
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == c.code);
      continue;
    }
    REQUIRE(r.ok());
    const Loan* l = d.session.keys().loan(r.value());
    REQUIRE(l);
    const bool overnight = l->due_ms > kMidnight;
    // 000:407: an overnight loan says who approved it; a same-day one names nobody.
    CHECK(l->approved_by == (overnight ? d.staff(Role::manager) : Id{}));
    CHECK(validate_op(d.session.decoded_log().back()).ok());
  }
}

TEST_CASE("key loan overnight approval after the loan - the manager's alone, recorded on the loan (000:407)") {
  Device d(62);
  REQUIRE(d.loaded);
  d.as(Role::front_desk);
  const Id loan = d.session.keys().lend(d.loan_to(d.staff(Role::butler, 1), d.keys_in(1))).value();
  const std::int64_t tomorrow = kMidnight + 18 * kHour;
  struct ApproveCase {
    const char* manual;
    Role who;
    std::int64_t due;
    const char* note;
    const char* code;
  };
  const ApproveCase cases[] = {
      {"000:407", Role::front_desk, tomorrow, "业主明早验房", "not_allowed"},
      {"000:407", Role::head_butler, tomorrow, "业主明早验房", "not_allowed"},  // not the head butler
      {"000:407", Role::manager, kMidnight - kHour, "业主明早验房", "due_past"},  // not later than today's end
      {"000:407", Role::manager, tomorrow, "", "note_required"},
      {"000:407", Role::manager, tomorrow, "业主明早验房", ""},
  };
  for (const ApproveCase& c : cases) {
    CAPTURE(c.manual, static_cast<int>(c.who));
    d.as(c.who);
    const Status s = d.session.keys().approve_overnight(loan, c.due, c.note);
    if (*c.code) {
      CHECK(s.error().code == c.code);
      CHECK(d.session.keys().loan(loan)->approved_by.is_nil());
    } else {
      REQUIRE(s.ok());
    }
  }
  const Loan* l = d.session.keys().loan(loan);
  CHECK(l->approved_by == d.staff(Role::manager));
  CHECK(l->approval_note == "业主明早验房");
  CHECK(d.session.keys().loan_due(*l) == tomorrow);
  d.clock.now = kMidnight + kHour;  // past the day it went out, within the approval: not overdue
  CHECK_FALSE(d.session.keys().loan_overdue(*l));
  // The server's role table: only the manager writes an approval.
  const Op approval = d.session.decoded_log().back();
  REQUIRE(approval.kind == OpKind::key_overnight_approved);
  CHECK(validate_op(approval).ok());
  CHECK(may_record(approval, static_cast<std::int64_t>(Role::manager)).ok());
  CHECK_FALSE(may_record(approval, static_cast<std::int64_t>(Role::head_butler)).ok());
  CHECK_FALSE(may_record(approval, static_cast<std::int64_t>(Role::front_desk)).ok());
}

TEST_CASE("key loan ops in the rule layer - overnight without an approver, or approved by a head butler, are refused (000:407)") {
  Device d(63);
  REQUIRE(d.loaded);
  d.as(Role::manager);
  NewLoan loan = d.loan_to(d.staff(Role::butler, 1), d.keys_in(1));
  loan.due_ms = kAfternoon + 2 * kDay;
  REQUIRE(d.session.keys().lend(loan).ok());
  const Op good = d.session.decoded_log().back();
  REQUIRE(validate_op(good).ok());
  CHECK(may_record(good, static_cast<std::int64_t>(Role::manager)).ok());
  // 000:407: the same op recorded by a head butler is refused by the role rule.
  CHECK(may_record(good, static_cast<std::int64_t>(Role::head_butler)).error().code == "forbidden_role");
  Op no_approver = good;
  no_approver.payload = {};
  for (const Payload::Field& f : good.payload.fields()) {
    if (f.key != static_cast<std::uint16_t>(F::approved_by)) no_approver.payload.mutable_fields().push_back(f);
  }
  CHECK_FALSE(validate_op(no_approver).ok());  // due two days on, nobody approved
  Op someone_else = good;
  someone_else.payload.set(F::approved_by, Id{7, 7}.to_hex());
  CHECK_FALSE(validate_op(someone_else).ok());  // an approval is the recorder's own
}

TEST_CASE("key loan without the borrower's signature is refused (000:425)") {
  struct SignCase {
    const char* manual;
    bool outsider;
    bool sign;
    const char* code;
  };
  const SignCase cases[] = {
      {"000:425", false, false, "signature_required"},
      {"000:425", true, false, "signature_required"},
      {"000:425", false, true, ""},
      {"000:425", true, true, ""},
  };
  for (const SignCase& c : cases) {
    CAPTURE(c.manual, c.outsider, c.sign);
    Device d(64);
    REQUIRE(d.loaded);
    d.as(Role::front_desk);
    NewLoan loan = d.loan_to(d.staff(Role::butler, 1), d.keys_in(1));
    if (c.outsider) {
      loan.borrower_kind = keys::BorrowerKind::contractor;
      loan.staff = {};
      loan.name = "周师傅";
      loan.phone = "13800001111";
    }
    if (!c.sign) loan.signature = {};
    const std::size_t out_before = d.session.keys().keys_out().size();
    const Result<Id> r = d.session.keys().lend(loan);
    if (*c.code) {
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == c.code);
      CHECK(d.session.keys().keys_out().size() == out_before);  // nothing lent
      continue;
    }
    REQUIRE(r.ok());
    const Loan* l = d.session.keys().loan(r.value());
    REQUIRE(l);
    const auto strokes = decode_signature(l->signature);
    REQUIRE(strokes);
    CHECK(*strokes == name_signature());
  }
  // A stray touch is not a signature either.
  Device d(65);
  d.as(Role::front_desk);
  NewLoan dot = d.loan_to(d.staff(Role::butler, 1), d.keys_in(1));
  dot.signature.strokes = {{{500, 500}}};
  CHECK(d.session.keys().lend(dot).error().code == "signature_required");
}
