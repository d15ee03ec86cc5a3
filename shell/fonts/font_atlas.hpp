#pragma once
// The CJK font atlas. ImGui 1.86 rasterises every glyph of its ranges up front
// (the full Chinese range would be a 4096² atlas and seconds of start-up), so
// the atlas holds only what the product shows: the UI catalogue, the common
// simplified set, and any character met later in data or typed through the
// IME, added by rebuilding the atlas between frames.
// The font comes as two files (scripts/lib/subset_font.py): the first holds
// exactly the base set and comes with the program; the second (the rest of
// GB2312, rare name characters) is fetched by the host the first time a
// character outside the base set is met (wants_more). Until it is here such
// a character draws as a blank, never as a box or a '?'.
#include <chrono>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace shell {

class FontAtlas {
 public:
  FontAtlas() = default;
  FontAtlas(const FontAtlas&) = delete;
  FontAtlas& operator=(const FontAtlas&) = delete;
  ~FontAtlas();  // frees the second file (the first is the host's, for the page's life)
  // Takes ownership of a malloc'd font file (the subset of Noto Sans CJK SC).
  void init(unsigned char* data, int size);
  // The second file has been asked for (and not yet arrived or failed).
  bool wants_more() const { return wants_more_ && !more_data_; }
  // Asks for the second file before any character needs it: a tablet that
  // will work offline (enrolled) keeps it ready, so a name or a note typed in
  // a basement draws whole rather than blank until signal comes back.
  void fetch_more_now() { wants_more_ = true; }
  // Takes ownership of the second file (malloc'd): the atlas is rebuilt with it.
  void add_more(unsigned char* data, int size);

  // Pixels per CSS pixel: glyphs are rasterised at device resolution so text
  // stays sharp on high-DPI tablets.
  void set_scale(float device_pixel_ratio);

  // Notes characters about to be drawn; any not in the atlas are added before
  // the next frame. Cheap enough to call for every visible data string.
  void request_text(std::string_view utf8);
  // The same for the title font, which starts from the catalogue only.
  void request_title_text(std::string_view utf8);

  // Rebuilds the atlas if characters or scale changed. Call between frames
  // only. Returns true if it rebuilt: the host then makes its texture anew.
  bool rebuild_if_needed();

  ImFont* body() const { return body_; }
  ImFont* title() const { return title_; }
  int glyph_count() const;
  double last_build_ms() const { return last_build_ms_; }
  bool has_font() const { return data_ != nullptr; }

  static constexpr float kBodyCssPx = 20.0f;
  static constexpr float kTitleCssPx = 27.0f;

 private:
  void build();
  struct Coverage {
    std::vector<bool> seen = std::vector<bool>(0x10000, false);  // in the atlas or already requested
    std::vector<ImWchar> extra;  // characters met at run time beyond the base set
  };
  void request(Coverage& coverage, std::string_view utf8);

  unsigned char* data_ = nullptr;
  int size_ = 0;
  unsigned char* more_data_ = nullptr;
  int more_size_ = 0;
  bool wants_more_ = false;  // a character outside the base set was met
  float scale_ = 1.0f;
  bool dirty_ = true;
  Coverage body_cover_, title_cover_;
  ImVector<ImWchar> body_ranges_, title_ranges_, body_more_ranges_, title_more_ranges_;
  ImFont* body_ = nullptr;
  ImFont* title_ = nullptr;
  double last_build_ms_ = 0;
};

}  // namespace shell
