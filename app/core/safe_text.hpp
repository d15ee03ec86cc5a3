#pragma once
// Text a person typed, as a record may hold it: strict UTF-8 with no NUL, no
// other control character but tab and line breaks, and no bidirectional
// override or isolate (U+202A–U+202E, U+2066–U+2069), which can make a name
// or a note read differently on screen, in a CSV or on paper from what it
// holds ("Trojan Source"). Checked on every text field of every op, on the
// tablet before a pulled op is applied and on the server before it is stored.
#include <string_view>

namespace app {

bool is_safe_text(std::string_view utf8);

}  // namespace app
