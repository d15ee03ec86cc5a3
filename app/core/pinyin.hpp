#pragma once
// Pinyin initials, so a butler finds 张小明 by typing "zxm" on a keyboard
// with no IME open. Covers GB2312's first level (3,755 common hanzi, where
// nearly every surname and given name is); other characters have no initial
// and match only as themselves.
#include <string>
#include <string_view>

namespace app {

// 'a'–'z', or 0 when the character has no known initial.
char pinyin_initial(char32_t c);
// Each character's initial in turn: hanzi by pinyin, ASCII letters lowered,
// digits kept, anything else skipped. "张小明" → "zxm", "王Amy" → "wamy".
std::string pinyin_initials(std::string_view utf8);

}  // namespace app
