#include "app/i18n/catalogue.hpp"

#include <atomic>

namespace app::i18n {
namespace {

struct Entry {
  const char* name;
  const char* text[2];
};

constexpr Entry kEntries[] = {
#define BUTLER_STRING(key, zh, en) {#key, {zh, en}},
#include "app/i18n/strings.inc"
#undef BUTLER_STRING
};
static_assert(sizeof(kEntries) / sizeof(kEntries[0]) == kStringCount);

std::atomic<int> g_lang{static_cast<int>(Lang::zh_CN)};

}  // namespace

Lang current_language() { return static_cast<Lang>(g_lang.load(std::memory_order_relaxed)); }
void set_current_language(Lang lang) { g_lang.store(static_cast<int>(lang), std::memory_order_relaxed); }

const char* tr(S key, Lang lang) {
  const auto i = static_cast<std::size_t>(key);
  if (i >= kStringCount) return "?";
  return kEntries[i].text[static_cast<int>(lang)];
}

const char* tr(S key) { return tr(key, current_language()); }

std::string resolve_counts(std::string_view text, const long long* numbers, std::size_t count) {
  std::string out;
  out.reserve(text.size());
  long long last = kNotACount;  // the value of the conversion before the marker
  std::size_t next = 0;         // the next conversion's argument
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      out += c;
      if (i + 1 < text.size() && text[i + 1] == '%') {
        out += text[++i];
        continue;
      }
      // "%2$d": a positional argument; otherwise the next one in order.
      std::size_t j = i + 1, position = 0;
      while (j < text.size() && text[j] >= '0' && text[j] <= '9') position = position * 10 + static_cast<std::size_t>(text[j++] - '0');
      const std::size_t arg = (j < text.size() && text[j] == '$' && position > 0) ? position - 1 : next++;
      last = arg < count ? numbers[arg] : kNotACount;
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) {
      out += c;
      continue;
    }
    const std::string_view inside = text.substr(i + 1, close - i - 1);
    const std::size_t bar = inside.find('|');
    const std::string_view one = bar == std::string_view::npos ? std::string_view{} : inside.substr(0, bar);
    const std::string_view many = bar == std::string_view::npos ? inside : inside.substr(bar + 1);
    out += last == 1 ? one : many;
    i = close;
  }
  return out;
}

std::string_view key_name(S key) {
  const auto i = static_cast<std::size_t>(key);
  return i < kStringCount ? kEntries[i].name : std::string_view{};
}

const char* language_code(Lang lang) { return lang == Lang::en ? "en" : "zh-CN"; }

bool parse_language_code(std::string_view code, Lang* out) {
  if (code == "zh-CN" || code == "zh") { *out = Lang::zh_CN; return true; }
  if (code == "en") { *out = Lang::en; return true; }
  return false;
}

}  // namespace app::i18n
