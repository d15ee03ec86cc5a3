#pragma once
// Snapshot sections for incidents and renovation applications (format 3,
// after the tickets): one writer and one reader per entity, mirroring each
// other. Kept apart from snapshot.cpp so each area's encoding sits together.
#include <string>

#include "app/core/bytes.hpp"
#include "app/incidents/incidents_data.hpp"
#include "app/renovation/renovation_data.hpp"

namespace app {

void write_snapshot_entity(std::string& out, const Incident& x);
bool read_snapshot_entity(bytes::Reader& r, Incident& x);
void write_snapshot_entity(std::string& out, const Renovation& x);
bool read_snapshot_entity(bytes::Reader& r, Renovation& x);

}  // namespace app
