#pragma once
// The key labels as one printable A4 page (钥匙标签): a grid of tags, each
// with its label large, its kind and set, where it belongs, and its short
// number to read out. Built here, as a plain function of the labels, so that
// what goes to the printer (web/print_lib.js, through Host::print_html) is
// tested natively — every data text escaped.
#include <string>
#include <string_view>
#include <vector>

#include "app/keys/keys_api.hpp"

namespace app {

// A whole HTML page in the catalogue's current language; `community` heads it.
std::string key_label_sheet_html(const std::vector<KeyLabel>& labels, std::string_view community);

}  // namespace app
