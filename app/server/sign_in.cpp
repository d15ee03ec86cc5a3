#include "app/server/sign_in.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>

#include "app/server/server_ports.hpp"

namespace server {
namespace {

// Keys are bounded whatever is sent: a code is at most 32 bytes (the request
// parser), a device id 32 hex digits, an address cut here.
constexpr std::size_t kMaxAddress = 64;

app::Result<std::int64_t> failures_of(Db& db, std::string_view scope, std::string_view subject, bool* exists) {
  Stmt s(db, "SELECT failures FROM sign_in_failures WHERE scope=? AND subject=?");
  *exists = s.bind(1, scope).bind(2, subject).step();
  if (s.failed()) return s.error();
  return *exists ? s.integer(0) : std::int64_t{0};
}

app::Status count_failure(Db& db, std::string_view scope, std::string_view subject, std::int64_t now) {
  Stmt s(db,
         "INSERT INTO sign_in_failures(scope, subject, failures, first_ms) VALUES(?,?,1,?) "
         "ON CONFLICT(scope, subject) DO UPDATE SET failures = sign_in_failures.failures + 1");
  s.bind(1, scope).bind(2, subject).bind(3, now).step();
  return s.failed() ? app::Status(s.error()) : app::ok_status();
}

}  // namespace

std::string address_key(std::string_view remote_addr) {
  const std::string text(remote_addr.substr(0, kMaxAddress));
  std::array<unsigned char, 16> v6{};
  if (text.find(':') == std::string::npos || inet_pton(AF_INET6, text.c_str(), v6.data()) != 1) return text;
  static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  if (std::equal(v6.begin(), v6.begin() + 12, kMapped)) {  // ::ffff:203.0.113.9 is an IPv4 client
    char v4[INET_ADDRSTRLEN];
    if (inet_ntop(AF_INET, v6.data() + 12, v4, sizeof v4)) return v4;
  }
  std::fill(v6.begin() + 8, v6.end(), 0);
  char out[INET6_ADDRSTRLEN];
  if (!inet_ntop(AF_INET6, v6.data(), out, sizeof out)) return text;
  return std::string(out) + "/64";
}

SignInGate::SignInGate(ServerStore& store, app::ClockPort& clock, SignInLimits limits)
    : store_(store), clock_(clock), limits_(limits), hashing_(std::clamp(limits.concurrent_hashes, 1, 64)) {}

const std::string& SignInGate::dummy_hash() {
  // Made once, at the cost real hashes are made at, so an unknown code takes
  // as long to refuse as a wrong PIN.
  std::call_once(dummy_once_, [this] {
    auto h = hash_pin("butler-no-such-staff");
    if (h.ok()) dummy_ = std::move(h).value();
  });
  return dummy_;
}

app::Result<SignInGate::Admission> SignInGate::admit(const Keys& keys, bool trusted) {
  const std::int64_t now = clock_.now_ms();
  Admission verdict = Admission::admitted;
  app::Status s = store_.in_transaction([&](Db& db) -> app::Status {
    // Rows leave with their window: what is left is at most a window's failures.
    Stmt old(db, "DELETE FROM sign_in_failures WHERE first_ms <= ?");
    old.bind(1, now - limits_.window_ms).step();
    if (old.failed()) return old.error();
    bool has_device = false, has_code = false, has_address = false;
    auto device = failures_of(db, "device", keys.device, &has_device);
    auto code = failures_of(db, "code", keys.code, &has_code);
    auto address = failures_of(db, "address", keys.address, &has_address);
    if (!device.ok()) return device.error();
    if (!code.ok()) return code.error();
    if (!address.ok()) return address.error();
    // The owner's own device answers for its own failures only.
    if (device.value() >= limits_.device_failures ||
        (!trusted && (code.value() >= limits_.code_failures || address.value() >= limits_.address_failures))) {
      verdict = Admission::locked;
      return app::ok_status();
    }
    if (trusted) return count_failure(db, "device", keys.device, now);  // bounded by the devices table
    Stmt rows(db, "SELECT count(*) FROM sign_in_failures");
    if (!rows.step()) return rows.error();
    const std::int64_t fresh = (has_device ? 0 : 1) + (has_code ? 0 : 1) + (has_address ? 0 : 1);
    if (rows.integer(0) + fresh > limits_.max_rows) {
      verdict = Admission::full;
      return app::ok_status();
    }
    // Counted now, taken back if the PIN is right: a try in flight already counts.
    for (const auto& [scope, subject] : {std::pair<const char*, const std::string*>{"device", &keys.device},
                                         {"code", &keys.code}, {"address", &keys.address}}) {
      if (app::Status c = count_failure(db, scope, *subject, now); !c.ok()) return c;
    }
    return app::ok_status();
  });
  if (!s.ok()) return s.error();
  return verdict;
}

app::Status SignInGate::take_back(const Keys& keys, bool trusted) {
  return store_.in_transaction([&](Db& db) -> app::Status {
    // The device signed in: its count starts again. Code and address give
    // back only this try, so one good account does not launder an address.
    Stmt device(db, "DELETE FROM sign_in_failures WHERE scope='device' AND subject=?");
    device.bind(1, keys.device).step();
    if (device.failed()) return device.error();
    if (trusted) return app::ok_status();
    Stmt others(db,
                "UPDATE sign_in_failures SET failures = failures - 1 WHERE failures > 0 AND "
                "((scope='code' AND subject=?) OR (scope='address' AND subject=?))");
    others.bind(1, keys.code).bind(2, keys.address).step();
    if (others.failed()) return others.error();
    Stmt none(db, "DELETE FROM sign_in_failures WHERE failures <= 0 AND "
                        "((scope='code' AND subject=?) OR (scope='address' AND subject=?))");
    none.bind(1, keys.code).bind(2, keys.address).step();
    return none.failed() ? app::Status(none.error()) : app::ok_status();
  });
}

SignInOutcome SignInGate::check(std::string_view code, std::string_view pin, const app::Id& device,
                                std::string_view address) {
  auto staff = store_.find_staff(code);
  const bool trusted = staff && store_.device_known(code, device);
  const Keys keys{std::string(code) + '\n' + device.to_hex(), std::string(code), address_key(address)};
  auto admission = admit(keys, trusted);
  if (!admission.ok()) return SignInOutcome(SignInVerdict::failed, admission.error().message);
  if (admission.value() != Admission::admitted) return SignInOutcome(SignInVerdict::locked);

  PinCheck pin_check;
  {
    hashing_.acquire();  // no exceptions in app/: released by hand below
    if (staff) {
      pin_check = check_pin(staff->salt, staff->pin_hash, pin);
    } else {
      (void)check_pin("", dummy_hash(), pin);  // the same work as a real check
    }
    // An old SHA-256 row (or one hashed at a lower cost) is stored anew now
    // that the PIN is in hand; a failure here leaves the old row working.
    if (pin_check.match && pin_check.needs_rehash) {
      if (auto fresh = hash_pin(pin); fresh.ok()) (void)store_.upgrade_pin_hash(code, staff->pin_hash, fresh.value());
    }
    hashing_.release();
  }
  if (!pin_check.match) return SignInOutcome(SignInVerdict::wrong);  // counted in admit()
  if (app::Status s = take_back(keys, trusted); !s.ok()) return SignInOutcome(SignInVerdict::failed, s.error().message);
  if (staff->enrol_blocked) return SignInOutcome(SignInVerdict::revoked);
  SignInOutcome out(SignInVerdict::signed_in);
  out.staff = std::move(*staff);
  return out;
}

}  // namespace server
