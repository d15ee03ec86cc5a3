#include "shell/app_shell.hpp"

#include <algorithm>
#include <cstdlib>

#include "app/i18n/catalogue.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/host/host.hpp"
#include "shell/screens/rounds/rounds_screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/thumbnails.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

// This install's device id: made once, kept with the other preferences.
app::Id device_id(Host& host) {
  std::string hex;
  app::Id id;
  if (host.pref("device", &hex) && app::Id::from_hex(hex, &id)) return id;
  id = app::Id::random(host.random());
  host.set_pref("device", id.to_hex());
  return id;
}

}  // namespace

const char* screen_id(Screen s) {
  switch (s) {
    case Screen::welcome: return "welcome";
    case Screen::today: return "today";
    case Screen::rounds: return "rounds";
    case Screen::tickets: return "tickets";
    case Screen::registers: return "registers";
    case Screen::sync: return "sync";
    case Screen::settings: return "settings";
  }
  return "?";
}

AppShell::AppShell(Host& host)
    : host_(host), session_(host.clock(), host.random(), host.store(), device_id(host)), sync_(session_, host) {
  std::string code;
  app::i18n::Lang lang = app::i18n::Lang::zh_CN;
  if (host_.pref("lang", &code) && app::i18n::parse_language_code(code, &lang)) {
    app::i18n::set_current_language(lang);
  }
  std::string wiped;
  state_.device_wiped = host_.pref("device_wiped", &wiped) && !wiped.empty();
  if (std::string idle; host_.pref("lock_idle_s", &idle) && std::atoi(idle.c_str()) > 0) state_.lock.idle_s = std::atoi(idle.c_str());
  host_.store().attach(&session_);
  // A photo another tablet took comes from the sync server when first shown.
  thumbnails().set_fetch([this](const std::string& sha, std::function<void(bool)> done) { sync_.fetch_photo(sha, std::move(done)); });
  host_.store().open();
  host_.probe_storage();
}

bool AppShell::finish_loading() {
  if (loaded_) return true;
  ShellStore& store = host_.store();
  if (store.phase() == ShellStore::Phase::opening || store.reading_whole_log()) return false;
  if (!load_started_) {
    load_started_ = true;
    const double started = host_.now_ms();
    // The common start: the snapshot plus the records after it. Without a
    // snapshot those records are the whole log.
    bool done = true;
    if (!store.has_snapshot()) {
      session_.load(store.records(), store.take_arena());
    } else if (session_.load_from_snapshot(store.snapshot(), store.records(), store.take_arena()) ==
               app::LoadOutcome::need_whole_log) {
      done = false;
      reload_whole_log();
    }
    // The records stay readable: the session's log keeps their buffer.
    if (done) sync_.attach_loaded(store.records(), session_.first_loaded_position());
    store.drop_snapshot();
    load_ms_ = host_.now_ms() - started;
    if (!done) return false;
  }
  if (store.phase() == ShellStore::Phase::failed) {
    state_.status_message = std::string(tr(S::store_open_failed)) + " (" + store.open_error() + ")";
  }
  if (!interactive_) state_.screen = session_.has_data() ? Screen::today : Screen::welcome;
  loaded_ = true;
  if (!interactive_) host_.interactive();
  interactive_ = true;
  return true;
}

void AppShell::reload_whole_log() {
  // The loading view shows until the whole log is read and folded. A read
  // that fails leaves the session as it was and says so; the app goes
  // read-only rather than write on top of a log it could not read.
  loaded_ = false;
  host_.store().read_whole_log([this](bool ok, const std::vector<std::string_view>& records,
                                        std::shared_ptr<const void> arena, const std::string& error) {
    const double started = host_.now_ms();
    if (ok) {
      session_.load(records, std::move(arena));
      sync_.attach_loaded(records, 0);
    } else {
      whole_log_failed_ = true;
      state_.status_message = std::string(tr(S::store_read_failed)) + " (" + error + ")";
    }
    load_ms_ += host_.now_ms() - started;
  });
}

