#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "app/server/server_ports.hpp"

// Every PIN the suite hashes is argon2id at its least cost (the same
// algorithm, cheaper parameters): under ASan a full-cost hash per staff member
// and sign-in would slow the suite to a crawl. sign_in_test.cpp checks the
// production cost on its own.
static const bool cheap_pins_for_tests = (server::set_pin_cost(server::PinCost::cheapest()), true);
