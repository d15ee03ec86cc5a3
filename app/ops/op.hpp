#pragma once
// An operation: the unit of change, of storage and of sync. Every user action
// becomes one or more ops; state is the deterministic fold of the op set in
// (hlc, device_id, op_id) order.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/core/hlc.hpp"
#include "app/core/id.hpp"

namespace app {

// Stable numeric codes: they are stored and synced, never renumbered.
enum class OpKind : std::uint16_t {
  community_set = 1,
  building_set = 2,
  unit_set = 3,
  resident_set = 4,
  resident_removed = 5,
  staff_set = 6,
  zone_set = 7,
  checkpoint_set = 8,
  photo_added = 9,  // a photo (stored as a blob by its SHA-256) attached to a unit, a finding, later a ticket…
  round_started = 10,     // a butler starts the day's round of a zone
  item_answered = 11,     // one checklist item at one checkpoint of a round (entity: derived from the three)
  round_finished = 12,
  finding_opened = 13,    // a failed item becomes an open finding (urgent, or dispatched)
  finding_verified = 14,  // the fix was seen on a later visit (with an "after" photo)
  checklist_saved = 15,   // a head butler's new version of a checklist (entity: derived from key and version)
  ticket_opened = 16,     // a complaint, repair, inquiry or suggestion received (首问负责制: the receiver owns it)
  ticket_stepped = 17,    // one step of a ticket's lifecycle (entity: the step; F::parent: the ticket)
  ticket_handed_on = 18,  // 首问负责制: whoever owns a ticket hands it on to a colleague (entity: the act; F::parent)
  repair_slip_set = 19,   // a repair's slip (维修单): appointment, category, priced lines, owner's materials (entity: the act)
  leak_tested = 20,       // a leak repair's leak test, from which its callback is due (entity: the act; F::parent)
  callback_rechecked = 21,  // the head butler's spot-check of a done callback (entity: the act; F::parent)
  price_item_set = 22,    // a line of the paid-repair price list (entity: the item)
  visit_recorded = 23,    // a household visit (走访) or call (entity: the visit; F::parent: the unit)
  ticket_settings_set = 24,  // the head butler's deadline settings (entity: kTicketSettingsEntity; each field LWW)
  // 24–29: tickets and follow-up; 30–39 keys and handover; 40–49 incidents and renovation.
  // Keys and shift handover (30–39; app/keys, app/handover).
  key_set = 30,             // a key in the inventory: its kind, custody, label, filing (entity: the key)
  key_lent = 31,            // a loan of one or more keys (entity: the loan; F::keys)
  key_returned = 32,        // keys of a loan back in the cabinet (entity: the return; F::parent: the loan)
  key_lost = 33,            // a key reported lost (entity: the report; F::parent: the key)
  key_followed_up = 34,     // a lost key's follow-up: a note, found or replaced (entity: the event; F::parent: the key)
  staff_departed = 35,      // a staff member leaves or changes post (entity: the record; F::parent: the staff)
  handover_written = 36,    // the outgoing staff's shift handover (entity: the handover)
  handover_confirmed = 37,  // the incoming staff takes it over (entity: the event; F::parent: the handover)
  // Incidents (应急) and renovation supervision (装修管理): codes 40–49.
  incident_started = 40,       // an emergency begins (entity: the incident); one tap, details may follow
  incident_step = 41,          // one checklist step done (entity: the record; F::parent: the incident)
  incident_noted = 42,         // a person involved, a note, or the place / lift details (LWW)
  incident_closed = 43,        // ended with an outcome (the special incident report is then complete)
  renovation_applied = 44,     // 物业装修申请表 (entity: the application)
  renovation_paper = 45,       // a contractor paper photographed (licence, insurance, a worker's ID)
  renovation_stepped = 46,     // one stage of the application (entity: the step; F::parent: the application)
  renovation_pass = 47,        // a worker's 出入证 issued, returned or lost (entity: the pass)
  renovation_violation = 48,   // 违规整改通知书 (entity: the notice; F::parent: the application)
  renovation_followed_up = 49, // a notice's follow-up: rectified, with a date (F::notice)
};
bool is_known_kind(std::uint16_t code);

// Field keys inside a payload: also stable codes.
enum class F : std::uint16_t {
  name = 1,
  parent = 2,     // building of a unit, unit of a resident, zone of a checkpoint…
  floor = 3,
  number = 4,     // unit number within its building, e.g. "1502"
  stairwell = 5,  // 单元
  status = 6,
  phone = 7,
  occupation = 8,
  role = 9,
  code = 10,       // staff code
  pin_hash = 11,
  moved_in = 12,   // local date as yyyymmdd
  moved_out = 13,
  is_owner = 14,
  butler = 15,     // zone's butler (staff id hex)
  buildings = 16,  // zone's buildings (ids hex, comma separated)
  position = 17,   // order within a route
  kind = 18,       // checkpoint kind
  city = 19,
  floors = 20,
  zone = 21,
  photo = 22,      // a photo's SHA-256, 64 hex digits (the blob's name)
  taken_ms = 23,   // when the photo was taken (wall ms)
  round = 24,      // the round an answer or finding belongs to (id hex)
  checkpoint = 25, // (id hex)
  item = 26,       // index of the item in its template
  result = 27,     // 0 pass, 1 fail, 2 not applicable
  note = 28,
  reading = 29,    // a number read off a meter, a count
  checklist = 30,  // template key, e.g. "lift"
  version = 31,    // template version
  day = 32,        // local date yyyymmdd
  at_ms = 33,      // wall time of the act
  urgent = 34,     // 1: reported by radio at once
  told = 35,       // whom the butler told by radio
  department = 36, // where a dispatch slip went
  items = 37,      // a checklist's items (app/rounds/checklist_codec.hpp)
  pins = 38,       // the edited checklists' versions a round started with
  channel = 39,    // how a ticket came in: 0 phone, 1 visit, 2 letter, 3 rounds, 4 night log
  wants = 40,      // what the owner asks for
  severity = 41,   // 0 major, 1 important, 2 minor
  stage = 42,      // a ticket's lifecycle status (app/tickets/ticket_rules.hpp)
  requested_ms = 43,  // the owner's requested date (minor tickets)
  approved = 44,   // 1: the head approved a later date
  failed = 45,     // 1: the callback found a problem (reopens)
  assignee = 46,   // a staff id (hex): whom a ticket is handed on to
  appointment_ms = 47,  // a repair's appointment (预约维修时间)
  lines = 48,      // a repair slip's priced lines (app/tickets/repair_slip.hpp)
  materials = 49,  // materials the owner supplied, as the repairer checked them
  category = 50,   // a repair's category: 0 ordinary, 1 safety facility, 2 leak
  signature = 51,  // strokes (app/core/signature.hpp)
  method = 52,     // a callback or visit: 0 in person (上门), 1 by phone (电话)
  price_cents = 53,
  unit_label = 54, // a price item's unit: 次, 个, 米
  removed = 55,    // 1: no longer offered
  follow_ups = 56, // what a visit leaves to do
  // The deadline settings (app/tickets/ticket_rules.hpp Settings), one field each.
  major_resolve_days = 57,
  major_answer_days = 58,
  important_escalate_minutes = 59,
  important_resolve_days = 60,
  minor_resolve_days = 61,
  repair_dispatch_minutes = 62,
  onsite_minutes = 63,
  callback_days = 64,
  leak_callback_days = 65,
  // 57–69: tickets and follow-up; 70–89 keys and handover; 90–119 incidents and renovation.
  // Keys and shift handover (70–89).
  key_kind = 70,       // app::keys::KeyKind: 0 unit key, 1 public-area key
  custody = 71,        // app::keys::Custody: 0 the service centre, 1 engineering's set
  equipment_category = 72,  // a public key's equipment category (设备类别, e.g. 供配电)
  system = 73,         // and its system (系统, e.g. 配电房)
  keys = 74,           // key ids, comma separated (a loan, a return, the keys handed over at a handover)
  borrower = 75,       // a staff borrower's id (an outsider has F::name and F::phone instead)
  borrower_kind = 76,  // app::keys::BorrowerKind
  due_ms = 77,         // when the keys are due back (wall ms)
  outcome = 78,        // app::keys::FollowUp of a lost key
  departure = 79,      // app::keys::DepartureKind
  handover_items = 80, // the handover's items as they were when written (app/handover/handover_codec.hpp)
  item_count = 81,     // how many items the handover had (items beyond what the op carries included)
  // 82: unused (a handover's signatures are F::signature, 51)
  incoming = 83,       // the staff member taking over a handover
  // Incidents and renovation: codes 90–119 (app/incidents, app/renovation).
  incident_kind = 90,   // app/incidents/incident_checklists.hpp Kind
  step = 91,            // a checklist step's stable key, e.g. "engineer_notified"
  happened_ms = 92,     // the time the butler says it happened (when not the moment of the tap)
  corrects = 93,        // 1: replaces the step's recorded time and note (a deliberate correction)
  lift_number = 94,     // 电梯编号
  lift_location = 95,   // 具体方位, e.g. "3栋 2单元 东侧客梯"
  place = 96,           // free-text place (地点) when it is no unit or building
  unit = 97,            // a unit (id hex)
  building = 98,        // a building (id hex)
  person = 99,          // someone involved (name, and what they are: 被困业主 李女士)
  incident_outcome = 100,  // 处理结果 (an incident's outcome, in words)
  contractor = 101,     // 施工单位
  planned_start = 102,  // yyyymmdd
  planned_end = 103,    // yyyymmdd
  paper_kind = 104,     // app/renovation/renovation_rules.hpp PaperKind
  reno_stage = 105,     // app/renovation/renovation_rules.hpp Stage
  deposit_cents = 106,  // 装修押金 (fen)
  waste_fee_cents = 107,  // 装修垃圾清运费 (fen)
  pass_state = 108,     // 0 issued, 1 returned, 2 lost
  action = 109,         // a notice's action: 0 停工, 1 限期整改, 2 扣除押金, 3 清退施工队
  rectify_by = 110,     // yyyymmdd
  deduct_cents = 111,   // deducted from the deposit (fen)
  notice = 112,         // a violation notice (id hex)
  rectified_day = 113,  // yyyymmdd
  refund_signature = 114,  // strokes (app/core/signature.hpp) of the head butler or manager signing a refund
  penalty_cents = 115,  // per lost pass, as it stood when the refund was made (fen)
  refund_cents = 116,   // what was refunded (fen)
  finding = 117,        // a round's finding the notice came from (id hex)
};

// A small typed record: the few fields an op carries, in a fixed order.
class Payload {
 public:
  using Value = std::pair<std::int64_t, std::string>;  // int or text; which one is known per key

