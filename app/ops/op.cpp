#include "app/ops/op.hpp"

namespace app {

bool is_known_kind(std::uint16_t code) {
  // Codes are reserved in ranges by area, with gaps: name each one known.
  switch (static_cast<OpKind>(code)) {
    case OpKind::community_set: case OpKind::building_set: case OpKind::unit_set: case OpKind::resident_set:
    case OpKind::resident_removed: case OpKind::staff_set: case OpKind::zone_set: case OpKind::checkpoint_set:
    case OpKind::photo_added: case OpKind::round_started: case OpKind::item_answered: case OpKind::round_finished:
    case OpKind::finding_opened: case OpKind::finding_verified: case OpKind::checklist_saved:
    case OpKind::ticket_opened: case OpKind::ticket_stepped: case OpKind::ticket_handed_on: case OpKind::repair_slip_set:
    case OpKind::leak_tested: case OpKind::callback_rechecked: case OpKind::price_item_set: case OpKind::visit_recorded:
    case OpKind::ticket_settings_set:
    case OpKind::key_set: case OpKind::key_lent: case OpKind::key_returned: case OpKind::key_lost: case OpKind::key_followed_up:
    case OpKind::staff_departed: case OpKind::handover_written: case OpKind::handover_confirmed:
    case OpKind::incident_started: case OpKind::incident_step: case OpKind::incident_noted: case OpKind::incident_closed:
    case OpKind::renovation_applied: case OpKind::renovation_paper: case OpKind::renovation_stepped: case OpKind::renovation_pass:
    case OpKind::renovation_violation: case OpKind::renovation_followed_up:
      return true;
  }
  return false;
}

Payload::Field* Payload::find(std::uint16_t key) {
  for (auto& f : fields_) if (f.key == key) return &f;
  return nullptr;
}

const Payload::Field* Payload::find(std::uint16_t key) const {
  for (const auto& f : fields_) if (f.key == key) return &f;
  return nullptr;
}

Payload& Payload::set(F key, std::string text) {
  const auto k = static_cast<std::uint16_t>(key);
  if (Field* f = find(k)) {
    *f = {k, true, 0, std::move(text)};
  } else {
    fields_.push_back({k, true, 0, std::move(text)});
  }
  return *this;
}

Payload& Payload::set(F key, std::int64_t number) {
  const auto k = static_cast<std::uint16_t>(key);
  if (Field* f = find(k)) {
    *f = {k, false, number, {}};
  } else {
    fields_.push_back({k, false, number, {}});
  }
  return *this;
}

std::optional<std::string_view> Payload::text(F key) const {
  const Field* f = find(static_cast<std::uint16_t>(key));
  if (!f || !f->is_text) return std::nullopt;
  return std::string_view(f->text);
}

std::optional<std::int64_t> Payload::number(F key) const {
  const Field* f = find(static_cast<std::uint16_t>(key));
  if (!f || f->is_text) return std::nullopt;
  return f->number;
}

bool Payload::has(F key) const { return find(static_cast<std::uint16_t>(key)) != nullptr; }

}  // namespace app
