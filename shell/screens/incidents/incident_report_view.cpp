// The special incident report (特别事件报告; a lift's 重大事故报告表) from
// Session::incident_report: on screen as the office will read it, and
// printed — a whole A4 page built here as HTML (every data text escaped)
// and handed to web/print_lib.js, which prints it through a hidden iframe:
// the title, the fields as a table, 经过 as a time-stamped list, the steps
// never taken, the close (救援用时, 处理结果, 报告人) and the signature lines.
#include <cstdio>

#include "app/core/text.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/incidents/incident_report.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/host/host.hpp"
#include "shell/screens/incidents/incidents_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
using app::html_escape;

namespace shell {
namespace {

std::string field_rows(const std::vector<app::ReportField>& fields) {
  std::string out;
  for (const app::ReportField& f : fields) out += "<tr><th>" + html_escape(f.label) + "</th><td>" + html_escape(f.value) + "</td></tr>";
  return out;
}

std::string report_html(const app::IncidentReport& r, const std::string& community) {
  const bool en = app::i18n::current_language() == app::i18n::Lang::en;
  std::string h = std::string("<!DOCTYPE html><html lang=\"") + (en ? "en" : "zh-CN") + "\"><head><meta charset=\"utf-8\"><title>" +
                  html_escape(r.title) + "</title><style>"
                  "@page{size:A4;margin:18mm 16mm}"
                  "body{font-family:'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;"
                  "font-size:11pt;color:#000;margin:0}"
                  "h1{text-align:center;font-size:18pt;margin:0 0 2mm}"
                  ".community{text-align:center;margin:0 0 6mm}"
                  "h2{font-size:12pt;margin:6mm 0 2mm}"
                  "table{width:100%;border-collapse:collapse}"
                  "th,td{border:1px solid #000;padding:2mm 3mm;text-align:left;vertical-align:top}"
                  "th{width:26%;font-weight:normal;background:#f0f0f0}table.closing{margin-top:6mm}"
                  "ol{margin:0;padding-left:6mm}li{margin:0 0 2mm}"
                  ".t{font-weight:bold;margin-right:3mm}.e{color:#444;margin-right:3mm}.by{color:#444}"
                  ".sign{display:flex;gap:8mm;margin-top:14mm}.sign div{flex:1;border-bottom:1px solid #000;padding-bottom:10mm}"
                  ".foot{margin-top:8mm;font-size:9pt;color:#444}"
                  "</style></head><body>";
  h += "<h1>" + html_escape(r.title) + "</h1>";
  h += "<p class=\"community\">" + html_escape(community) + "</p>";
  h += "<table class=\"fields\">" + field_rows(r.fields) + "</table>";
  h += "<h2>" + html_escape(r.course_label) + "</h2><ol class=\"course\">";
  for (const app::ReportLine& l : r.course) {
    h += "<li><span class=\"t\">" + html_escape(l.time) + "</span>";
    if (!l.elapsed.empty()) h += "<span class=\"e\">" + html_escape(l.elapsed) + "</span>";
    h += html_escape(l.text);
    if (!l.note.empty()) h += "（" + html_escape(l.note) + "）";
    if (!l.by.empty()) h += " <span class=\"by\">— " + html_escape(l.by) + "</span>";
    h += "</li>";
  }
  h += "</ol>";
  if (!r.not_done.empty()) {
    h += "<h2>" + html_escape(r.not_done_label) + "</h2><ul class=\"not-done\">";
    for (const std::string& s : r.not_done) h += "<li>" + html_escape(s) + "</li>";
    h += "</ul>";
  }
  h += "<table class=\"closing\">" + field_rows(r.closing) + "</table>";
  h += std::string("<div class=\"sign\"><div>") + html_escape(tr(S::inc_sign_reporter)) + "：</div><div>" +
       html_escape(tr(S::inc_sign_supervisor)) + "：</div><div>" + html_escape(tr(S::inc_sign_date)) + "：</div></div>";
  h += "<p class=\"foot\">" + html_escape(tr(S::inc_print_footer)) + "</p>";
  return h + "</body></html>";
}

// Label and value in two columns, the value wrapping in its own.
void fields(const char* id, const std::vector<app::ReportField>& list) {
  if (list.empty()) return;
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("##label", ImGuiTableColumnFlags_WidthFixed, ui().css(ui().portrait ? 120 : 140));
  ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch);
  int index = 0;
  for (const app::ReportField& f : list) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", f.label.c_str());
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(f.value.empty() ? std::string("—") : f.value, colors::text);
    ImGui::PopTextWrapPos();
    char key[48];
    std::snprintf(key, sizeof key, "%s:%d", id + 2, index++);
    automation().record_last_item(key, (f.label + "：" + f.value).c_str(), "label");
  }
  ImGui::EndTable();
}

}  // namespace

void draw_incident_report(ScreenContext& ctx, const app::Incident& i) {
  IncidentsUi& st = ctx.state.incidents;
  const app::IncidentReport r = ctx.session.incidents().incident_report(i.id);
  if (widgets::button("incident_print", tr(S::inc_print), -1, widgets::Tone::primary)) {
    const std::string html = report_html(r, ctx.session.summary().community_name);
    ctx.host.print_html(html);
    st.printed = true;
  }
  if (st.printed) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::ok), "%s", tr(S::inc_print_sent));
    automation().record_last_item("incident_printed", tr(S::inc_print_sent), "label");
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  widgets::begin_card("incident_report_card");
  ui().fonts->request_title_text(r.title);
  widgets::heading(r.title.c_str());
  automation().record_last_item("report_title", r.title.c_str(), "label");
  widgets::data_text(ctx.session.summary().community_name, colors::muted);
  ImGui::Dummy(ImVec2(0, ui().css(6)));
  fields("##report_field", r.fields);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  widgets::heading(r.course_label.c_str());
  int index = 0;
  for (const app::ReportLine& l : r.course) {
    std::string line = l.time + "  " + (l.elapsed.empty() ? std::string() : l.elapsed + "  ") + l.text;
    if (!l.note.empty()) line += "（" + l.note + "）";
    if (!l.by.empty()) line += " — " + l.by;
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(line, colors::text);
    ImGui::PopTextWrapPos();
    char id[32];
    std::snprintf(id, sizeof id, "report_course:%d", index++);
    automation().record_last_item(id, line.c_str(), "label");
  }
  if (!r.not_done.empty()) {
    ImGui::Dummy(ImVec2(0, ui().css(8)));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::warn), "%s", r.not_done_label.c_str());
    index = 0;
    for (const std::string& s : r.not_done) {
      ImGui::PushTextWrapPos(0.0f);
      widgets::data_text("· " + s, colors::muted);
      ImGui::PopTextWrapPos();
      char id[32];
      std::snprintf(id, sizeof id, "report_not_done:%d", index++);
      automation().record_last_item(id, s.c_str(), "label");
    }
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  fields("##report_closing", r.closing);
  widgets::end_card();
}

}  // namespace shell
