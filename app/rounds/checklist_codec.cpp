#include "app/rounds/checklist_codec.hpp"

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

std::string clean_checklist_text(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r' || c == '|') c = ' ';
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  out.erase(0, first);
  out.erase(out.find_last_not_of(' ') + 1);
  return out;
}

// One line per item: type, photo flag, zh, en, unit, choices joined by '|'.
std::string encode_items(const std::vector<ChecklistItem>& items) {
  std::string out;
  for (const ChecklistItem& it : items) {
    if (!out.empty()) out += '\n';
    out += std::to_string(static_cast<int>(it.type));
    out += '\t';
    out += it.photo_required ? '1' : '0';
    out += '\t' + clean_checklist_text(it.zh) + '\t' + clean_checklist_text(it.en) + '\t' + clean_checklist_text(it.unit) + '\t';
    for (std::size_t c = 0; c < it.choices.size(); ++c) out += (c ? "|" : "") + clean_checklist_text(it.choices[c]);
  }
  return out;
}

std::optional<std::vector<ChecklistItem>> decode_items(std::string_view text) {
  std::vector<ChecklistItem> items;
  if (text.empty()) return std::nullopt;
  // Only the form encode writes: what is read is written back the same (a
  // snapshot keeps items as this text, so a state read from one must be the
  // state folded from the op).
  const auto clean = [](std::string_view t) { return clean_checklist_text(t) == t; };
  for (std::string_view line : split(text, '\n')) {
    const auto f = split(line, '\t');
    std::int64_t type = 0;
    if (f.size() != 6 || !to_int(f[0], &type) || type < 0 || type > 3 || (f[1] != "0" && f[1] != "1") || f[2].empty() ||
        !clean(f[2]) || !clean(f[3]) || !clean(f[4])) {
      return std::nullopt;
    }
    ChecklistItem it;
    it.type = static_cast<ItemType>(type);
    it.photo_required = f[1] == "1";
    it.zh = std::string(f[2]);
    it.en = f[3].empty() ? it.zh : std::string(f[3]);
    it.unit = std::string(f[4]);
    if (!f[5].empty()) {
      for (std::string_view c : split(f[5], '|')) {
        if (c.empty() || !clean(c)) return std::nullopt;
        it.choices.emplace_back(c);
      }
    }
    if (it.type == ItemType::choice && it.choices.size() < 2) return std::nullopt;  // a choice needs something to choose
    items.push_back(std::move(it));
  }
  if (items.size() > 60) return std::nullopt;  // the item index is bounded (validate_op) and a checkpoint is walked, not read
  return items;
}

std::string encode_pins(const std::vector<PinnedVersion>& pins) {
  std::string out;
  for (const PinnedVersion& p : pins) {
    if (!out.empty()) out += ',';
    out += p.key + ':' + std::to_string(p.version);
  }
  return out;
}

std::optional<std::vector<PinnedVersion>> decode_pins(std::string_view text) {
  std::vector<PinnedVersion> pins;
  if (text.empty()) return pins;
  for (std::string_view part : split(text, ',')) {
    const auto colon = part.rfind(':');
    PinnedVersion p;
    if (colon == std::string_view::npos || colon == 0 || !to_int(part.substr(colon + 1), &p.version) || p.version < 1) return std::nullopt;
    p.key = std::string(part.substr(0, colon));
    pins.push_back(std::move(p));
  }
  return pins;
}

}  // namespace app
