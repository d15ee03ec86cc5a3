#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "app/i18n/catalogue.hpp"

using app::i18n::Lang;
using app::i18n::S;

namespace {
bool has_cjk(const std::string& s) {
  // UTF-8 lead bytes 0xE3..0xE9 cover U+3000..U+9FFF (CJK punctuation and ideographs).
  for (unsigned char c : s) if (c >= 0xE3 && c <= 0xE9) return true;
  return false;
}
}  // namespace

TEST_CASE("every catalogue key has a zh-CN and an en text") {
  std::set<std::string> names;
  for (std::size_t i = 0; i < app::i18n::kStringCount; ++i) {
    const auto key = static_cast<S>(i);
    const std::string name(app::i18n::key_name(key));
    INFO("key " << name);
    CHECK(!name.empty());
    CHECK(names.insert(name).second);
    const std::string zh = app::i18n::tr(key, Lang::zh_CN);
    const std::string en = app::i18n::tr(key, Lang::en);
    CHECK(!zh.empty());
    CHECK(!en.empty());
  }
  CHECK(names.size() == app::i18n::kStringCount);
}

TEST_CASE("zh-CN texts are Chinese and differ from English where words are translated") {
  // The navigation must really be translated, not copied.
  for (S key : {S::nav_today, S::nav_rounds, S::nav_tickets, S::nav_registers, S::nav_sync, S::nav_settings,
                S::welcome_try_demo, S::today_title, S::about_title}) {
    INFO(app::i18n::key_name(key));
    CHECK(has_cjk(app::i18n::tr(key, Lang::zh_CN)));
    CHECK_FALSE(has_cjk(app::i18n::tr(key, Lang::en)));
  }
}

TEST_CASE("language switch changes what tr() returns and codes round-trip") {
  app::i18n::set_current_language(Lang::en);
  CHECK(std::string(app::i18n::tr(S::nav_today)) == "Today");
  app::i18n::set_current_language(Lang::zh_CN);
  CHECK(std::string(app::i18n::tr(S::nav_today)) == "今日");
  Lang l{};
  REQUIRE(app::i18n::parse_language_code(app::i18n::language_code(Lang::en), &l));
  CHECK(l == Lang::en);
  REQUIRE(app::i18n::parse_language_code("zh-CN", &l));
  CHECK(l == Lang::zh_CN);
  CHECK_FALSE(app::i18n::parse_language_code("fr", &l));
}
