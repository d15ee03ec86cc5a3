#pragma once
// The snapshot's incident section (after the shift handovers): one writer and
// one reader, mirroring each other; a reader refuses any value its fold could
// not have produced. Used by snapshot.cpp's sections.
#include <string>

#include "app/core/bytes.hpp"
#include "app/incidents/incidents_data.hpp"

namespace app {

void write_snapshot_entity(std::string& out, const Incident& x);
bool read_snapshot_entity(bytes::Reader& r, Incident& x);

}  // namespace app
