#pragma once
// Visitors as folded state. A visit is received once; the department is told
// (已通报) and the visitor leaves (离开), each recorded once: the first in
// fold order stands, a later tap (another tablet's, made offline) changes
// nothing. Told and left are separate facts, so one tablet's 已通报 and
// another's 离开 made offline are both kept. A time before the arrival
// (another tablet's clock behind) is read as the arrival.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "app/core/id.hpp"
#include "app/ops/op.hpp"
#include "app/visitors/visitors_rules.hpp"

namespace app {

struct VisitorRecord {
  Id id, received_by;
  std::string purpose, name, phone, note;
  visitors::IdSeen id_seen = visitors::IdSeen::id_card;
  Id unit;                  // the unit they visit; nil: none
  std::string department;   // the department to tell (Chinese, as tickets name it); the told one once told
  visitors::Place place = visitors::Place::reception;
  std::string place_text;   // the place when it is "other"
  std::int64_t arrived_ms = 0;
  Id told_by;
  std::int64_t told_ms = 0;  // 0: not told yet
  Id left_by;
  std::int64_t left_ms = 0;  // 0: still in
  Id ticket, ticket_by;      // the ticket it became; nil: none
  bool known() const { return arrived_ms != 0; }
  bool in() const { return known() && left_ms == 0; }
  bool told() const { return told_ms != 0; }
  bool operator==(const VisitorRecord&) const = default;
};

struct VisitorsData {
  std::unordered_map<Id, VisitorRecord, IdHash> visits;
  bool operator==(const VisitorsData&) const = default;
};

void apply_visitors(VisitorsData& d, const Op& op);
template <class Projection>
void fold_visitors(Projection& d, const Op& op) {
  apply_visitors(d.visitors, op);
}

}  // namespace app
