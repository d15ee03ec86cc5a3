#include "shell/fonts/font_atlas.hpp"

#include <cstdlib>

#include "app/i18n/catalogue.hpp"
#include "imgui_internal.h"  // ImTextCharFromUtf8

namespace shell {
namespace {

void add_catalogue(ImFontGlyphRangesBuilder& b) {
  for (std::size_t i = 0; i < app::i18n::kStringCount; ++i) {
    const auto key = static_cast<app::i18n::S>(i);
    b.AddText(app::i18n::tr(key, app::i18n::Lang::zh_CN));
    b.AddText(app::i18n::tr(key, app::i18n::Lang::en));
  }
}

void add_symbols(ImFontGlyphRangesBuilder& b) {
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x2000, 0x206F, 0x2190, 0x2193, 0x2713, 0x2715,
                                    0x25B2, 0x25BC, 0x25CF, 0x25CF, 0x3000, 0x303F, 0xFF00, 0xFFEF, 0};
  b.AddRanges(kRanges);
}

// Decodes one UTF-8 sequence; returns bytes consumed (>= 1) and the codepoint.
int decode_utf8(std::string_view s, std::size_t i, unsigned* out) {
  unsigned int c = 0;
  const int n = ImTextCharFromUtf8(&c, s.data() + i, s.data() + s.size());
  *out = c;
  return n > 0 ? n : 1;
}

// A character not in the atlas draws as the ideographic space, one CJK cell
// wide: blank while the font's second file is on its way.
void blank_fallback(ImFont* font) {
  const ImFontGlyph* blank = font->FindGlyphNoFallback(0x3000);
  if (!blank) blank = font->FindGlyphNoFallback(' ');
  if (!blank) return;
  font->FallbackChar = static_cast<ImWchar>(blank->Codepoint);
  font->FallbackGlyph = blank;
  const float old_advance = font->FallbackAdvanceX;
  font->FallbackAdvanceX = blank->AdvanceX;
  for (int c = 0; c < font->IndexLookup.Size; ++c) {
    if (font->IndexLookup[c] == static_cast<ImWchar>(-1) && font->IndexAdvanceX[c] == old_advance) {
      font->IndexAdvanceX[c] = blank->AdvanceX;
    }
  }
}

}  // namespace

void FontAtlas::init(unsigned char* data, int size) {
  data_ = data;
  size_ = size;
  dirty_ = true;
}

FontAtlas::~FontAtlas() { std::free(more_data_); }

void FontAtlas::add_more(unsigned char* data, int size) {
  if (more_data_ || !data || size <= 0) {
    std::free(data);
    return;
  }
  more_data_ = data;
  more_size_ = size;
  dirty_ = true;
}

void FontAtlas::set_scale(float dpr) {
  if (dpr <= 0) dpr = 1;
  if (dpr > 3) dpr = 3;  // beyond 3x the atlas grows with no visible gain
  if (dpr != scale_) {
    scale_ = dpr;
    dirty_ = true;
  }
}

void FontAtlas::request_text(std::string_view utf8) { request(body_cover_, utf8); }
void FontAtlas::request_title_text(std::string_view utf8) { request(title_cover_, utf8); }

void FontAtlas::request(Coverage& coverage, std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) { ++i; continue; }  // ASCII is always there
    unsigned c = 0;
    i += decode_utf8(utf8, i, &c);
    if (c == 0 || c >= 0x10000 || coverage.seen[c]) continue;
    coverage.seen[c] = true;  // requested once; the rebuild makes it real
    coverage.extra.push_back(static_cast<ImWchar>(c));
    dirty_ = true;
  }
}

int FontAtlas::glyph_count() const { return body_ ? body_->Glyphs.Size : 0; }

bool FontAtlas::rebuild_if_needed() {
  if (!dirty_ || !data_) return false;
  build();
  return true;  // the host uploads the new texture (its renderer's business)
}

void FontAtlas::build() {
  const auto started = std::chrono::steady_clock::now();
  ImFontGlyphRangesBuilder body_builder, title_builder;
  add_symbols(body_builder);
  add_symbols(title_builder);
  add_catalogue(body_builder);
  add_catalogue(title_builder);
  body_builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesChineseSimplifiedCommon());
  // Characters met beyond the base set live in the second file (the first
  // holds exactly the base set), merged into each font once it is here.
  ImFontGlyphRangesBuilder body_more, title_more;
  for (ImWchar c : body_cover_.extra) {
    body_builder.AddChar(c);
    body_more.AddChar(c);
  }
  for (ImWchar c : title_cover_.extra) {
    title_builder.AddChar(c);
    title_more.AddChar(c);
  }
  if (!body_cover_.extra.empty() || !title_cover_.extra.empty()) wants_more_ = true;
  body_ranges_.clear();
  title_ranges_.clear();
  body_more_ranges_.clear();
  title_more_ranges_.clear();
  body_builder.BuildRanges(&body_ranges_);
  title_builder.BuildRanges(&title_ranges_);
  body_more.BuildRanges(&body_more_ranges_);
  title_more.BuildRanges(&title_more_ranges_);

  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  atlas->TexDesiredWidth = 4096;
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // we keep the file to rebuild from it
  cfg.OversampleH = 1;               // rasterised at device pixels: no need to oversample
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  ImFontConfig merge = cfg;
  merge.MergeMode = true;  // the first file's glyph wins where both have one
  const bool more = more_data_ != nullptr;
  body_ = atlas->AddFontFromMemoryTTF(data_, size_, kBodyCssPx * scale_, &cfg, body_ranges_.Data);
  if (more && !body_cover_.extra.empty()) {
    atlas->AddFontFromMemoryTTF(more_data_, more_size_, kBodyCssPx * scale_, &merge, body_more_ranges_.Data);
  }
  title_ = atlas->AddFontFromMemoryTTF(data_, size_, kTitleCssPx * scale_, &cfg, title_ranges_.Data);
  if (more && !title_cover_.extra.empty()) {
    atlas->AddFontFromMemoryTTF(more_data_, more_size_, kTitleCssPx * scale_, &merge, title_more_ranges_.Data);
  }
  atlas->Build();
  blank_fallback(body_);
  blank_fallback(title_);

  // Marks are never cleared: a character the font file lacks is asked for
  // once, not rebuilt for every frame it is drawn.
  for (const ImFontGlyph& g : body_->Glyphs) body_cover_.seen[g.Codepoint] = true;
  for (const ImFontGlyph& g : title_->Glyphs) title_cover_.seen[g.Codepoint] = true;
  dirty_ = false;
  last_build_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace shell