  Payload& set(F key, std::string text);
  Payload& set(F key, std::int64_t number);
  std::optional<std::string_view> text(F key) const;
  std::optional<std::int64_t> number(F key) const;
  bool has(F key) const;

  struct Field {
    std::uint16_t key;
    bool is_text;
    std::int64_t number;
    std::string text;
    bool operator==(const Field&) const = default;
  };
  const std::vector<Field>& fields() const { return fields_; }
  std::vector<Field>& mutable_fields() { return fields_; }
  bool operator==(const Payload&) const = default;

 private:
  Field* find(std::uint16_t key);
  const Field* find(std::uint16_t key) const;
  std::vector<Field> fields_;
};

struct Op {
  Id op_id;
  Id device_id;
  Hlc hlc;
  Id actor;
  Id entity;
  OpKind kind = OpKind::community_set;
  Payload payload;
  bool operator==(const Op&) const = default;
};

// An op's place in the fold order: (hlc, device_id, op_id). Total, since op
// ids are unique.
struct FoldKey {
  Hlc hlc;
  Id device;
  Id op_id;
  auto operator<=>(const FoldKey&) const = default;
};
inline FoldKey fold_key(const Op& op) { return {op.hlc, op.device_id, op.op_id}; }
inline bool op_before(const Op& a, const Op& b) { return fold_key(a) < fold_key(b); }

}  // namespace app