void AppShell::keep_snapshot_fresh() {
  // Snapshots are written a few milliseconds per frame while the butler is
  // idle; a save meanwhile abandons the one in progress (Session).
  ShellStore& store = host_.store();
  double at = host_.now_ms();
  // What snapshotting costs a frame, worst so far, by part (scripts/bench store).
  auto lap = [this, &at](double& worst) {
    const double now = host_.now_ms();
    worst = std::max(worst, now - at);
    at = now;
  };
  if (snapshot_covers_ < 0) {
    if (!session_.snapshot_due() || store.reading_whole_log()) return;
    const double covers = store.snapshot_begin();
    if (covers < 0 || !session_.begin_snapshot()) return;
    snapshot_covers_ = covers;
    snapshot_cost_.step_frames_ms.clear();  // this snapshot's only
    lap(snapshot_cost_.begin_ms);
    host_.request_frames(1);  // the steps start next frame: begin has had this one's share
    return;
  }
  // Written in the frame after the last step: the last step, taking the
  // bytes and the first chunk's put in one frame went past 8 ms.
  if (snapshot_ops_ >= 0) {
    std::vector<std::string> bytes = session_.take_snapshot();
    lap(snapshot_cost_.take_ms);
    store.put_snapshot(std::move(bytes), snapshot_covers_, static_cast<std::uint64_t>(snapshot_ops_));
    lap(snapshot_cost_.put_ms);
    snapshot_covers_ = snapshot_ops_ = -1;
    return;
  }
  // Small steps to a 2 ms deadline: a step of 100 entities is well under a
  // millisecond, so the frame's share stays near the deadline.
  const double step_deadline = at + 2.0;
  app::SnapshotStep step = app::SnapshotStep::working;
  while (step == app::SnapshotStep::working && host_.now_ms() < step_deadline) step = session_.snapshot_step(100);
  snapshot_cost_.step_frames_ms.push_back(static_cast<float>(host_.now_ms() - at));
  lap(snapshot_cost_.step_ms);
  if (step == app::SnapshotStep::done) snapshot_ops_ = static_cast<double>(session_.op_count());  // what it covers, before any later save
  if (step == app::SnapshotStep::working || step == app::SnapshotStep::done) host_.request_frames(1);
  else snapshot_covers_ = -1;
}

void AppShell::keep_storage_healthy() {
  session_.set_read_only(whole_log_failed_ || (host_.storage_status().writer_known && !host_.storage_status().writer));
  session_.set_demo(host_.store().demo());  // the demo numbers its records as tablet 0
  // A late op (an import, later a sync) that only the whole log can place.
  if (loaded_ && session_.needs_whole_log() && !host_.store().reading_whole_log()) reload_whole_log();
  // The archive rows (63k at 10× data, ~0.1 s) are built in the frame after
  // the first interactive one: Today needs only the counts.
  if (loaded_ && interactive_frames_++ > 0 && !session_.views_ready()) session_.prepare_views();
  if (loaded_) keep_snapshot_fresh();
  // No sync before a tablet PIN protects what it would store: an enrolled
  // tablet whose database is still plain waits for the PIN (README: tablet lock).
  const bool plain_enrolled = sync_.enrolled() && host_.store().lock() == ShellStore::Lock::open && !host_.store().demo();
  if (loaded_ && !plain_enrolled) sync_.frame(host_.online());
  // A failed write (quota, full disk) is retried every 10 s until it lands.
  const double now = host_.now_ms() / 1000.0;
  if (session_.save_state() == app::SaveState::failed && now - last_retry_s_ > 10.0) {
    last_retry_s_ = now;
    session_.retry_failed();
  }
}

void AppShell::lock_when_idle() {
  // Any touch, key or text counts as use; the app redraws once a second
  // while idle, so the lock comes within a second of the limit.
  const ImGuiIO& io = ImGui::GetIO();
  const double now = host_.now_ms();
  const bool moved = ImGui::IsMousePosValid() && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0);
  if (last_touch_ms_ == 0 || ImGui::IsAnyMouseDown() || moved || io.InputQueueCharacters.Size > 0) last_touch_ms_ = now;
  ShellStore& store = host_.store();
  if (store.lock() == ShellStore::Lock::unlocked && now - last_touch_ms_ > state_.lock.idle_s * 1000.0) {
    store.relock();
    const int idle_s = state_.lock.idle_s;
    state_.lock = LockUi{};
    state_.lock.idle_s = idle_s;
    state_.about_open = false;
  }
}

