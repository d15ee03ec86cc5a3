#pragma once
// A tablet with the demo estate for the key and handover tests: staff by
// role, keys by label, and a signature that looks like a written name.
#include <algorithm>
#include <string>
#include <vector>

#include "app/session/session.hpp"
#include "device_fixture.hpp"

namespace keys_fixture {

using namespace app;

constexpr std::int64_t kMinute = 60000, kHour = 60 * kMinute, kDay = 24 * kHour;
constexpr std::int64_t kAfternoon = 1795500000000;  // 2026-11-24 14:00 Beijing
constexpr std::int64_t kMidnight = 1795536000000;   // 2026-11-25 00:00 Beijing

// Three strokes of a written name: enough ink for looks_signed.
inline Signature name_signature(int variant = 0) {
  Signature s;
  for (int k = 0; k < 3; ++k) {
    std::vector<SignaturePoint> stroke;
    for (int i = 0; i < 30; ++i) {
      stroke.push_back({static_cast<std::uint16_t>(100 + k * 250 + i * 6), static_cast<std::uint16_t>(400 + ((i + variant) % 5) * 30)});
    }
    s.strokes.push_back(stroke);
  }
  return s;
}

struct Device : fixture::Device {
  bool loaded = false;
  explicit Device(std::uint64_t seed, std::uint64_t device = 0) : fixture::Device(seed, Id{device ? device : seed, 0x6b}) {
    clock.now = kAfternoon;
    loaded = session.load_demo({}).ok();
  }
  // The nth staff member of a role, by staff code (GJ001 first).
  Id staff(Role role, std::size_t nth = 0) const {
    std::vector<const Staff*> of;
    for (const auto& [id, s] : session.master_data().staff) {
      if (s.role == role) of.push_back(&s);
    }
    std::sort(of.begin(), of.end(), [](const Staff* a, const Staff* b) { return a->code < b->code; });
    return nth < of.size() ? of[nth]->id : Id{};
  }
  void as(Role role, std::size_t nth = 0) { session.set_actor(staff(role, nth)); }
  // A key on the board by its label (and set, for a public key).
  const KeyRecord* key(const std::string& label, keys::Custody custody = keys::Custody::centre) const {
    for (const KeyRow& r : session.keys().filed_keys()) {
      if (r.key->label == label && r.key->custody == custody) return r.key;
    }
    return nullptr;
  }
  // The first few keys in the cabinet, in filing order.
  std::vector<Id> keys_in(std::size_t n, keys::KeyKind kind = keys::KeyKind::unit) const {
    std::vector<Id> out;
    for (const KeyRow& r : session.keys().filed_keys()) {
      if (out.size() < n && r.key->kind == kind && r.key->status == keys::KeyStatus::in) out.push_back(r.key->id);
    }
    return out;
  }
  NewLoan loan_to(const Id& person, std::vector<Id> keys, std::string reason = "入户检查") const {
    NewLoan l;
    l.keys = std::move(keys);
    l.staff = person;
    l.reason = std::move(reason);
    l.signature = name_signature();  // 000:425: the borrower signs for them
    return l;
  }
};


}  // namespace keys_fixture
