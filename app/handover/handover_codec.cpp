#include "app/handover/handover_codec.hpp"

#include <charconv>

namespace app {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool to_int(std::string_view s, std::int64_t* out) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

std::string clean_item_text(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  out.erase(0, first);
  out.erase(out.find_last_not_of(' ') + 1);
  return out;
}

std::string encode_handover_items(const std::vector<HandoverItem>& items) {
  std::string out;
  for (const HandoverItem& it : items) {
    if (!out.empty()) out += '\n';
    out += std::to_string(static_cast<std::int64_t>(it.kind));
    out += '\t' + it.ref.to_hex() + '\t' + std::to_string(it.due_ms) + '\t' + (it.overdue ? "1" : "0") + '\t';
    out += clean_item_text(it.text);
  }
  return out;
}

std::optional<std::vector<HandoverItem>> decode_handover_items(std::string_view text) {
  std::vector<HandoverItem> items;
  if (text.empty()) return items;  // a quiet shift: nothing open
  for (std::string_view line : split(text, '\n')) {
    const auto f = split(line, '\t');
    std::int64_t kind = 0;
    HandoverItem it;
    if (f.size() != 5 || !to_int(f[0], &kind) || !handover::is_item_kind(kind) || !Id::from_hex(f[1], &it.ref) ||
        !to_int(f[2], &it.due_ms) || it.due_ms < 0 || (f[3] != "0" && f[3] != "1") || f[4].empty() ||
        clean_item_text(f[4]) != f[4]) {  // only the form encode writes: what is read is written back the same
      return std::nullopt;
    }
    it.kind = static_cast<handover::ItemKind>(kind);
    it.overdue = f[3] == "1";
    it.text = std::string(f[4]);
    items.push_back(std::move(it));
  }
  if (items.size() > kMaxHandoverItems) return std::nullopt;
  return items;
}

}  // namespace app
