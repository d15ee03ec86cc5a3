#include "app/store/snapshot_keys.hpp"

#include "app/handover/handover_codec.hpp"
#include "app/store/snapshot_fields.hpp"

namespace app {
namespace {

using bytes::put_id;
using bytes::put_text;
using bytes::put_varint;

using snapshot_fields::put_number;

void put_ids(std::string& o, const std::vector<Id>& ids) {
  put_varint(o, ids.size());
  for (const Id& id : ids) put_id(o, id);
}

// A count read back is bounded by what the bytes left could hold (an id is 16).
bool read_count(bytes::Reader& r, std::size_t* n) {
  std::uint64_t v = 0;
  if (!r.varint(&v) || v > r.remaining() / 16) return false;
  *n = static_cast<std::size_t>(v);
  return true;
}

bool read_ids(bytes::Reader& r, std::vector<Id>& ids) {
  std::size_t n = 0;
  if (!read_count(r, &n)) return false;
  ids.resize(n);
  for (Id& id : ids) {
    if (!r.id(&id)) return false;
  }
  return true;
}

template <typename E>
bool read_enum(bytes::Reader& r, E* out, bool (*valid)(std::int64_t)) {
  std::int64_t v = 0;
  if (!r.number(&v) || !valid(v)) return false;
  *out = static_cast<E>(v);
  return true;
}

bool is_loan_key_state(std::int64_t v) { return v >= 0 && v <= 3; }
bool is_event_kind(std::int64_t v) { return v >= 0 && v <= 3; }

}  // namespace

void write(std::string& o, const KeyRecord& x) {
  put_id(o, x.id);
  put_id(o, x.place);
  put_number(o, static_cast<std::int64_t>(x.kind));
  put_number(o, static_cast<std::int64_t>(x.custody));
  put_text(o, x.label);
  put_text(o, x.category);
  put_text(o, x.system);
  put_number(o, x.added_ms);
  put_number(o, static_cast<std::int64_t>(x.status));
  put_id(o, x.loan);
  put_id(o, x.holder);
  put_id(o, x.lost_report);
}
bool read(bytes::Reader& r, KeyRecord& x) {
  return r.id(&x.id) && r.id(&x.place) && read_enum(r, &x.kind, keys::is_key_kind) && read_enum(r, &x.custody, keys::is_custody) &&
         r.text(&x.label) && r.text(&x.category) && r.text(&x.system) && r.number(&x.added_ms) &&
         read_enum(r, &x.status, keys::is_key_status) && r.id(&x.loan) && r.id(&x.holder) && r.id(&x.lost_report);
}

void write(std::string& o, const Loan& x) {
  put_id(o, x.id);
  put_id(o, x.lent_by);
  put_id(o, x.borrower);
  put_number(o, static_cast<std::int64_t>(x.borrower_kind));
  for (const std::string* t : {&x.borrower_name, &x.phone, &x.reason}) put_text(o, *t);
  put_number(o, x.out_ms);
  put_number(o, x.due_ms);
  put_varint(o, x.keys.size());
  for (const LoanKey& k : x.keys) {
    put_id(o, k.key);
    put_number(o, static_cast<std::int64_t>(k.state));
    put_number(o, static_cast<std::int64_t>(k.refused));
    put_id(o, k.holder);
    put_number(o, k.returned_ms);
    put_id(o, k.returned_to);
  }
  put_varint(o, x.returns.size());
  for (const LoanReturn& ret : x.returns) {
    put_id(o, ret.id);
    put_id(o, ret.by);
    put_number(o, ret.at_ms);
    put_text(o, ret.note);
    put_ids(o, ret.keys);
    put_ids(o, ret.refused);
  }
  put_varint(o, x.transfers.size());
  for (const KeyTransfer& t : x.transfers) {
    put_id(o, t.key);
    put_id(o, t.from);
    put_id(o, t.to);
    put_id(o, t.handover);
    put_number(o, t.at_ms);
  }
}
bool read(bytes::Reader& r, Loan& x) {
  std::size_t n = 0;
  if (!(r.id(&x.id) && r.id(&x.lent_by) && r.id(&x.borrower) && read_enum(r, &x.borrower_kind, keys::is_borrower_kind) &&
        r.text(&x.borrower_name) && r.text(&x.phone) && r.text(&x.reason) && r.number(&x.out_ms) && r.number(&x.due_ms) &&
        read_count(r, &n))) {
    return false;
  }
  x.keys.resize(n);
  for (LoanKey& k : x.keys) {
    if (!(r.id(&k.key) && read_enum(r, &k.state, is_loan_key_state) && read_enum(r, &k.refused, keys::is_key_error) &&
          r.id(&k.holder) && r.number(&k.returned_ms) && r.id(&k.returned_to))) {
      return false;
    }
  }
  if (!read_count(r, &n)) return false;
  x.returns.resize(n);
  for (LoanReturn& ret : x.returns) {
    if (!(r.id(&ret.id) && r.id(&ret.by) && r.number(&ret.at_ms) && r.text(&ret.note) && read_ids(r, ret.keys) && read_ids(r, ret.refused))) {
      return false;
    }
  }
  if (!read_count(r, &n)) return false;
  x.transfers.resize(n);
  for (KeyTransfer& t : x.transfers) {
    if (!(r.id(&t.key) && r.id(&t.from) && r.id(&t.to) && r.id(&t.handover) && r.number(&t.at_ms))) return false;
  }
  return true;
}

void write(std::string& o, const KeyEvent& x) {
  put_id(o, x.id);
  put_id(o, x.key);
  put_id(o, x.by);
  put_number(o, static_cast<std::int64_t>(x.kind));
  put_number(o, x.at_ms);
  put_text(o, x.note);
  put_id(o, x.loan);
  put_number(o, static_cast<std::int64_t>(x.refused));
}
bool read(bytes::Reader& r, KeyEvent& x) {
  return r.id(&x.id) && r.id(&x.key) && r.id(&x.by) && read_enum(r, &x.kind, is_event_kind) && r.number(&x.at_ms) &&
         r.text(&x.note) && r.id(&x.loan) && read_enum(r, &x.refused, keys::is_key_error);
}

void write(std::string& o, const Departure& x) {
  put_id(o, x.id);
  put_id(o, x.staff);
  put_id(o, x.by);
  put_number(o, static_cast<std::int64_t>(x.kind));
  put_number(o, x.at_ms);
  put_text(o, x.note);
  put_number(o, x.keys_held);
}
bool read(bytes::Reader& r, Departure& x) {
  return r.id(&x.id) && r.id(&x.staff) && r.id(&x.by) && read_enum(r, &x.kind, keys::is_departure_kind) && r.number(&x.at_ms) &&
         r.text(&x.note) && r.number(&x.keys_held) && x.keys_held >= 0;
}

// The items go in their op's own text form (a handover is read, not searched).
void write(std::string& o, const Handover& x) {
  put_id(o, x.id);
  put_id(o, x.outgoing);
  put_number(o, x.written_ms);
  put_text(o, x.notes);
  put_text(o, encode_handover_items(x.items));
  put_number(o, x.item_count);
  put_ids(o, x.keys_handed);
  put_text(o, x.outgoing_signature);
  put_id(o, x.incoming);
  put_id(o, x.confirmation);
  put_number(o, x.confirmed_ms);
  put_text(o, x.incoming_signature);
  put_ids(o, x.keys_taken);
  put_ids(o, x.keys_not_taken);
  put_varint(o, x.refused.size());
  for (const RefusedConfirmation& c : x.refused) {
    put_id(o, c.id);
    put_id(o, c.by);
    put_id(o, c.incoming);
    put_number(o, c.at_ms);
    put_text(o, c.signature);
    put_number(o, static_cast<std::int64_t>(c.reason));
  }
}
bool read(bytes::Reader& r, Handover& x) {
  std::string items;
  std::size_t n = 0;
  if (!(r.id(&x.id) && r.id(&x.outgoing) && r.number(&x.written_ms) && r.text(&x.notes) && r.text(&items) && r.number(&x.item_count) &&
        read_ids(r, x.keys_handed) && r.text(&x.outgoing_signature) && r.id(&x.incoming) && r.id(&x.confirmation) &&
        r.number(&x.confirmed_ms) && r.text(&x.incoming_signature) && read_ids(r, x.keys_taken) && read_ids(r, x.keys_not_taken) &&
        read_count(r, &n))) {
    return false;
  }
  auto decoded = decode_handover_items(items);
  if (!decoded) return false;
  x.items = std::move(*decoded);
  x.refused.resize(n);
  for (RefusedConfirmation& c : x.refused) {
    if (!(r.id(&c.id) && r.id(&c.by) && r.id(&c.incoming) && r.number(&c.at_ms) && r.text(&c.signature) &&
          read_enum(r, &c.reason, handover::is_refusal))) {
      return false;
    }
  }
  return true;
}

}  // namespace app
