#include "app/rounds/checklist_versions.hpp"

#include "app/rounds/checklist_codec.hpp"

namespace app {

const ChecklistTemplate* latest_checklist(const RoundsData& d, std::string_view key) {
  const ChecklistTemplate* best = find_template(key);
  for (const auto& [id, saved] : d.checklists) {
    const ChecklistTemplate& c = saved.checklist;
    if (c.key == key && (!best || c.version > best->version)) best = &c;
  }
  return best;
}

const ChecklistTemplate* pinned_checklist(const RoundsData& d, std::string_view key, std::string_view pins) {
  std::int64_t version = 1;
  if (auto decoded = decode_pins(pins)) {
    for (const PinnedVersion& p : *decoded) {
      if (p.key == key) version = p.version;
    }
  }
  if (version > 1) {
    auto it = d.checklists.find(checklist_entity(key, version));
    if (it != d.checklists.end()) return &it->second.checklist;
    // The edit has not arrived on this tablet yet (sync order): the newest
    // version known is the closest to what the round was started with.
    return latest_checklist(d, key);
  }
  return find_template(key);
}

std::string current_pins(const RoundsData& d) {
  std::vector<PinnedVersion> pins;
  for (const ChecklistTemplate& t : builtin_templates()) {
    const ChecklistTemplate* latest = latest_checklist(d, t.key);
    if (latest && latest->version > 1) pins.push_back({t.key, latest->version});
  }
  return encode_pins(pins);
}

std::vector<const ChecklistTemplate*> latest_checklists(const RoundsData& d) {
  std::vector<const ChecklistTemplate*> out;
  for (const ChecklistTemplate& t : builtin_templates()) out.push_back(latest_checklist(d, t.key));
  return out;
}

}  // namespace app
