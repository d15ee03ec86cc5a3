// RoundsService: finishing a round, and how complete and how timely it was
// (rounds_service.hpp). A supervisor reads "done" as "walked": a round left
// with checkpoints unchecked is recorded as incomplete, with the butler's
// reason, never as done; one started outside its duty's window is judged
// outside it.
//
// The manuals: 004 3.5 (traditional characters) names every place to check —
// "注意大堂入口、電梯內外、各層走廊、墻壁、防火門、消防箱、鋁合金通風窗、燈罩、樓梯扶手、
// 天臺等的清潔衛生和公共設施設備的完好情況" — all of them, not some; 003 asks that
// checks be recorded: "记录的方式包括表单记录和拍照". 000 3.4 gives the model units
// their hours — "样板间开放时间:早8:00-晚8:00" — so an evening closing round walked
// in the morning closed nothing.
#include <cstdio>

#include "app/core/local_time.hpp"
#include "app/core/text.hpp"
#include "app/domain/command_errors.hpp"
#include "app/domain/views.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/rounds/rounds_service.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;

// The checkpoint names of a list, "大堂入口、3栋 消防门" (the first few; the
// count says the rest).
std::string name_list(const std::vector<std::string>& names, std::size_t shown = 3) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? "、" : "") + names[i];
  if (names.size() > shown) out += "…";
  return out;
}

}  // namespace

Status RoundsService::finish_round(const Id& round_id, std::string_view reason) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Round* r = round(round_id);
  if (!r) return error("unknown_round", S::err_unknown_round);
  if (r->finished_ms != 0) return error("round_finished", S::err_round_finished);
  // A failure the checklist says must be photographed (damage, leaks, fire
  // safety) goes to dispatch and disputes: no photo, no finishing. The
  // refusal names where, so the butler knows which checkpoint to go back to.
  std::vector<std::string> unphotographed;
  for (const Finding* f : findings_of_round(round_id)) {
    const ChecklistTemplate* t = checklist_at(round_id, f->checkpoint);
    if (!t || f->item < 0 || f->item >= static_cast<std::int64_t>(t->items.size())) continue;
    if (t->items[static_cast<std::size_t>(f->item)].photo_required && photos_of(ctx_.data(), f->id).empty()) {
      unphotographed.push_back(stop_label(round_id, f->checkpoint));
    }
  }
  if (!unphotographed.empty()) {
    char text[512];
    i18n::format_to(text, sizeof text, S::err_findings_need_photo, static_cast<int>(unphotographed.size()),
                  name_list(unphotographed).c_str());
    return Error{"photo_required", text};
  }
  // Checkpoints left unchecked: only with a reason, and the round is then
  // recorded as incomplete (round_progress, duties, rounds.csv).
  const std::string why = trimmed(reason);
  const std::vector<const RouteStop*> left = unchecked_stops(round_id);
  if (!left.empty() && why.empty()) {
    char text[256];
    i18n::format_to(text, sizeof text, S::err_round_unchecked, static_cast<int>(left.size()));
    return Error{"round_incomplete", text};
  }
  if (why.size() > 500) return error("reason_too_long", S::err_round_reason_too_long);
  Payload p;
  p.set(F::at_ms, std::max<std::int64_t>(ctx_.now_ms(), r->started_ms));
  if (!left.empty()) p.set(F::note, why);
  return ctx_.commit({ctx_.make_op(OpKind::round_finished, round_id, std::move(p))});
}

std::vector<const RouteStop*> RoundsService::unchecked_stops(const Id& round_id) const {
  std::vector<const RouteStop*> out;
  for (const RouteStop& stop : route_of(round_id)) {
    if (!checkpoint_progress(round_id, stop.id).done()) out.push_back(&stop);
  }
  return out;
}

RoundProgress RoundsService::round_progress(const Id& round_id) const {
  RoundProgress p;
  const Round* r = round(round_id);
  if (!r) return p;
  p.finished = r->finished_ms != 0;
  for (const RouteStop& stop : route_of(round_id)) {
    ++p.checkpoints;
    const CheckpointProgress c = checkpoint_progress(round_id, stop.id);
    if (c.done()) ++p.done;
    p.failed_items += c.failed;
  }
  if (p.finished) p.skipped = p.checkpoints - p.done;
  for (const Finding* f : findings_of_round(round_id)) p.open_findings += f->open() ? 1 : 0;
  return p;
}

std::optional<schedule::DutyWindow> RoundsService::outside_window(const Id& round_id) const {
  const Round* r = round(round_id);
  if (!r || r->started_ms == 0) return std::nullopt;
  const schedule::DutyWindow w = schedule::window_of_kind(r->kind, ctx_.data().setup.hours);
  const LocalTime t = local_time(r->started_ms, ctx_.utc_offset_minutes());
  const int minute = t.day == r->day ? t.minute : (t.day > r->day ? 24 * 60 + t.minute : -1);
  if (minute < w.start_minute) return w;  // after it closes is late (duty_outcome), not outside
  return std::nullopt;
}

}  // namespace app
