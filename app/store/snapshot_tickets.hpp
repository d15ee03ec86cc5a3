#pragma once
// The snapshot's ticket sections (tickets with their whole history, the
// paid-repair price list, household visits, the ticket deadline settings):
// one writer and one reader per entity, mirroring each other, used by
// snapshot.cpp's sections.
#include <string>

#include "app/core/bytes.hpp"
#include "app/tickets/tickets_data.hpp"

namespace app::snapshot_io {

void write(std::string& o, const Ticket& x);
bool read(bytes::Reader& r, Ticket& x);
void write(std::string& o, const PriceItem& x);
bool read(bytes::Reader& r, PriceItem& x);
void write(std::string& o, const Visit& x);
bool read(bytes::Reader& r, Visit& x);
void write(std::string& o, const tickets::Settings& x);
bool read(bytes::Reader& r, tickets::Settings& x);

}  // namespace app::snapshot_io
