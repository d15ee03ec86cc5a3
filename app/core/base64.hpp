#pragma once
// Standard base64 (RFC 4648, with padding): op records travel inside the sync
// JSON as base64 of their own checksummed binary record.
#include <string>
#include <string_view>

namespace app {

std::string base64_encode(std::string_view bytes);
// False on any character outside the alphabet, a wrong length or bad padding.
bool base64_decode(std::string_view text, std::string* out);

}  // namespace app
