#include "app/keys/keys_index.hpp"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace app {
namespace {

using i18n::S;

bool by_time(const Loan* a, const Loan* b) { return a->out_ms != b->out_ms ? a->out_ms < b->out_ms : a->id < b->id; }

void add_once(std::vector<const Loan*>& list, const Loan* l) {
  if (list.empty() || list.back() != l) list.push_back(l);
}

// Unit keys floor → unit, as the keys hang on the board; public keys
// equipment category → system; each set of a public key beside the other.
void file_keys(const MasterData& d, i18n::Lang lang, KeysIndex& x) {
  struct Filed {
    std::tuple<int, std::int64_t, std::int64_t, std::size_t, std::string, std::size_t, std::string, std::string, std::string,
               std::int64_t, std::string, Id>
        order;
    KeyRow row;
  };
  std::vector<Filed> filed;
  for (const auto& [id, k] : d.keys.keys) {
    if (k.added_ms == 0) continue;
    // A retired key is off the board and the loan picker; one another tablet
    // lent before it heard of the retirement stays until it is back.
    if (k.retired && k.status != keys::KeyStatus::out) continue;
    Filed f;
    f.row.key = &k;
    if (k.kind == keys::KeyKind::unit) {
      std::int64_t position = 1 << 30, floor = 0;
      std::string building, stairwell, number;
      if (auto u = d.units.find(k.place); u != d.units.end()) {
        floor = u->second.floor;
        stairwell = u->second.stairwell;
        number = u->second.number;
        if (auto b = d.buildings.find(u->second.building); b != d.buildings.end()) {
          position = b->second.position;
          building = b->second.name;
        }
      }
      char group[160];
      std::snprintf(group, sizeof group, i18n::tr(S::key_group_floor, lang), building.c_str(), static_cast<long long>(floor));
      f.row.group = group;
      f.order = {0, position, floor, stairwell.size(), stairwell, number.size(), number, "", "", 0, k.label, k.id};
    } else {
      f.row.group = k.category + " → " + k.system;
      f.order = {1, 0, 0, 0, "", 0, "", k.category, k.system, static_cast<std::int64_t>(k.custody), k.label, k.id};
    }
    filed.push_back(std::move(f));
  }
  std::sort(filed.begin(), filed.end(), [](const Filed& a, const Filed& b) { return a.order < b.order; });
  x.filed.reserve(filed.size());
  for (Filed& f : filed) x.filed.push_back(std::move(f.row));
}

void collect_conflicts(const MasterData& d, KeysIndex& x) {
  auto key_of = [&](const Id& id) -> const KeyRecord* {
    auto it = d.keys.keys.find(id);
    return it == d.keys.keys.end() ? nullptr : &it->second;
  };
  for (const auto& [id, l] : d.keys.loans) {
    for (const LoanKey& lk : l.keys) {
      if (lk.state != LoanKeyState::refused) continue;
      KeyConflict c;
      c.kind = KeyConflictKind::double_loan;
      c.at_ms = l.out_ms;
      c.by = l.lent_by;
      c.record = l.id;
      c.key = key_of(lk.key);
      c.loan = &l;
      c.reason = lk.refused;
      x.conflicts.push_back(c);
    }
    for (const LoanReturn& r : l.returns) {
      for (const Id& key : r.refused) {
        KeyConflict c;
        c.kind = KeyConflictKind::return_not_out;
        c.at_ms = r.at_ms;
        c.by = r.by;
        c.record = r.id;
        c.key = key_of(key);
        c.loan = &l;
        c.reason = keys::KeyError::not_out;
        x.conflicts.push_back(c);
      }
    }
  }
  for (const auto& [id, e] : d.keys.events) {
    if (e.refused == keys::KeyError::none) continue;
    KeyConflict c;
    c.kind = e.kind == KeyEventKind::lost ? KeyConflictKind::lost_refused : KeyConflictKind::follow_up_refused;
    c.at_ms = e.at_ms;
    c.by = e.by;
    c.record = e.id;
    c.key = key_of(e.key);
    c.reason = e.refused;
    x.conflicts.push_back(c);
  }
  for (const auto& [id, dep] : d.keys.departures) {
    if (dep.keys_held == 0) continue;
    KeyConflict c;
    c.kind = KeyConflictKind::departure_with_keys;
    c.at_ms = dep.at_ms;
    c.by = dep.by;
    c.record = dep.id;
    c.staff = dep.staff;
    c.keys_held = dep.keys_held;
    x.conflicts.push_back(c);
  }
  for (const auto& [id, h] : d.handover.handovers) {
    for (const Id& key : h.keys_not_taken) {
      KeyConflict c;
      c.kind = KeyConflictKind::handover_key_not_out;
      c.at_ms = h.confirmed_ms;
      c.by = h.incoming;
      c.record = h.id;
      c.key = key_of(key);
      c.reason = keys::KeyError::not_out;
      x.conflicts.push_back(c);
    }
  }
  std::sort(x.conflicts.begin(), x.conflicts.end(), [](const KeyConflict& a, const KeyConflict& b) {
    const Id ka = a.key ? a.key->id : Id{}, kb = b.key ? b.key->id : Id{};
    return std::tie(a.at_ms, a.record, ka) < std::tie(b.at_ms, b.record, kb);
  });
}

KeyHistoryLine lent_line(const Loan& l, const LoanKey& lk, const KeyRecord* key) {
  KeyHistoryLine h;
  h.kind = KeyHistoryKind::lent;
  h.at_ms = l.out_ms;
  h.key = key;
  h.loan = &l;
  h.by = l.lent_by;
  h.to = l.borrower;
  h.note = l.reason;
  h.refused = lk.state == LoanKeyState::refused;
  return h;
}

KeyHistoryLine returned_line(const Loan& l, const LoanKey& lk, const KeyRecord* key) {
  KeyHistoryLine h;
  h.kind = KeyHistoryKind::returned;
  h.at_ms = lk.returned_ms;
  h.key = key;
  h.loan = &l;
  h.by = lk.returned_to;
  h.from = lk.holder;
  for (const LoanReturn& r : l.returns) {
    if (std::find(r.keys.begin(), r.keys.end(), lk.key) != r.keys.end()) h.note = r.note;
  }
  return h;
}

KeyHistoryLine transfer_line(const Loan& l, const KeyTransfer& t, const KeyRecord* key) {
  KeyHistoryLine h;
  h.kind = KeyHistoryKind::handed_over;
  h.at_ms = t.at_ms;
  h.key = key;
  h.loan = &l;
  h.by = t.to;
  h.from = t.from;
  h.to = t.to;
  return h;
}

const KeyRecord* find_key(const KeysData& d, const Id& id) {
  auto it = d.keys.find(id);
  return it == d.keys.end() ? nullptr : &it->second;
}

void sort_lines(std::vector<KeyHistoryLine>& lines) {
  std::stable_sort(lines.begin(), lines.end(), [](const KeyHistoryLine& a, const KeyHistoryLine& b) { return a.at_ms < b.at_ms; });
}

template <typename Map, typename K>
const std::vector<const Loan*>* loans_in(const Map& m, const K& k) {
  auto it = m.find(k);
  return it == m.end() ? nullptr : &it->second;
}

}  // namespace

