#pragma once
// The key cabinet's and the shift handovers' entities in a projection
// snapshot (app/store/snapshot.cpp writes their sections after the tickets).
// One writer and one reader per entity; the two must mirror each other, and
// a reader refuses any value its fold could not have produced.
#include <string>

#include "app/core/bytes.hpp"
#include "app/handover/handover_data.hpp"
#include "app/keys/keys_data.hpp"

namespace app {

void write(std::string& o, const KeyRecord& x);
void write(std::string& o, const Loan& x);
void write(std::string& o, const KeyEvent& x);
void write(std::string& o, const Departure& x);
void write(std::string& o, const Handover& x);

bool read(bytes::Reader& r, KeyRecord& x);
bool read(bytes::Reader& r, Loan& x);
bool read(bytes::Reader& r, KeyEvent& x);
bool read(bytes::Reader& r, Departure& x);
bool read(bytes::Reader& r, Handover& x);

}  // namespace app
