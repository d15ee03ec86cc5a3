// Renovation rules as tables: every stage transition, the re-check one
// calendar month after the completion check (clamped to the month's end),
// lateness of the re-check, and the refund in integer fen.
#include <catch2/catch.hpp>

#include "app/renovation/renovation_rules.hpp"

using namespace app::renovation;

TEST_CASE("renovation stages — every transition, only the next stage follows, nothing after the refund") {
  for (int f = 0; f <= 8; ++f) {
    for (int t = 0; t <= 8; ++t) {
      INFO(f << " -> " << t);
      const TransitionError e = check_transition(static_cast<Stage>(f), static_cast<Stage>(t));
      if (f == 8) CHECK(e == TransitionError::already_refunded);
      else if (t == f + 1) CHECK(e == TransitionError::none);
      else if (t <= f) CHECK(e == TransitionError::goes_backwards);
      else CHECK(e == TransitionError::skips_a_step);
    }
  }
  CHECK(is_stage(0));
  CHECK(is_stage(8));
  CHECK_FALSE(is_stage(9));
  CHECK_FALSE(is_stage(-1));
  CHECK(action_needs_lead(Action::deduct_deposit));
  CHECK(action_needs_lead(Action::expel_contractor));
  CHECK_FALSE(action_needs_lead(Action::stop_work));
  CHECK_FALSE(action_needs_lead(Action::rectify_by));
}

TEST_CASE("the re-check falls one calendar month after the completion check, clamped to the month's last day") {
  struct Row { std::int64_t checked, due; };
  for (const Row& r : {Row{20260115, 20260215}, Row{20260131, 20260228}, Row{20280131, 20280229}, Row{20210131, 20210228},
                       Row{21000131, 21000228}, Row{20000131, 20000229}, Row{20260330, 20260430}, Row{20260331, 20260430},
                       Row{20261130, 20261230}, Row{20261231, 20270131}, Row{20261215, 20270115}, Row{20260228, 20260328},
                       Row{20260829, 20260929}, Row{20260531, 20260630}}) {
    INFO(r.checked);
    CHECK(one_month_after(r.checked) == r.due);
  }
  CHECK_FALSE(recheck_overdue(20260228, 20260228));  // due that day, not late
  CHECK(recheck_overdue(20260228, 20260301));
  CHECK_FALSE(recheck_overdue(20260228, 20260227));
  CHECK_FALSE(recheck_overdue(0, 20260301));  // nothing due yet
}

TEST_CASE("deposit refund in fen — deposit less deductions less lost passes, never below zero") {
  struct Row { std::int64_t deposit, deductions, lost, penalty, refund, penalties; };
  for (const Row& r : {Row{300000, 0, 0, 5000, 300000, 0}, Row{300000, 50000, 0, 5000, 250000, 0},
                       Row{300000, 50000, 1, 5000, 245000, 5000}, Row{300000, 50000, 3, 5000, 235000, 15000},
                       Row{200001, 1, 1, 1, 199999, 1}, Row{100000, 90000, 3, 5000, 0, 15000}, Row{100000, 250000, 0, 5000, 0, 0},
                       Row{0, 0, 2, 5000, 0, 10000}, Row{300000, 0, 2, 0, 300000, 0}}) {
    INFO(r.deposit << " - " << r.deductions << " - " << r.lost << " x " << r.penalty);
    const Refund x = refund_for(r.deposit, r.deductions, r.lost, r.penalty);
    CHECK(x.refund == r.refund);
    CHECK(x.penalties == r.penalties);
    CHECK(x.deposit == r.deposit);
    CHECK(x.deductions == r.deductions);
    CHECK(x.lost_passes == r.lost);
  }
  char buf[32];
  CHECK(format_yuan(300000, buf) == "3000.00");
  CHECK(format_yuan(5, buf) == "0.05");
  CHECK(format_yuan(123456, buf) == "1234.56");
  CHECK(format_yuan(0, buf) == "0.00");
  CHECK(format_yuan(-150, buf) == "-1.50");
  CHECK(Settings{}.lost_pass_penalty_cents == 5000);
}

TEST_CASE("passes are issued from the fees being paid until the works are done, at no other stage") {
  for (int s = 0; s <= 8; ++s) {
    INFO(s);
    CHECK(passes_may_be_issued(static_cast<Stage>(s)) == (s >= 3 && s <= 5));
  }
}
