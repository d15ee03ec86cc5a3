#pragma once
// The special incident report (特别事件报告; for a lift entrapment the major
// incident report, 重大事故报告表): a pure function of the incident and the
// estate's names, as plain structured lines in one language, so the shell can
// show it on screen and render the same lines to printable HTML.
#include <cstdint>
#include <string>
#include <vector>

#include "app/domain/master_data.hpp"
#include "app/i18n/catalogue.hpp"

namespace app {

struct ReportField {
  std::string label, value;  // "地点", "3栋 2单元 1502"
  bool operator==(const ReportField&) const = default;
};

// One line of 经过: a step done or a note, in time order.
struct ReportLine {
  std::int64_t at_ms = 0;   // when it happened (for sorting and for the shell's own formatting)
  std::string time;         // "10:02" (the date too when not the start's day)
  std::string elapsed;      // "开始后 2 分钟"; empty for the start itself
  std::string text;         // the step as the checklist words it, or the note
  std::string by;           // who recorded it
  std::string note;         // the step's note; "时间已更正" appended when corrected
  bool operator==(const ReportLine&) const = default;
};

struct IncidentReport {
  std::string title;                  // 特别事件报告 / 重大事故报告表
  std::vector<ReportField> fields;    // 事件类型, 时间, 结束时间, 地点, 电梯编号…, 涉及人员
  std::string course_label;           // 经过
  std::vector<ReportLine> course;
  std::string not_done_label;         // 未执行的步骤
  std::vector<std::string> not_done;  // steps of the checklist never recorded
  std::vector<ReportField> closing;   // 救援用时 (lift), 处理结果, 报告人
  bool operator==(const IncidentReport&) const = default;
};

// `utc_offset_minutes`: the calendar the times are written in (the tablet's).
IncidentReport make_incident_report(const Incident& incident, const MasterData& data, i18n::Lang lang,
                                    int utc_offset_minutes = 480);

// "3栋 2单元 1502", "3栋", the free text, or the lift's location: where, in words.
std::string incident_place_label(const Incident& incident, const MasterData& data);
// Whole minutes, rounded to the nearest (a rescue of 34 min 40 s is 35 minutes).
std::int64_t whole_minutes(std::int64_t ms);
// A finished span (the time to rescue, the time an incident took) as the
// report writes it, "35 分钟": the list's pill and the page's clock say the
// same figure once the clock has stopped (only a running clock shows seconds).
std::string finished_duration(std::int64_t ms, i18n::Lang lang);

}  // namespace app
