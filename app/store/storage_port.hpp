#pragma once
// Where committed records go: IndexedDB in the browser (web/store_lib.js via
// the shell), a fault-injecting fake in tests. Append is asynchronous; the
// port reports back through Session::on_commit only once the records are
// durable (the transaction completed) or definitely not written.
#include <cstdint>
#include <string>
#include <vector>

namespace app {

class StoragePort {
 public:
  virtual ~StoragePort() = default;
  // All records of a batch are written in one transaction: all or none.
  virtual void append(std::uint64_t batch, const std::vector<std::string>& records) = 0;
};

}  // namespace app
