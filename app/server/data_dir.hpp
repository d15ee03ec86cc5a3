#pragma once
// The server's data folder (--data): one SQLite database holding PIN and
// token hashes and every community's records, so only the server's own user
// may read it: the folder is created 0700, the database and its -wal and
// -shm files are 0600 (an older database's files are tightened on open).
#include <memory>
#include <string>

#include "app/core/result.hpp"
#include "app/server/server_store.hpp"

namespace server {

inline constexpr const char* kDatabaseFile = "butler.sqlite";

// Creates `dir` if missing and opens `dir`/butler.sqlite.
app::Result<std::unique_ptr<ServerStore>> open_data_dir(const std::string& dir);

}  // namespace server
