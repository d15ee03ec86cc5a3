#include <catch2/catch.hpp>

#include "app/ops/codec.hpp"
#include "fakes.hpp"

using namespace app;

namespace {

Op random_op(fakes::Random& rng) {
  Op op;
  op.op_id = Id::random(rng);
  op.device_id = Id::random(rng);
  op.hlc = {static_cast<std::int64_t>(rng.next_u64() % (1ull << 45)), static_cast<std::uint32_t>(rng.next_u64() % 70000)};
  op.actor = Id::random(rng);
  op.entity = Id::random(rng);
  op.kind = static_cast<OpKind>(1 + rng.next_u64() % 8);
  const int fields = static_cast<int>(rng.next_u64() % 6);
  for (int i = 0; i < fields; ++i) {
    const auto key = static_cast<F>(1 + rng.next_u64() % 21);
    if (rng.next_u64() % 2) {
      std::string text = "北门岗亭漏水";
      text.resize(rng.next_u64() % 40, 'x');
      op.payload.set(key, text);
    } else {
      op.payload.set(key, static_cast<std::int64_t>(rng.next_u64()) >> (rng.next_u64() % 64));
    }
  }
  return op;
}

}  // namespace

TEST_CASE("encode/decode round-trips random ops") {
  fakes::Random rng(42);
  for (int i = 0; i < 2000; ++i) {
    const Op op = random_op(rng);
    const Result<Op> back = decode_op(encode_op(op));
    REQUIRE(back.ok());
    REQUIRE(back.value() == op);
  }
}

TEST_CASE("every single-byte corruption and every truncation of a record is rejected") {
  fakes::Random rng(3);
  for (int n = 0; n < 20; ++n) {
    const std::string record = encode_op(random_op(rng));
    for (std::size_t i = 0; i < record.size(); ++i) {
      std::string bad = record;
      bad[i] = static_cast<char>(bad[i] ^ (1 + rng.next_u64() % 255));
      REQUIRE_FALSE(decode_op(bad).ok());
    }
    for (std::size_t len = 0; len < record.size(); ++len) {
      REQUIRE_FALSE(decode_op(record.substr(0, len)).ok());
    }
  }
}

TEST_CASE("unknown format versions and kinds are named in the error") {
  fakes::Random rng(5);
  std::string record = encode_op(random_op(rng));
  record[2] = 9;
  const auto r = decode_op(record);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "record_unknown_version");
  CHECK(decode_op("").error().code == "record_corrupt");
  CHECK(decode_op("hello, world").error().code == "record_corrupt");
}
