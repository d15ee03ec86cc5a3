#include "app/server/export_fold.hpp"

#include <algorithm>
#include <vector>

#include "app/domain/master_data.hpp"
#include "app/domain/snapshot_state.hpp"
#include "app/ops/codec.hpp"

namespace server {
namespace {

struct Placed {
  app::FoldKey key;
  std::int64_t cseq = 0;
};

// Rows read by one range query at most: a run of consecutive numbers in fold
// order (an orderly log is a few long runs; a shuffled one, many short ones).
constexpr std::int64_t kRunRows = 2000;

}  // namespace

app::Status fold_community(ServerStore& store, std::int64_t community, app::Replica& out) {
  return store.in_read_snapshot([&](Db& db) -> app::Status {
    std::vector<Placed> order;
    {
      // In pages by cseq: PostgreSQL hands a statement's rows over whole,
      // and a year of a community is ~250,000 records; a page at a time
      // keeps the memory an export holds bounded on both engines.
      Stmt s(db, "SELECT cseq, record FROM ops WHERE community=? AND cseq>? ORDER BY cseq LIMIT ?");
      std::int64_t after = 0;
      for (bool more = true; more;) {
        s.reset();
        s.bind(1, community).bind(2, after).bind(3, kRunRows);
        std::int64_t rows = 0;
        while (s.step()) {
          ++rows;
          after = s.integer(0);
          auto op = app::decode_op(s.blob(1));
          if (op.ok()) order.push_back(Placed{app::fold_key(op.value()), after});  // validated on the way in
        }
        if (s.failed()) return s.error();
        more = rows == kRunRows;
      }
    }
    std::sort(order.begin(), order.end(), [](const Placed& a, const Placed& b) { return a.key < b.key; });
    app::MasterData data;
    Stmt run(db, "SELECT record FROM ops WHERE community=? AND cseq BETWEEN ? AND ? ORDER BY cseq");
    for (std::size_t i = 0; i < order.size();) {
      std::size_t j = i + 1;
      while (j < order.size() && order[j].cseq == order[j - 1].cseq + 1 && static_cast<std::int64_t>(j - i) < kRunRows) ++j;
      run.reset();
      run.bind(1, community).bind(2, order[i].cseq).bind(3, order[j - 1].cseq);
      while (run.step()) {
        auto op = app::decode_op(run.blob(0));
        if (op.ok()) app::apply_master_data(data, op.value());
      }
      if (run.failed()) return run.error();
      i = j;
    }
    app::Snapshot base;
    base.op_count = order.size();
    base.record_count = order.size();
    if (!order.empty()) base.frontier = order.back().key;
    base.data = std::move(data);
    out.install_base(std::move(base));
    return app::ok_status();
  });
}

}  // namespace server
