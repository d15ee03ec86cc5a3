#pragma once
// Read models of the key cabinet, built once per change of the replica (and
// of the interface's language, for the group headings), so the key screens'
// per-frame queries are lookups: the board as filed, the keys out, lost keys,
// conflicts, and each key's and person's loans.
#include <string>
#include <unordered_map>
#include <vector>

#include "app/domain/master_data.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/keys/keys_api.hpp"

namespace app {

struct KeysIndex {
  std::vector<KeyRow> filed;           // keys in use (and a retired one still out)
  std::vector<KeyOut> out;  // due soonest first; `overdue` is left for the query to judge
  std::vector<const KeyRecord*> lost;  // by label; a retired key is no longer searched for
  std::vector<KeyConflict> conflicts;  // oldest first
  std::unordered_map<Id, std::vector<const Loan*>, IdHash> loans_by_key;    // oldest first
  std::unordered_map<Id, std::vector<const Loan*>, IdHash> loans_by_staff;  // borrowed, or handed to or from them
  std::unordered_map<std::string, std::vector<const Loan*>> loans_by_phone; // outsiders
  std::unordered_map<Id, std::vector<const KeyEvent*>, IdHash> events_by_key;  // oldest first
};

// `utc_offset_minutes`: the tablet's calendar, for the default due time.
KeysIndex build_keys_index(const MasterData& d, i18n::Lang lang, int utc_offset_minutes);

// History lines from the index: every loan, return, handover and lost-key
// event touching one key, or one person, oldest first.
std::vector<KeyHistoryLine> history_of_key(const KeysIndex& x, const KeysData& d, const Id& key);
std::vector<KeyHistoryLine> history_of_staff(const KeysIndex& x, const KeysData& d, const Id& staff);
std::vector<KeyHistoryLine> history_of_outsider(const KeysIndex& x, const KeysData& d, const std::string& phone);

}  // namespace app
