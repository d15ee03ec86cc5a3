#pragma once
// The snapshot's renovation section (the applications with their papers,
// passes, violation notices and history, after the incidents): one writer
// and one reader, mirroring each other; a reader refuses any value its fold
// could not have produced. Used by snapshot.cpp's sections.
#include <string>

#include "app/core/bytes.hpp"
#include "app/renovation/renovation_data.hpp"

namespace app {

void write_snapshot_entity(std::string& out, const Renovation& x);
bool read_snapshot_entity(bytes::Reader& r, Renovation& x);

}  // namespace app
