#include "shell/ui/thumbnails.hpp"

#include <cstdint>

#include "shell/host/host.hpp"
#include "shell/ui/theme.hpp"

namespace shell {

const Thumbnail& Thumbnails::get(const std::string& sha256) {
  ++clock_;
  auto found = entries_.find(sha256);
  if (found != entries_.end()) {
    found->second.last_used = clock_;
    return found->second.thumb;
  }
  if (entries_.size() >= kKept) evict();
  Entry& e = entries_[sha256];
  e.last_used = clock_;
  e.gl_name = ui().host->create_texture();
  load(sha256, e.gl_name, true);
  return e.thumb;
}

void Thumbnails::load(const std::string& sha256, unsigned name, bool may_fetch) {
  ui().host->load_thumbnail(sha256, kSide, name, [this, sha256, name, may_fetch](int w, int h) {
    auto it = entries_.find(sha256);
    if (it == entries_.end() || it->second.gl_name != name) return;  // evicted meanwhile (the texture went with it)
    Thumbnail& t = it->second.thumb;
    if (w > 0 && h > 0) {
      t.state = Thumbnail::State::ready;
      t.texture = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(name));
      t.width = static_cast<float>(w);
      t.height = static_cast<float>(h);
      return;
    }
    if (!may_fetch || !fetch_) {
      t.state = Thumbnail::State::missing;
      return;
    }
    // Another tablet took it: fetch it once, then decode it from storage.
    fetch_(sha256, [this, sha256, name](bool ok) {
      auto again = entries_.find(sha256);
      if (again == entries_.end() || again->second.gl_name != name) return;
      if (ok) load(sha256, name, false);
      else again->second.thumb.state = Thumbnail::State::missing;
    });
  });
}

void Thumbnails::evict() {
  auto oldest = entries_.begin();
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->second.last_used < oldest->second.last_used) oldest = it;
  }
  if (oldest == entries_.end()) return;
  ui().host->delete_texture(oldest->second.gl_name);
  entries_.erase(oldest);
}

Thumbnails& thumbnails() {
  static Thumbnails t;
  return t;
}

}  // namespace shell
