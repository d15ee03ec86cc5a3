#pragma once
// The string catalogue: every word the interface shows, in zh-CN (default)
// and English. Keys are an enum generated from strings.inc so a missing key is
// a compile error and a missing translation is a failing test.
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

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
// The key's text in the current language with printf-style arguments filled in
// (the catalogue's texts are printf formats: "%s 还有 %d 把钥匙未交回").
template <typename... Args>
std::string format(S key, Args... args) {
  char text[1024];
  std::snprintf(text, sizeof text, tr(key), args...);
  return text;
}

// The key's name as written in strings.inc (for tests and the automation hook).
std::string_view key_name(S key);

// Language codes as stored in settings ("zh-CN", "en").
const char* language_code(Lang lang);
bool parse_language_code(std::string_view code, Lang* out);

}  // namespace app::i18n
