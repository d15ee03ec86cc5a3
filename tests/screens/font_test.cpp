// The font in two files (issue 15, first visit on a slow line): the first,
// fetched with the program, draws every string of the catalogue in both
// languages; a character beyond it (a rare name) makes the host fetch the
// second file once, and until it arrives draws as a blank, never a box or '?'.
#include <catch2/catch.hpp>

#include <string>

#include "app/i18n/catalogue.hpp"
#include "imgui_internal.h"
#include "tests/screens/tablet.hpp"

using namespace screens_test;

namespace {

// Codepoints of a UTF-8 string that are not ASCII control characters.
std::vector<unsigned> codepoints(std::string_view s) {
  std::vector<unsigned> out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned c = 0;
    const int n = ImTextCharFromUtf8(&c, s.data() + i, s.data() + s.size());
    i += n > 0 ? static_cast<std::size_t>(n) : 1;
    if (c >= 0x20 && c != '\n') out.push_back(c);
  }
  return out;
}

}  // namespace

TEST_CASE("the font's first file draws the whole catalogue, the second comes when a rare character is met", "[screens][font]") {
  app::i18n::set_current_language(app::i18n::Lang::zh_CN);
  Tablet t({"768x1024", 768, 1024});
  t.frames(4);
  ImFont* body = t.host().fonts().body();
  REQUIRE(body);
  int missing = 0;
  std::string first_missing;
  for (std::size_t i = 0; i < app::i18n::kStringCount; ++i) {
    for (auto lang : {app::i18n::Lang::zh_CN, app::i18n::Lang::en}) {
      const char* text = app::i18n::tr(static_cast<app::i18n::S>(i), lang);
      for (unsigned c : codepoints(text)) {
        if (c == '%' || body->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
        if (missing++ == 0) first_missing = text;
      }
    }
  }
  CHECK(missing == 0);
  INFO("first string with a glyph missing: " << first_missing);
  CHECK(t.host().more_font_loads() == 0);  // the welcome screen needs nothing more

  // 堃 (a given name, outside GB2312) is in neither the catalogue nor the common set.
  const ImWchar kun = 0x5803;
  REQUIRE_FALSE(body->FindGlyphNoFallback(kun));
  // Missing, it draws as the ideographic space: blank, one cell wide.
  CHECK(body->FallbackChar == 0x3000);
  t.host().fonts().request_text("业主：王堃");
  t.frames(3);
  CHECK(t.host().more_font_loads() == 1);
  body = t.host().fonts().body();
  CHECK(body->FindGlyphNoFallback(kun));
  // A common GB2312 character outside the first file's set comes from it too.
  t.host().fonts().request_text("鑫");
  t.frames(3);
  CHECK(t.host().fonts().body()->FindGlyphNoFallback(0x946B));
  CHECK(t.host().more_font_loads() == 1);  // fetched once
}