void AppShell::draw_lock_cover(float top) {
  // Nothing of the app under the lock: the top bar (language) and the lock.
  draw_top_bar(top);
  ScreenContext ctx{session_, state_, host_, sync_, photos_};
  const float pad = ui().css(ui().portrait ? 16 : 24);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
  ImGui::BeginChild("lock", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  draw_lock(ctx);
  widgets::drag_scroll();
  ImGui::EndChild();
  ImGui::PopStyleVar();
  host_.interactive();  // a usable screen: start-up is measured to it (JS keeps the first)
}

void AppShell::toggle_language() {
  using app::i18n::Lang;
  const Lang next = app::i18n::current_language() == Lang::zh_CN ? Lang::en : Lang::zh_CN;
  app::i18n::set_current_language(next);
  host_.set_pref("lang", app::i18n::language_code(next));
}

void AppShell::on_host_event(HostEvent e) {
  // Nothing is buffered in memory before it is written; going hidden is the
  // last chance to push again what failed.
  if (e == HostEvent::hidden) session_.retry_failed();
  if (e == HostEvent::online) sync_.on_online();
  if (e == HostEvent::update_ready) {
    state_.update_ready = true;
    state_.update_dismissed = false;
  }
}

void AppShell::draw() {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  // No background: the host clears to the page background (one full-screen
  // layer less to fill every frame; shell/ui/sheet_backdrop.hpp).
  ImGui::Begin("##main", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar();
  ImGui::PushFont(host_.fonts().body());

  const float top = ui().css(64);
  keep_storage_healthy();
  if (sync_.enrolled()) host_.fonts().fetch_more_now();
  lock_when_idle();
  ScreenContext lock_ctx{session_, state_, host_, sync_, photos_};
  const bool locked = locked_ = lock_covers(lock_ctx);
  lock_mode_ = lock_mode_name(lock_ctx);
  // Under the lock the log is folded as soon as it is in (after the PIN).
  const bool ready = locked && host_.store().phase() == ShellStore::Phase::opening ? false : finish_loading();
  if (locked) {
    draw_lock_cover(top);
  } else if (!ready) {
    draw_loading();
  } else if (state_.screen == Screen::welcome) {
    draw_top_bar(top);
    draw_update_banner();
    draw_screen();
  } else if (ui().portrait) {
    const float tabs = ui().css(72);
    draw_top_bar(top);
    draw_update_banner();
    ImGui::BeginChild("##content", ImVec2(0, ImGui::GetContentRegionAvail().y - tabs), false);
    draw_screen();
    ImGui::EndChild();
    draw_nav(false, io.DisplaySize.x, tabs);
  } else {
    const float rail = ui().css(188);
    ImGui::BeginGroup();
    draw_nav(true, rail, io.DisplaySize.y);
    ImGui::EndGroup();
    ImGui::SameLine(0, 0);
    ImGui::BeginGroup();
    draw_top_bar(top);
    draw_update_banner();
    ImGui::BeginChild("##content", ImVec2(0, 0), false);
    draw_screen();
    ImGui::EndChild();
    ImGui::EndGroup();
  }

  ScreenContext ctx{session_, state_, host_, sync_, photos_};
  if (!locked) draw_about_popup(ctx);
  if (!locked && loaded_ && session_.has_data()) {
    draw_ticket_form(ctx);
    draw_visit_form(ctx);
  }
  ImGui::PopFont();
  ImGui::End();
}

void AppShell::draw_screen() {
  ScreenContext ctx{session_, state_, host_, sync_, photos_};
  // Every screen scrolls inside its own padded child so a finger can drag it.
  const float pad = ui().css(ui().portrait ? 16 : 24);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
  ImGui::BeginChild(screen_id(state_.screen), ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  switch (state_.screen) {
    case Screen::welcome: draw_welcome(ctx); break;
    case Screen::today: draw_today(ctx); break;
    case Screen::rounds: draw_rounds(ctx); break;
    case Screen::tickets: draw_tickets(ctx); break;
    case Screen::registers: draw_registers(ctx); break;
    case Screen::sync: draw_sync(ctx); break;
    case Screen::settings: draw_settings(ctx); break;
  }
  widgets::drag_scroll();
  ImGui::EndChild();
  ImGui::PopStyleVar();
}

std::string AppShell::state_json() const {
  std::string out = "{";
  out += "\"screen\":\"" + std::string(screen_id(state_.screen)) + "\"";
  out += ",\"lang\":\"" + std::string(app::i18n::language_code(app::i18n::current_language())) + "\"";
  out += ",\"portrait\":" + std::string(ui().portrait ? "true" : "false");
  out += ",\"dpr\":" + std::to_string(ui().dpr);
  out += ",\"online\":" + std::string(host_.online() ? "true" : "false");
  out += ",\"update_ready\":" + std::string(state_.update_ready ? "true" : "false");
  out += ",\"writer\":" + std::string(host_.storage_status().writer ? "true" : "false");
  out += ",\"persisted\":" + std::string(host_.storage_status().persisted ? "true" : "false");
  {
    static const char* kLock[] = {"open", "locked", "unlocked"};
    out += ",\"lock\":{\"mode\":\"" + std::string(lock_mode_) + "\",\"state\":\"" +
           kLock[static_cast<int>(host_.store().lock())] + "\",\"persons\":" + std::to_string(host_.store().persons().size()) +
           ",\"fails\":" + std::to_string(host_.store().pin_failures()) + ",\"idle_s\":" + std::to_string(state_.lock.idle_s) +
           ",\"actor\":\"" + sync_.person().to_hex() + "\"}";
  }
  out += ",\"status_message\":\"" + json_escape(state_.status_message) + "\"";
  out += ",\"about_open\":" + std::string(state_.about_open ? "true" : "false");
  out += ",\"registers_query\":\"" + json_escape(state_.registers_query) + "\"";
  out += ",\"selected_unit\":" + std::to_string(state_.selected_unit);
  if (state_.selected_unit >= 0 && state_.selected_unit < static_cast<int>(session_.estate().unit_rows().size())) {
    static const char* kStatus[] = {"occupied", "vacant", "renovating", "model"};
    const app::UnitRow& row = session_.estate().unit_rows()[static_cast<std::size_t>(state_.selected_unit)];
    out += ",\"unit_record\":{\"label\":\"" + json_escape(row.label) + "\",\"status\":\"" +
           kStatus[static_cast<int>(row.status)] + "\",\"people\":" + std::to_string(session_.estate().residents_of(row.id).size()) +
           ",\"photos\":" + std::to_string(session_.estate().photos_of(row.id).size()) + "}";
  }
  out += sections_state_json(session_, state_);
  out += ",\"glyphs\":" + std::to_string(host_.fonts().glyph_count());
  out += ",\"atlas_ms\":" + std::to_string(host_.fonts().last_build_ms());
  out += ",\"load_ms\":" + std::to_string(load_ms_);
  out += ",\"snapshot_cost\":{\"begin_ms\":" + std::to_string(snapshot_cost_.begin_ms) +
         ",\"step_ms\":" + std::to_string(snapshot_cost_.step_ms) + ",\"put_ms\":" + std::to_string(snapshot_cost_.put_ms) +
         ",\"take_ms\":" + std::to_string(snapshot_cost_.take_ms) + ",\"step_frames_ms\":[";
  for (std::size_t i = 0; i < snapshot_cost_.step_frames_ms.size(); ++i) {
    out += (i ? "," : "") + std::to_string(snapshot_cost_.step_frames_ms[i]);
  }
  out += "]}";
  out += ",\"session\":" + session_.state_summary_json();
  out += ",\"sync\":" + sync_.state_json();
  return out + "}";
}

}  // namespace shell