KeysIndex build_keys_index(const MasterData& d, i18n::Lang lang, int utc_offset_minutes) {
  KeysIndex x;
  file_keys(d, lang, x);
  for (const auto& [id, k] : d.keys.keys) {
    if (k.added_ms == 0) continue;
    if (k.status == keys::KeyStatus::lost && !k.retired) x.lost.push_back(&k);
    if (k.status != keys::KeyStatus::out) continue;
    auto l = d.keys.loans.find(k.loan);
    if (l == d.keys.loans.end()) continue;
    const Loan& loan = l->second;
    x.out.push_back({&k, &loan, k.holder, loan.due_ms > 0 ? loan.due_ms : keys::end_of_local_day(loan.out_ms, utc_offset_minutes), false});
  }
  std::sort(x.out.begin(), x.out.end(), [](const KeyOut& a, const KeyOut& b) {
    return std::tie(a.due_ms, a.key->label, a.key->id) < std::tie(b.due_ms, b.key->label, b.key->id);
  });
  std::sort(x.lost.begin(), x.lost.end(), [](const KeyRecord* a, const KeyRecord* b) { return std::tie(a->label, a->id) < std::tie(b->label, b->id); });
  std::vector<const Loan*> loans;
  for (const auto& [id, l] : d.keys.loans) loans.push_back(&l);
  std::sort(loans.begin(), loans.end(), by_time);
  for (const Loan* l : loans) {
    for (const LoanKey& lk : l->keys) add_once(x.loans_by_key[lk.key], l);
    for (const LoanReturn& r : l->returns) {
      for (const Id& key : r.refused) add_once(x.loans_by_key[key], l);
    }
    if (!l->borrower.is_nil()) add_once(x.loans_by_staff[l->borrower], l);
    for (const KeyTransfer& t : l->transfers) {
      add_once(x.loans_by_staff[t.from], l);
      add_once(x.loans_by_staff[t.to], l);
    }
    if (l->borrower.is_nil() && !l->phone.empty()) add_once(x.loans_by_phone[l->phone], l);
  }
  for (const auto& [id, e] : d.keys.events) x.events_by_key[e.key].push_back(&e);
  for (auto& [key, list] : x.events_by_key) {
    std::sort(list.begin(), list.end(), [](const KeyEvent* a, const KeyEvent* b) { return std::tie(a->at_ms, a->id) < std::tie(b->at_ms, b->id); });
  }
  collect_conflicts(d, x);
  return x;
}

