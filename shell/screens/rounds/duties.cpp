// Today's duties (今日巡查): for each of the butler's zones, the manuals' daily
// cadence — gate greeting, model units opened and closed, the zone round, the
// vacant and renovation units — each with its window, a countdown, and
// whether it is done, in progress, late or missed. A tap goes straight to
// the round that does it (or signs in at the gate).
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/rounds/rounds_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
using app::schedule::Duty;
using app::schedule::DutyOutcome;

namespace shell {

S duty_label(Duty d) {
  switch (d) {
    case Duty::gate_greeting: return S::duty_gate_greeting;
    case Duty::model_open: return S::duty_model_open;
    case Duty::zone_round: return S::duty_zone_round;
    case Duty::vacant_round: return S::duty_vacant_round;
    case Duty::model_close: return S::duty_model_close;
  }
  return S::app_name;
}

S duty_short(Duty d) {
  switch (d) {
    case Duty::gate_greeting: return S::duty_short_gate;
    case Duty::model_open: return S::duty_short_model_open;
    case Duty::zone_round: return S::duty_short_zone;
    case Duty::vacant_round: return S::duty_short_units;
    case Duty::model_close: return S::duty_short_model_close;
  }
  return S::duty_short_zone;
}

S outcome_label(DutyOutcome o) {
  switch (o) {
    case DutyOutcome::upcoming: return S::outcome_upcoming;
    case DutyOutcome::due: return S::outcome_due;
    case DutyOutcome::in_progress: return S::outcome_in_progress;
    case DutyOutcome::late: return S::outcome_late;
    case DutyOutcome::done: return S::outcome_done;
    case DutyOutcome::done_late: return S::outcome_done_late;
    case DutyOutcome::missed: return S::outcome_missed;
    case DutyOutcome::incomplete: return S::outcome_incomplete;
    case DutyOutcome::outside: return S::outcome_outside;
  }
  return S::outcome_upcoming;
}

ImU32 outcome_color(DutyOutcome o) {
  switch (o) {
    case DutyOutcome::done: return colors::ok;
    case DutyOutcome::in_progress: case DutyOutcome::due: return colors::primary;
    case DutyOutcome::late: case DutyOutcome::missed: case DutyOutcome::incomplete: case DutyOutcome::outside: return colors::danger;
    case DutyOutcome::done_late: return colors::warn;
    case DutyOutcome::upcoming: return colors::muted;
  }
  return colors::muted;
}

namespace {

// "09:00–17:30 · 还有 25 分钟" (or "剩余", or the time it was done).
void when_text(const app::Session& session, const app::DutyLine& d, char* out, std::size_t size) {
  const app::schedule::DutyWindow& w = d.window;
  char from[6], to[6];
  // A presence reads as its window (07:30–08:30), not the earliest sign-in counted.
  app::schedule::format_hhmm(w.stay_until > 0 ? w.start_by : w.start_minute, from);
  app::schedule::format_hhmm(w.end_minute, to);
  const int now = session.local_now().minute;
  int n = std::snprintf(out, size, "%s–%s", from, to);
  if (n < 0 || static_cast<std::size_t>(n) >= size) return;
  char extra[64] = "";
  if (d.round && d.round->finished_ms != 0) {
    const app::LocalTime t = session.local(d.round->finished_ms);
    char at[6];
    app::schedule::format_hhmm(t.minute, at);
    std::snprintf(extra, sizeof extra, tr(S::duty_done_at), at);
  } else if (d.outcome == DutyOutcome::upcoming) {
    const int m = w.start_minute - now;
    std::snprintf(extra, sizeof extra, m < 60 ? tr(S::today_in_minutes) : tr(S::today_in_hours), m < 60 ? m : m / 60, m % 60);
  } else if (d.outcome == DutyOutcome::due || d.outcome == DutyOutcome::in_progress) {
    const int m = (d.outcome == DutyOutcome::due ? w.start_by : w.end_minute) - now;
    if (m < 60) std::snprintf(extra, sizeof extra, tr(S::today_ends_in), m);
    else std::snprintf(extra, sizeof extra, tr(S::today_ends_in_hours), m / 60, m % 60);
  }
  if (extra[0]) std::snprintf(out + n, size - static_cast<std::size_t>(n), " · %s", extra);
}

void open_duty(ScreenContext& ctx, const app::ZoneRow& zone, const app::DutyLine& d) {
  const app::RoundKind kind = app::schedule::round_kind_of(d.duty);
  ctx.state.rounds.round_message.clear();
  if (kind == app::RoundKind::zone) {  // the zone's route first: the butler sees what is ahead
    ctx.state.screen = Screen::rounds;
    ctx.state.rounds.open_zone = zone.id;
    // Not another round's runner left open (the units round walked before).
    ctx.state.rounds.active_round = {};
    ctx.state.rounds.open_checkpoint = {};
    return;
  }
  if (kind == app::RoundKind::gate && ctx.session.rounds().gate_signed_in()) {
    // 早送宾 is a presence: the second tap signs out (before 08:30 it was not kept).
    const app::Status out = ctx.session.rounds().sign_out_gate(zone.id);
    ctx.state.status_message = out.ok() ? tr(S::gate_signed_out) : out.error().message;
    return;
  }
  const app::Result<app::Id> r = ctx.session.rounds().start_round(zone.id, kind);
  if (!r.ok()) {
    ctx.state.status_message = r.error().message;
    return;
  }
  if (kind == app::RoundKind::gate) {
    ctx.state.status_message = tr(S::gate_signed_in);
    return;
  }
  ctx.state.screen = Screen::rounds;
  ctx.state.rounds.open_zone = zone.id;
  ctx.state.rounds.active_round = r.value();
  ctx.state.rounds.open_checkpoint = {};
}

}  // namespace

void draw_todays_duties(ScreenContext& ctx) {
  const std::int64_t today = ctx.session.today();
  const auto zones = ctx.session.estate().my_zones();
  bool gate_shown = false;
  int zone_index = 0;
  for (const app::ZoneRow* zone : zones) {
    for (const app::DutyLine& d : ctx.session.rounds().duties_of(zone->id, today)) {
      if (d.duty == Duty::gate_greeting && gate_shown) continue;  // the estate's, shown once
      gate_shown = gate_shown || d.duty == Duty::gate_greeting;
      char id[48], title[192], sub[160], state[96];
      if (d.duty == Duty::zone_round) std::snprintf(id, sizeof id, "today_zone:%d", zone_index);
      else std::snprintf(id, sizeof id, "today_duty:%d:%d", zone_index, static_cast<int>(d.duty));
      if (d.duty != Duty::gate_greeting) std::snprintf(title, sizeof title, "%s · %s", tr(duty_label(d.duty)), zone->name.c_str());
      else if (const std::string gate = ctx.session.setup().greeting_gate(); !gate.empty())
        std::snprintf(title, sizeof title, "%s · %s", tr(duty_label(d.duty)), gate.c_str());
      else std::snprintf(title, sizeof title, "%s", tr(duty_label(d.duty)));
      when_text(ctx.session, d, sub, sizeof sub);
      const char* outcome = tr(outcome_label(d.outcome));
      if (d.round && d.round->kind != app::RoundKind::gate && d.round->finished_ms == 0) {
        const app::RoundProgress p = ctx.session.rounds().round_progress(d.round->id);
        std::snprintf(state, sizeof state, "%s %d/%d", outcome, p.done, p.checkpoints);
      } else if (d.duty != Duty::gate_greeting && !d.round) {
        // How many places the duty still has to see, said as such (a bare number told nobody what).
        std::snprintf(state, sizeof state, tr(S::duty_state_stops), outcome, d.stops);
      } else {
        std::snprintf(state, sizeof state, "%s", outcome);
      }
      if (widgets::list_row(id, title, sub, state, outcome_color(d.outcome))) open_duty(ctx, *zone, d);
      automation().record_last_item((std::string(id) + ":state").c_str(), state, "label");
    }
    ++zone_index;
  }
}

}  // namespace shell
