#pragma once
// Functions implemented in web/butler_lib.js (the --js-library).
extern "C" {
int butler_platform_init();
void butler_text_input_focus(float x, float y, float w, float h, int numeric);
void butler_text_input_blur();
int butler_text_input_focused();
unsigned char* butler_take_font(int* len);
void butler_fetch_more_font();  // answers with butler_font_more
void butler_loading_status(const char* text);
void butler_first_frame_done();
void butler_interactive();
void butler_apply_update();
int butler_pref_get(const char* key, char* out, int out_len);
void butler_pref_set(const char* key, const char* value);
// web/store_lib.js: deletes the device's databases, then its preferences, and reloads.
void butler_wipe_device();
void butler_download(const char* name, const unsigned char* bytes, int len);
void butler_pick_file();
// web/print_lib.js: prints a whole HTML page through a hidden iframe.
void butler_print_html(const char* html);
}
