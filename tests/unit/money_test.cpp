// 元 typed by a person, read as fen: the price list, renovation fees and
// deductions all go through app::parse_yuan.
#include <catch2/catch.hpp>

#include "app/core/money.hpp"

using app::parse_yuan;

TEST_CASE("amounts in yuan read as fen, with up to two decimals") {
  CHECK(parse_yuan("3000") == 300000);
  CHECK(parse_yuan("3000.5") == 300050);
  CHECK(parse_yuan("3000.50") == 300050);
  CHECK(parse_yuan("12.05") == 1205);
  CHECK(parse_yuan("0") == 0);
  CHECK(parse_yuan(".5") == 50);
  CHECK(parse_yuan("5.") == 500);
  CHECK(parse_yuan("999999999.99") == 99999999999);
}

TEST_CASE("anything that is not an amount in yuan is refused, not guessed") {
  for (const char* bad : {"", ".", "abc", "-5", "+5", "1,000", "1 000", "3.141", "1.2.3", "1000000000", "５０", "¥50"}) {
    INFO(bad);
    CHECK_FALSE(parse_yuan(bad).has_value());
  }
}
