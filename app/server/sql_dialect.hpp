#pragma once
// Where SQLite and PostgreSQL differ, in one place. The store writes SQLite
// SQL; PostgreSQL gets it translated here (placeholders, INSERT OR IGNORE),
// and each engine's way to begin a write transaction and a read snapshot is
// here too. Anything else the two disagree on is written portably in the
// store (ON CONFLICT … DO UPDATE, CASE instead of two-argument MAX,
// RETURNING instead of last_insert_rowid).
#include <string>
#include <string_view>

namespace server {

// `?` and `?N` (numbered as SQLite numbers them: a bare `?` is one more than
// the largest so far) become `$N`; `INSERT OR IGNORE INTO … ` becomes
// `INSERT INTO … ON CONFLICT DO NOTHING`. Quoted text is left alone.
// `*params`: the number of parameters.
std::string postgres_sql(std::string_view sqlite_sql, int* params);

}  // namespace server
