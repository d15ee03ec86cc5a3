#pragma once
// The server database's schema, as numbered migration steps per engine
// (schema.cpp): a database records the last step it has in schema_version,
// and the store runs the steps after it at start (and `butler-server
// migrate` runs them on their own). Each step commits with its version, so a
// crash between steps leaves a database at a known version.
#include <cstdint>
#include <string_view>
#include <vector>

#include "app/server/db.hpp"

namespace server {

struct Migration {
  int version;
  const char* what;
  app::Status (*run)(Db& db);
};

const std::vector<Migration>& migrations(Engine engine);
int latest_schema_version(Engine engine);
// 0: an empty database, or a SQLite one made before schema_version existed.
app::Result<int> schema_version(Db& db);
// Runs the steps after the database's version up to `target` (-1: the last).
// A database newer than this server knows is refused, not touched.
app::Status migrate_schema(Db& db, int target = -1);

// The photos a stored op names go into blob_refs (and their blobs count as
// named): with the op in insert_ops, and for an older database's ops once.
app::Status record_blob_names(Db& db, std::int64_t community, std::string_view record);

}  // namespace server
