#include "app/keys/key_label_sheet.hpp"

#include "app/core/text.hpp"
#include "app/i18n/catalogue.hpp"

namespace app {

std::string key_label_sheet_html(const std::vector<KeyLabel>& labels, std::string_view community) {
  using i18n::S;
  using i18n::tr;
  const bool en = i18n::current_language() == i18n::Lang::en;
  const std::string title = html_escape(tr(S::key_label_sheet_title));
  // Three tags a row, eight rows a page (70 × 37 mm, the common A4 label stock).
  std::string h = std::string("<!DOCTYPE html><html lang=\"") + (en ? "en" : "zh-CN") + "\"><head><meta charset=\"utf-8\"><title>" + title +
                  "</title><style>"
                  "@page{size:A4;margin:8mm 0}"
                  "body{font-family:'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;"
                  "color:#000;margin:0}"
                  "h1{font-size:10pt;font-weight:normal;margin:0 6mm 2mm}"
                  ".sheet{display:grid;grid-template-columns:repeat(3,70mm);grid-auto-rows:37mm}"
                  ".tag{box-sizing:border-box;border:1px dashed #999;padding:3mm 4mm;overflow:hidden;break-inside:avoid}"
                  ".label{font-size:15pt;font-weight:bold;line-height:1.2;margin:0 0 1mm}"
                  ".kind,.place{font-size:9pt;margin:0}.no{font-size:10pt;margin:1.5mm 0 0;font-family:monospace}"
                  "</style></head><body>";
  h += "<h1>" + html_escape(community) + " · " + title + "</h1><div class=\"sheet\">";
  const std::string number = html_escape(tr(S::key_label_number));
  for (const KeyLabel& l : labels) {
    h += "<div class=\"tag\"><p class=\"label\">" + html_escape(l.label) + "</p><p class=\"kind\">" + html_escape(l.kind) +
         "</p><p class=\"place\">" + html_escape(l.place) + "</p><p class=\"no\">" + number + " " + html_escape(l.number) + "</p></div>";
  }
  return h + "</div></body></html>";
}

}  // namespace app
