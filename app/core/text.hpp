#pragma once
// Small text helpers more than one place needs: the words a person typed
// without the blanks around them, and data text made safe to put in a
// printed HTML page (every print document escapes each data text with it).
#include <string>
#include <string_view>

namespace app {

// Without the spaces, tabs and line breaks at either end.
inline std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// Text as HTML character data or a quoted attribute value: & < > " ' escaped.
inline std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace app
