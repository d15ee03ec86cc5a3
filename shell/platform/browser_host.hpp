#pragma once
// The shell's Host in the browser: the frame loop's WebHost (fonts, redraws,
// the hidden input) plus the glue in this folder — IndexedDB (browser_store),
// storage_status, localStorage preferences and files (js_bridge,
// file_transfer), fetch (http) and the camera and blobs (photo_store).
// Only the app's main() makes one; the bench's bare page uses WebHost alone.
#include "shell/host/host.hpp"
#include "shell/platform/browser_store.hpp"
#include "shell/platform/web_host.hpp"

namespace shell {

class BrowserHost final : public Host {
 public:
  explicit BrowserHost(WebHost& web);  // becomes ui().host

  bool online() const override { return web_.online(); }
  FontAtlas& fonts() override { return web_.fonts(); }
  void request_frames(int n) override { web_.request_frames(n); }
  void note_activity() override;
  double now_ms() override;
  app::ClockPort& clock() override { return clock_; }
  app::RandomPort& random() override { return random_; }

  ShellStore& store() override;
  const StorageStatus& storage_status() const override;
  void probe_storage() override;
  bool pref(const char* key, std::string* value) override;
  void set_pref(const char* key, const std::string& value) override;
  void wipe_device() override;

  void interactive() override;
  void apply_update() override;
  void print_html(const std::string& html) override;
  void download_file(const std::string& name, const std::string& bytes) override;
  void pick_file(std::function<void(bool ok, std::string bytes)> done) override;

  void set_active_field_rect(ImVec2 min, ImVec2 max, bool numeric) override { web_.text().set_active_field_rect(min, max, numeric); }
  const std::string& composition() const override { return web_.text().composition(); }

  void http_send(const std::string& method, const std::string& url, const std::string& body, const std::string& token,
                 HttpDone done, int timeout_ms = 30000) override;
  std::string page_origin() override;

  void pick_photo(std::function<void(bool ok, std::string jpeg)> done) override;
  void put_blob(const std::string& sha256, const std::string& bytes, bool owed,
                std::function<void(bool ok, std::string message)> done) override;
  void list_uploads(std::function<void(std::vector<std::string> names)> done) override;
  void read_blob(const std::string& sha256, std::function<void(bool found, std::string bytes)> done) override;
  void mark_uploaded(const std::string& sha256) override;
  unsigned create_texture() override;
  void delete_texture(unsigned texture) override;
  void load_thumbnail(const std::string& sha256, int side, unsigned texture, std::function<void(int w, int h)> done) override;

 private:
  WebHost& web_;
  BrowserClock clock_;
  BrowserRandom random_;
};

}  // namespace shell
