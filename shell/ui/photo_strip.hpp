#pragma once
// Photos as a strip of square tiles: the one way every screen shows the
// photos of a unit, a finding, a ticket, an incident or renovation papers.
#include <string>
#include <vector>

namespace app { struct Photo; }

namespace shell::widgets {

// Each tile holds its thumbnail fitted inside, a grey tile while it decodes,
// or a note when only the server holds the photo; tiles wrap to the width.
// `inline_first`: the first tile continues the current line (beside the
// button that adds one). Tiles are recorded for the automation hook as
// "<id>:<n>" with their state (ready, loading, missing).
void photo_strip(const char* id, const std::vector<std::string>& sha256s, float side, bool inline_first = false);
void photo_strip(const char* id, const std::vector<const app::Photo*>& photos, float side, bool inline_first = false);

}  // namespace shell::widgets
