#pragma once
// Photo thumbnails for ImGui::Image: each stored photo decoded once by the
// browser into a GL texture, kept for the photos drawn recently (a round's
// worth), the least recently drawn released when there are too many.
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

#include "imgui.h"

namespace shell {

struct Thumbnail {
  enum class State { loading, ready, missing };  // missing: not stored on this tablet
  State state = State::loading;
  ImTextureID texture = nullptr;
  float width = 0, height = 0;
};

class Thumbnails {
 public:
  static constexpr int kSide = 320;   // px on the long side: sharp at 160 CSS px on a 2× screen
  static constexpr std::size_t kKept = 48;

  // The thumbnail of photo `sha256`, starting to load it on first ask.
  const Thumbnail& get(const std::string& sha256);
  // How to fetch a photo this tablet does not hold (from the sync server);
  // done(true) once it is stored here.
  using Fetch = std::function<void(const std::string& sha256, std::function<void(bool ok)> done)>;
  void set_fetch(Fetch fetch) { fetch_ = std::move(fetch); }

 private:
  struct Entry {
    Thumbnail thumb;
    unsigned gl_name = 0;
    std::uint64_t last_used = 0;
  };
  void evict();
  void load(const std::string& sha256, unsigned gl_name, bool may_fetch);

  std::unordered_map<std::string, Entry> entries_;
  std::uint64_t clock_ = 0;
  Fetch fetch_;
};

Thumbnails& thumbnails();

}  // namespace shell
