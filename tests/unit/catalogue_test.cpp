#include <catch2/catch.hpp>

#include <algorithm>
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

TEST_CASE("English counts agree with their numbers: 1 ticket, 2 tickets, 1 key, 1 day") {
  app::i18n::set_current_language(Lang::en);
  CHECK(app::i18n::format(S::tickets_overdue_alert, 1) == "1 ticket overdue");
  CHECK(app::i18n::format(S::tickets_overdue_alert, 2) == "2 tickets overdue");
  CHECK(app::i18n::format(S::key_overdue_alert, 1) == "1 key overdue");
  CHECK(app::i18n::format(S::deadline_days, 1) == "1 day");
  CHECK(app::i18n::format(S::deadline_days, 0) == "0 days");
  CHECK(app::i18n::format(S::round_progress, 0, 1) == "0 of 1 checkpoint checked");  // the last number counts
  CHECK(app::i18n::format(S::round_unchecked_title, 1) == "1 checkpoint is still unchecked:");
  CHECK(app::i18n::format(S::round_unchecked_title, 3) == "3 checkpoints are still unchecked:");
  CHECK(app::i18n::format(S::err_findings_need_photo, 1, "大堂") == "1 finding still needs a photo (大堂) before the round can finish");
  CHECK(app::i18n::format(S::reno_passes_out, 1) == "1 pass out");
  // Data filled in by %s is never read for markers.
  CHECK(app::i18n::format(S::err_departure_keys, "A{s}", 1, "B{is|are}") == "A{s} still holds 1 key: B{is|are}. Every key must be back first.");
  // Positional arguments count by their position.
  const long long numbers[] = {5, 1};
  CHECK(app::i18n::resolve_counts("%2$d item{s}, %1$d box{es}", numbers, 2) == "%2$d item, %1$d boxes");
  char small[8];
  app::i18n::format_to(small, sizeof small, S::tickets_overdue_alert, 12);
  CHECK(std::string(small) == "12 tick");  // cut to the buffer, never past it
  // Chinese has no plural and no markers.
  app::i18n::set_current_language(Lang::zh_CN);
  CHECK(app::i18n::format(S::tickets_overdue_alert, 1) == "1 张工单已逾期");
}

TEST_CASE("every English count marker is well formed and follows the number it counts") {
  for (std::size_t i = 0; i < app::i18n::kStringCount; ++i) {
    const auto key = static_cast<S>(i);
    INFO(app::i18n::key_name(key));
    const std::string en = app::i18n::tr(key, Lang::en), zh = app::i18n::tr(key, Lang::zh_CN);
    CHECK(zh.find('{') == std::string::npos);
    std::size_t conversions = 0;
    for (std::size_t c = 0; c < en.size(); ++c) {
      if (en[c] == '%' && c + 1 < en.size() && en[c + 1] != '%') ++conversions;
      if (en[c] == '%' && c + 1 < en.size() && en[c + 1] == '%') ++c;
      if (en[c] != '{') continue;
      const std::size_t close = en.find('}', c);
      REQUIRE(close != std::string::npos);
      const std::string inside = en.substr(c + 1, close - c - 1);
      CHECK(inside.find('{') == std::string::npos);
      CHECK(std::count(inside.begin(), inside.end(), '|') <= 1);
      CHECK(conversions > 0);  // a marker counts a number before it
    }
  }
}
