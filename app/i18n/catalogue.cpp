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
