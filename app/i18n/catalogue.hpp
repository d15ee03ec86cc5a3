#pragma once
// The string catalogue: every word the interface shows, in zh-CN (default)
// and English. Keys are an enum generated from strings.inc so a missing key is
// a compile error and a missing translation is a failing test.
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>

namespace app::i18n {

enum class Lang { zh_CN = 0, en = 1 };

enum class S : unsigned short {
#define BUTLER_STRING(key, zh, en) key,
#include "app/i18n/strings.inc"
#undef BUTLER_STRING
  count_
};

constexpr std::size_t kStringCount = static_cast<std::size_t>(S::count_);

// The language the interface currently speaks. Set by the shell at start-up
// and from the language switch; read by tr() and by command error messages.
Lang current_language();
void set_current_language(Lang lang);

// Text for a key in the current language (never null, never empty).
const char* tr(S key);
const char* tr(S key, Lang lang);
// English counts (Chinese has no plural): a catalogue text marks the word a
// number counts as {one|many}, or {s} for {|s} — "%d ticket{s} overdue" reads
// "1 ticket overdue", "2 tickets overdue". The number is the printf
// conversion just before the marker (`numbers[i]`: the i-th argument's
// value; kNotACount for one that is not an integer). Data filled in by %s is
// never read for markers: they are resolved in the text before printf.
inline constexpr long long kNotACount = -0x7fffffffffffffffLL;
std::string resolve_counts(std::string_view text, const long long* numbers, std::size_t count);

template <typename T>
long long count_of(T v) {
  if constexpr (std::is_integral_v<T>) return static_cast<long long>(v);
  else return kNotACount;
}

// The key's text in the current language with printf-style arguments filled
// in (the catalogue's texts are printf formats: "%s 还有 %d 把钥匙未交回"),
// counted words agreeing with their numbers; into `out`, cut to its size.
template <typename... Args>
void format_to(char* out, std::size_t size, S key, Args... args) {
  const long long numbers[] = {count_of(args)..., 0};
  const std::string text = resolve_counts(tr(key), numbers, sizeof...(Args));
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-security"
  std::snprintf(out, size, text.c_str(), args...);
#pragma GCC diagnostic pop
}

template <typename... Args>
std::string format(S key, Args... args) {
  char text[1024];
  format_to(text, sizeof text, key, args...);
  return text;
}

// The key's name as written in strings.inc (for tests and the automation hook).
std::string_view key_name(S key);

// Language codes as stored in settings ("zh-CN", "en").
const char* language_code(Lang lang);
bool parse_language_code(std::string_view code, Lang* out);

}  // namespace app::i18n
