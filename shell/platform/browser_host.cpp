#include "shell/platform/browser_host.hpp"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>

#include "shell/platform/browser_events.hpp"
#include "shell/platform/file_transfer.hpp"
#include "shell/platform/http.hpp"
#include "shell/platform/js_bridge.hpp"
#include "shell/platform/photo_store.hpp"
#include "shell/platform/storage_status.hpp"
#include "shell/ui/theme.hpp"

namespace shell {

BrowserHost::BrowserHost(WebHost& web) : web_(web) { ui().host = this; }

void BrowserHost::note_activity() { shell::note_activity(); }
double BrowserHost::now_ms() { return emscripten_get_now(); }
ShellStore& BrowserHost::store() { return browser_store(); }
const StorageStatus& BrowserHost::storage_status() const { return shell::storage_status(); }
void BrowserHost::probe_storage() { shell::probe_storage(); }

bool BrowserHost::pref(const char* key, std::string* value) {
  static char buffer[4096];
  buffer[0] = 0;
  if (!butler_pref_get(key, buffer, sizeof buffer)) return false;
  *value = buffer;
  return true;
}

void BrowserHost::set_pref(const char* key, const std::string& value) { butler_pref_set(key, value.c_str()); }
void BrowserHost::interactive() { butler_interactive(); }
void BrowserHost::apply_update() { butler_apply_update(); }

void BrowserHost::wipe_device() { butler_wipe_device(); }
void BrowserHost::print_html(const std::string& html) { butler_print_html(html.c_str()); }
void BrowserHost::download_file(const std::string& name, const std::string& bytes) { shell::download_file(name, bytes); }
void BrowserHost::pick_file(std::function<void(bool, std::string)> done) { shell::pick_file(std::move(done)); }

void BrowserHost::http_send(const std::string& method, const std::string& url, const std::string& body, const std::string& token,
                            HttpDone done, int timeout_ms) {
  shell::http_send(method, url, body, token, std::move(done), timeout_ms);
}
std::string BrowserHost::page_origin() { return shell::page_origin(); }

void BrowserHost::pick_photo(std::function<void(bool, std::string)> done) { shell::pick_photo(std::move(done)); }
void BrowserHost::put_blob(const std::string& sha256, const std::string& bytes, bool owed,
                           std::function<void(bool, std::string)> done) {
  shell::put_blob(sha256, bytes, owed, std::move(done));
}
void BrowserHost::list_uploads(std::function<void(std::vector<std::string>)> done) { shell::list_uploads(std::move(done)); }
void BrowserHost::read_blob(const std::string& sha256, std::function<void(bool, std::string)> done) {
  shell::read_blob(sha256, std::move(done));
}
void BrowserHost::mark_uploaded(const std::string& sha256) { shell::mark_uploaded(sha256); }

unsigned BrowserHost::create_texture() {
  GLuint name = 0;
  glGenTextures(1, &name);
  return name;
}
void BrowserHost::delete_texture(unsigned texture) {
  const GLuint name = texture;
  glDeleteTextures(1, &name);
}
void BrowserHost::load_thumbnail(const std::string& sha256, int side, unsigned texture, std::function<void(int, int)> done) {
  shell::load_thumbnail(sha256, side, texture, std::move(done));
}

}  // namespace shell
