#include "app/incidents/incident_report.hpp"

#include <algorithm>
#include <cstdio>

#include "app/core/local_time.hpp"

namespace app {
namespace {

using i18n::S;

std::string fmt_int(S key, i18n::Lang lang, std::int64_t n) {
  char buf[96];
  std::snprintf(buf, sizeof buf, i18n::tr(key, lang), static_cast<int>(n));
  return buf;
}

std::string staff(const MasterData& d, const Id& id) {
  auto it = d.staff.find(id);
  return it == d.staff.end() ? std::string() : it->second.name;
}

std::string unit_label(const MasterData& d, const Unit& u) {
  auto b = d.buildings.find(u.building);
  const std::string building = b == d.buildings.end() ? std::string() : b->second.name;
  return building + " " + u.stairwell + "单元 " + u.number;
}

const char* text_in(i18n::Lang lang, const char* zh, const char* en) { return lang == i18n::Lang::en ? en : zh; }

}  // namespace

std::int64_t whole_minutes(std::int64_t ms) { return ms >= 0 ? (ms + 30000) / 60000 : -((-ms + 30000) / 60000); }

std::string finished_duration(std::int64_t ms, i18n::Lang lang) {
  return fmt_int(S::incident_minutes, lang, whole_minutes(ms < 0 ? 0 : ms));
}

std::string incident_place_label(const Incident& i, const MasterData& d) {
  std::string out;
  if (auto u = d.units.find(i.unit); !i.unit.is_nil() && u != d.units.end()) {
    out = unit_label(d, u->second);
  } else if (auto b = d.buildings.find(i.building); !i.building.is_nil() && b != d.buildings.end()) {
    out = b->second.name;
  }
  if (!i.place.empty()) out += out.empty() ? i.place : " " + i.place;
  if (out.empty()) out = i.lift_location;
  return out;
}

IncidentReport make_incident_report(const Incident& i, const MasterData& d, i18n::Lang lang, int offset) {
  const incidents::Checklist& list = incidents::checklist_for(i.kind);
  IncidentReport r;
  r.title = text_in(lang, list.report_zh, list.report_en);
  auto tr = [lang](S key) { return std::string(i18n::tr(key, lang)); };
  const LocalTime start_day = local_time(i.started_ms, offset);
  auto when = [&](std::int64_t ms) {
    const std::string full = format_local(ms, offset);
    return local_time(ms, offset).day == start_day.day ? full.substr(11) : full;
  };

  r.fields.push_back({tr(S::incident_report_kind), text_in(lang, list.zh, list.en)});
  r.fields.push_back({tr(S::incident_report_time), i.started_ms > 0 ? format_local(i.started_ms, offset) : std::string()});
  r.fields.push_back({tr(S::incident_report_ended), i.closed() ? format_local(i.closed_ms, offset) : tr(S::incident_report_in_progress)});
  // A lift entrapment's place is its 具体方位 (below) unless the incident names a
  // unit, building or place of its own: the same words are not written twice.
  const std::string place = incident_place_label(i, d);
  if (i.kind != incidents::Kind::lift_entrapment || place != i.lift_location) {
    r.fields.push_back({tr(S::incident_report_place), place});
  }
  if (i.kind == incidents::Kind::lift_entrapment) {
    r.fields.push_back({tr(S::incident_report_lift_number), i.lift_number});
    r.fields.push_back({tr(S::incident_report_lift_location), i.lift_location});
    r.fields.push_back({tr(S::incident_report_lift_floor), i.has_lift_floor ? fmt_int(S::incident_floor, lang, i.lift_floor) : std::string()});
  }
  std::string people;
  for (const std::string& p : i.people) people += (people.empty() ? "" : lang == i18n::Lang::en ? ", " : "、") + p;
  r.fields.push_back({tr(S::incident_report_people), people});

  // 经过: each step with its time and its distance from the start, and the notes, in time order.
  r.course_label = tr(S::incident_report_course);
  for (const IncidentStep& s : i.steps) {
    const incidents::StepDef* def = incidents::find_step(i.kind, s.key);
    ReportLine line;
    line.at_ms = s.happened_ms;
    line.time = when(s.happened_ms);
    line.elapsed = fmt_int(S::incident_after_start, lang, whole_minutes(s.happened_ms - i.started_ms));
    line.text = def ? text_in(lang, def->zh, def->en) : s.key;
    line.by = staff(d, s.by);
    line.note = s.note;
    if (!s.contact_name.empty() || s.expected_arrival_ms > 0) {
      // 001: who took the call and when help was expected, as told.
      char said[256];
      std::snprintf(said, sizeof said, i18n::tr(S::incident_report_call, lang), s.contact_name.c_str(),
                    s.expected_arrival_ms > 0 ? when(s.expected_arrival_ms).c_str() : "");
      line.note += (line.note.empty() ? "" : lang == i18n::Lang::en ? "; " : "；") + std::string(said);
    }
    if (s.corrected) line.note += (line.note.empty() ? "" : lang == i18n::Lang::en ? "; " : "；") + tr(S::incident_time_corrected);
    r.course.push_back(std::move(line));
  }
  for (const IncidentNote& n : i.notes) {
    ReportLine line;
    line.at_ms = n.at_ms;
    line.time = when(n.at_ms);
    if (n.at_ms != i.started_ms) line.elapsed = fmt_int(S::incident_after_start, lang, whole_minutes(n.at_ms - i.started_ms));
    line.text = tr(S::incident_report_note) + (lang == i18n::Lang::en ? ": " : "：") + n.text;
    line.by = staff(d, n.by);
    r.course.push_back(std::move(line));
  }
  std::stable_sort(r.course.begin(), r.course.end(), [](const ReportLine& a, const ReportLine& b) { return a.at_ms < b.at_ms; });

  r.not_done_label = tr(S::incident_report_not_done);
  for (const incidents::StepDef& s : list.steps) {
    if (!i.step(s.key)) r.not_done.push_back(text_in(lang, s.zh, s.en));
  }

  if (auto rescue = incidents::time_to_rescue_ms(i)) {
    r.closing.push_back({tr(S::incident_report_rescue_time), finished_duration(*rescue, lang)});
  }
  r.closing.push_back({tr(S::incident_report_outcome), i.outcome});
  // 001 当班人填写《特别事件报告》: the account as filed, by whoever filed it
  // (before one is filed: whoever closed it, else whoever started it).
  const FiledReport* special = i.report(incidents::ReportForm::special);
  if (special) r.closing.push_back({tr(S::incident_report_account), special->text});
  r.closing.push_back({tr(S::incident_report_reporter),
                       staff(d, special ? special->by : i.closed_by.is_nil() ? i.started_by : i.closed_by)});
  // 000:819 a lift adds the 重大事故报告表, the department manager's.
  if (list.major_zh) {
    const FiledReport* major = i.report(incidents::ReportForm::major);
    r.closing.push_back({text_in(lang, list.major_zh, list.major_en), major ? major->text : tr(S::incident_report_not_filed)});
    if (major) r.closing.push_back({tr(S::incident_report_major_by), staff(d, major->by)});
  }
  return r;
}

}  // namespace app
