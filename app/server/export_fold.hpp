#pragma once
// A community's folded state for the office's exports, read from the
// database in bounded memory (issue 20: three exports of a large log held
// every record three times over, 3.2 GB, and blocked sync for seconds).
//   - One read transaction on a reader connection (WAL): a consistent
//     snapshot, while pushes and polls go on through their own connections.
//   - Records are streamed, never held: a first pass keeps only each op's
//     fold key and its number (cseq, ~56 bytes an op), sorted; a second pass
//     reads the records in that order, in runs of consecutive numbers, and
//     folds each into the state. Records arrive in commit order, which is
//     not fold order (a tablet syncs late), and folding batches as they came
//     would refold the whole log at every late op.
#include <cstdint>

#include "app/core/result.hpp"
#include "app/domain/replica.hpp"
#include "app/server/server_store.hpp"

namespace server {

// `out` (empty) receives the community's state as its base: data() and
// frontier() as a replica holding every op would have them; no records.
app::Status fold_community(ServerStore& store, std::int64_t community, app::Replica& out);

}  // namespace server
