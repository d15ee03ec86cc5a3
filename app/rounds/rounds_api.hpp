#pragma once
// What RoundsService's commands take and its queries return
// (rounds_service.hpp). Pointers returned by queries point into the
// projection: valid until the next command or merge.
#include <string>

#include "app/rounds/rounds_data.hpp"

namespace app {

// A failed item's finding: urgent (told by radio at once) or dispatched.
struct NewFinding {
  std::string note;
  bool urgent = false;
  std::string told;        // urgent: whom (e.g. "秩序维护部 王班长")
  std::string department;  // otherwise: where the dispatch slip goes (工程部, 保洁…)
  // Neither: the unit's owner is to be told (red meter digits, 000:569); a unit stop only.
  bool owner_notice = false;
};

struct CheckpointProgress {
  int items = 0, answered = 0, failed = 0;
  bool done() const { return items > 0 && answered >= items; }
};

// A zone's day as the head butler reviews it.
struct ZoneDayReport {
  const Round* round = nullptr;  // the latest round of the day, if any
  int checkpoints = 0, checked = 0, skipped = 0;  // skipped: left unchecked by a finished round
  int findings_open = 0, findings_verified = 0;
};


struct RoundProgress {
  int checkpoints = 0, done = 0, failed_items = 0, open_findings = 0;
  int skipped = 0;  // finished with these checkpoints unchecked
  bool finished = false;
  bool incomplete() const { return finished && skipped > 0; }
};

}  // namespace app