std::vector<KeyHistoryLine> history_of_key(const KeysIndex& x, const KeysData& d, const Id& key) {
  std::vector<KeyHistoryLine> lines;
  const KeyRecord* k = find_key(d, key);
  if (const auto* loans = loans_in(x.loans_by_key, key)) {
    for (const Loan* l : *loans) {
      if (const LoanKey* lk = l->key(key)) {
        lines.push_back(lent_line(*l, *lk, k));
        if (lk->state == LoanKeyState::returned) lines.push_back(returned_line(*l, *lk, k));
      }
      for (const KeyTransfer& t : l->transfers) {
        if (t.key == key) lines.push_back(transfer_line(*l, t, k));
      }
      for (const LoanReturn& r : l->returns) {
        if (std::find(r.refused.begin(), r.refused.end(), key) == r.refused.end()) continue;
        KeyHistoryLine h;
        h.kind = KeyHistoryKind::returned;
        h.at_ms = r.at_ms;
        h.key = k;
        h.loan = l;
        h.by = r.by;
        h.note = r.note;
        h.refused = true;
        lines.push_back(h);
      }
    }
  }
  if (auto events = x.events_by_key.find(key); events != x.events_by_key.end()) {
    for (const KeyEvent* e : events->second) {
      KeyHistoryLine h;
      static constexpr KeyHistoryKind kinds[] = {KeyHistoryKind::lost, KeyHistoryKind::note, KeyHistoryKind::found, KeyHistoryKind::replaced};
      h.kind = kinds[static_cast<int>(e->kind)];
      h.at_ms = e->at_ms;
      h.key = k;
      h.by = e->by;
      h.note = e->note;
      h.refused = e->refused != keys::KeyError::none;
      if (auto l = d.loans.find(e->loan); l != d.loans.end()) h.loan = &l->second;
      lines.push_back(h);
    }
  }
  sort_lines(lines);
  return lines;
}

std::vector<KeyHistoryLine> history_of_staff(const KeysIndex& x, const KeysData& d, const Id& staff) {
  std::vector<KeyHistoryLine> lines;
  const auto* loans = loans_in(x.loans_by_staff, staff);
  if (!loans || staff.is_nil()) return lines;
  for (const Loan* l : *loans) {
    for (const LoanKey& lk : l->keys) {
      const KeyRecord* k = find_key(d, lk.key);
      if (l->borrower == staff) lines.push_back(lent_line(*l, lk, k));
      if (lk.state == LoanKeyState::returned && lk.holder == staff) lines.push_back(returned_line(*l, lk, k));
    }
    for (const KeyTransfer& t : l->transfers) {
      if (t.from == staff || t.to == staff) lines.push_back(transfer_line(*l, t, find_key(d, t.key)));
    }
  }
  sort_lines(lines);
  return lines;
}

std::vector<KeyHistoryLine> history_of_outsider(const KeysIndex& x, const KeysData& d, const std::string& phone) {
  std::vector<KeyHistoryLine> lines;
  const auto* loans = loans_in(x.loans_by_phone, phone);
  if (!loans) return lines;
  for (const Loan* l : *loans) {
    for (const LoanKey& lk : l->keys) {
      const KeyRecord* k = find_key(d, lk.key);
      lines.push_back(lent_line(*l, lk, k));
      if (lk.state == LoanKeyState::returned) lines.push_back(returned_line(*l, lk, k));
    }
  }
  sort_lines(lines);
  return lines;
}

}  // namespace app
