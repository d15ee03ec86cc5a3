#pragma once
// butler-server bench-ingest N --data DIR: how fast the server takes pushed
// ops through the whole sync path (JSON, base64, decode, validate, one
// transaction, the pull page of the answer), against a raw SQLite insert of
// the same rows into the same schema in the same run. Prints "figure:" lines.
#include <cstdio>
#include <string>

namespace server {

int bench_ingest(long n, const std::string& data_dir, std::FILE* out);

}  // namespace server
