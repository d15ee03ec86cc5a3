#pragma once
// app::Session: the one facade the shell calls. Commands validate, turn into
// ops, apply them to memory at once and hand them to storage; an action is
// "saved" only when storage reports the transaction complete. Queries are
// const and read precomputed views, cheap enough for every frame.
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/core/hlc.hpp"
#include "app/core/id.hpp"
#include "app/core/local_time.hpp"
#include "app/core/ports.hpp"
#include "app/core/result.hpp"
#include "app/core/signature.hpp"
#include "app/demo/demo_community.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/views.hpp"
#include "app/handover/handover_api.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/keys/keys_api.hpp"
#include "app/keys/keys_index.hpp"
#include "app/incidents/incident_report.hpp"
#include "app/incidents/incident_requests.hpp"
#include "app/renovation/renovation_requests.hpp"
#include "app/rounds/meter_reading.hpp"
#include "app/rounds/route.hpp"
#include "app/schedule/daily_duties.hpp"
#include "app/store/snapshot.hpp"
#include "app/store/storage_port.hpp"
#include "app/tickets/repair_slip.hpp"

namespace app {

// Where the last action stands: what the UI shows as "saving…" / "saved".
enum class SaveState { idle, saving, saved, failed };

struct LoadReport {
  std::size_t records = 0;        // records read (the tail, when a snapshot was used)
  std::size_t applied = 0;
  std::vector<QuarantinedRecord> quarantined;
  bool from_snapshot = false;     // started from a snapshot plus the records after it
  std::string snapshot_problem;   // why a stored snapshot was not used (empty: none, or fine)
};

// What loading from a snapshot came to: done, or the whole log is needed
// (no usable snapshot, or an op after it belongs before it).
enum class LoadOutcome { loaded, need_whole_log };

// Where background snapshotting stands after a step.
enum class SnapshotStep { idle, working, done, abandoned };

struct NewResident {
  std::string name, phone, occupation;
  bool owner = false;
  std::int64_t moved_in = 0;  // yyyymmdd
};

// A failed item's finding: urgent (told by radio at once) or dispatched.
struct NewFinding {
  std::string note;
  bool urgent = false;
  std::string told;        // urgent: whom (e.g. "秩序维护部 王班长")
  std::string department;  // otherwise: where the dispatch slip goes (工程部, 保洁…)
};

struct CheckpointProgress {
  int items = 0, answered = 0, failed = 0;
  bool done() const { return items > 0 && answered >= items; }
};

// A zone's day as the head butler reviews it.
struct ZoneDayReport {
  const Round* round = nullptr;  // the latest round of the day, if any
  int checkpoints = 0, checked = 0, skipped = 0;  // skipped: left unchecked by a finished round
  int findings_open = 0, findings_verified = 0;
};

// A ticket as received (首问负责制: whoever takes it owns it until handed on).
struct NewTicket {
  Id unit;                       // may be nil: a public-area matter
  std::string owner, phone, what, wants;
  std::int64_t channel = 0;      // 0 phone, 1 visit, 2 letter, 3 rounds, 4 night log
  tickets::Kind kind = tickets::Kind::valid_complaint;
  tickets::Severity severity = tickets::Severity::minor;
  std::int64_t requested_ms = 0; // the owner's requested date (minor tickets)
};

// A repair slip as filled in on the tablet (app/tickets/repair_slip.hpp):
// lines name price-list items and quantities; names and prices are copied
// from the list when saved.
struct RepairSlipDraft {
  std::int64_t appointment_ms = 0;
  tickets::RepairCategory category = tickets::RepairCategory::ordinary;
  std::vector<std::pair<Id, std::int64_t>> items;  // price item, quantity
  std::string materials;
};

enum class CallbackMethod : std::int64_t { visit = 0, phone = 1 };

struct CallbackCoverage {
  int owed = 0, done = 0, problems = 0;  // done work that owes a callback, callbacks made, problems found
};

struct VisitPlan {
  std::int64_t quarter_first = 0, quarter_next = 0;  // yyyymmdd
  int households = 0, visited = 0;  // this quarter, in the zones planned
  int weeks_left = 0;
  std::vector<Id> due_this_week;    // units, in walking order
};

struct DutyLine {
  schedule::Duty duty;
  schedule::DutyOutcome outcome;
  const Round* round = nullptr;  // the round that did it (or is doing it)
  int stops = 0;                 // what its route walks
};

struct RoundProgress {
  int checkpoints = 0, done = 0, failed_items = 0, open_findings = 0;
  bool finished = false;
};

class Session {
 public:
  // device: this install's id, kept by the shell across restarts.
  Session(ClockPort& clock, RandomPort& random, StoragePort& storage, const Id& device);

  // Start-up: folds the stored records; damaged or unknown ones are kept aside
  // (reported, never applied, never fatal).
  // `arena` owns the bytes the records point into; the log keeps pointing
  // there (no copy of a 30 MB log). Without one, the records are copied.
  const LoadReport& load(const std::vector<std::string_view>& records, std::shared_ptr<const void> arena);
  const LoadReport& load(const std::vector<std::string>& records);
  // Start-up from a stored snapshot plus the records written after it. Needs
  // the whole log (and changes nothing) when the snapshot is missing, damaged,
  // of an unknown version, or a later record sorts inside it.
  LoadOutcome load_from_snapshot(std::string_view snapshot, const std::vector<std::string_view>& tail,
                                 std::shared_ptr<const void> arena);
  // A late op arrived that only the whole log can place (see Replica): the
  // shell reads the whole log again and calls load().
  bool needs_whole_log() const { return replica_.stale(); }

  // --- commands ---
  Status load_demo(const DemoOptions& options);
  Result<Id> add_resident(const Id& unit, const NewResident& resident);
  Status set_resident_phone(const Id& resident, std::string_view phone);
  Status set_unit_status(const Id& unit, UnitStatus status);
  // A photo already stored on this tablet (as a blob named by its SHA-256)
  // attached to a unit's record, or to a finding (its evidence).
  Result<Id> add_unit_photo(const Id& unit, std::string_view sha256);
  Result<Id> add_finding_photo(const Id& finding, std::string_view sha256);
  Result<Id> add_ticket_photo(const Id& ticket, std::string_view sha256);

  // Rounds (session_rounds.cpp). Starting a zone's round resumes today's
  // unfinished one if there is one.
  Result<Id> start_round(const Id& zone, RoundKind kind = RoundKind::zone);
  // The morning greeting at the gate: one tap records that the butler was there
  // (a gate round, started and finished together). Once a day for the estate.
  Result<Id> sign_in_gate(const Id& zone);
  Status answer_item(const Id& round, const Id& checkpoint, int item, ItemResult result, std::string_view note = {});
  Status record_reading(const Id& round, const Id& checkpoint, int item, std::int64_t value);
  // "All pass": every check item of the checkpoint not yet answered passes, in one save.
  Status pass_checkpoint(const Id& round, const Id& checkpoint);
  Result<Id> open_finding(const Id& round, const Id& checkpoint, int item, const NewFinding& finding);
  // The fix seen on a later visit: needs an "after" photo already stored here.
  Status verify_finding(const Id& finding, std::string_view after_photo_sha256, std::string_view note);
  // Refused while a failed photo-required item's finding has no photo yet.
  Status finish_round(const Id& round);
  // Choice and text items: the chosen label or the words, recorded as a pass.
  Status answer_choice(const Id& round, const Id& stop, int item, int choice);
  Status answer_text(const Id& round, const Id& stop, int item, std::string_view text);
  // Tickets (session_tickets.cpp): each step refused with a reason when it
  // does not follow the ticket's status here; a step that conflicts with one
  // made offline elsewhere is kept and listed (ticket_conflicts).
  Result<Id> open_ticket(const NewTicket& ticket);
  Status classify_ticket(const Id& ticket, tickets::Kind kind, tickets::Severity severity, bool approved_later = false);
  // Steps to done go through finish_ticket (the owner's signature).
  Status step_ticket(const Id& ticket, tickets::Status to, std::string_view note = {}, std::string_view handed_to = {},
                     bool callback_failed = false);
  // 首问负责制: whoever owns the ticket hands it on to a colleague, on record.
  Status hand_on_ticket(const Id& ticket, const Id& colleague, std::string_view note = {});
  // A repair's slip: appointment, category, priced lines, owner's materials.
  // Refused for other kinds and once the owner has signed the work done.
  Status set_repair_slip(const Id& ticket, const RepairSlipDraft& slip);
  // The work is done and the owner signs: a repair needs a signature that
  // looks signed (app/core/signature.hpp); for other kinds it is optional.
  Status finish_ticket(const Id& ticket, std::string_view signature, std::string_view note = {});
  // A leak repair's leak test (试漏): its callback is due 3 days after.
  Status record_leak_test(const Id& ticket, std::string_view note = {});
  // The callback (回访) in one save: satisfied closes the ticket; a problem
  // reopens it to whoever did the work.
  Status record_callback(const Id& ticket, CallbackMethod method, bool satisfied, std::string_view note);
  // The head butler's re-check of a done callback (the 3–5% sample).
  Status recheck_callback(const Id& ticket, bool confirmed, std::string_view note);
  // Follow-up (session_follow_up.cpp): the paid-repair price list (head
  // butler or manager), household visits.
  Result<Id> save_price_item(const PriceItem& item);  // nil id: a new line
  Status remove_price_item(const Id& item);
  Result<Id> record_visit(const Id& unit, CallbackMethod method, std::string_view note, std::string_view follow_ups = {});
  // The deadlines every ticket is judged by (domain.md §2–3: the manuals'
  // numbers are the defaults); a head butler or manager changes them.
  Status save_ticket_settings(const tickets::Settings& settings);
  const tickets::Settings& ticket_settings() const { return replica_.data().tickets.settings; }
  // A head butler saves an edited checklist as its next version (rounds
  // already started keep theirs). Returns the new version.
  Result<std::int64_t> save_checklist(const ChecklistTemplate& edited);
  // Adds every op of a backup file not already here; validates the whole file
  // first and changes nothing if any of it is bad. Returns how many were new.
  Result<std::size_t> import_backup(std::string_view bytes);
  // Ops pulled from the sync server: those not here yet are applied and
  // stored like local ones (so they survive a restart). Returns how many were new.
  Result<std::size_t> merge_remote(std::vector<Op> ops);
  // Storage's answer for a batch (from the port, possibly much later).
  void on_commit(std::uint64_t batch, bool ok, std::string_view message);
  // Called with every batch's records once storage reports them committed, in
  // order; `from_server` for merge_remote's batches. The sync client listens.
  using DurableListener = std::function<void(const std::vector<std::string>& records, bool from_server)>;
  void set_durable_listener(DurableListener listener) { durable_listener_ = std::move(listener); }
  // Writes again every batch whose write failed (quota, full disk, aborted).
  void retry_failed();
  // Background snapshots: due when enough ops are not covered by the last one
  // and nothing is waiting to be written (a snapshot covers durable ops only).
  bool snapshot_due() const;
  bool begin_snapshot();
  // Writes up to `budget` entities; abandoned if the state changed meanwhile.
  SnapshotStep snapshot_step(std::size_t budget);
  std::vector<std::string> take_snapshot();  // after SnapshotStep::done: the bytes in chunks
  void on_snapshot_saved(bool ok, std::uint64_t op_count, std::string_view message);
  // Due after `every_ops` new ops and `quiet_ms` without a save: a snapshot
  // is written while the butler is not working, never between two taps.
  void set_snapshot_policy(std::size_t every_ops, std::int64_t quiet_ms) {
    snapshot_every_ = every_ops;
    snapshot_quiet_ms_ = quiet_ms;
  }
  // Who records from now on (the staff member this tablet is enrolled as).
  void set_actor(const Id& staff) { actor_ = staff; }
  // A second tab: everything readable, nothing writable.
  void set_read_only(bool read_only) { read_only_ = read_only; }

  // --- queries ---
  bool has_data() const { return replica_.size() != 0; }
  bool read_only() const { return read_only_; }
  // Cheap even while the archive rows are not built (start-up).
  const CommunitySummary& summary() const;
  // Builds the archive rows now if they are stale (a frame the shell chooses,
  // after start-up); every query below builds them on demand anyway.
  void prepare_views() const { (void)views(); }
  bool views_ready() const { return views_version_ == replica_.version(); }
  const std::vector<UnitRow>& unit_rows() const { return views().units; }
  const std::vector<EstateBuilding>& estate() const { return views().estate; }  // unit_rows by building and floor
  const UnitRow* unit_row(const Id& unit) const;  // nullptr: not a unit here
  std::vector<std::size_t> search_units(std::string_view query) const;
  const std::vector<ZoneRow>& zone_rows() const { return views().zones; }
  const std::vector<CheckpointRow>& checkpoints_of_zone(const Id& zone) const;
  const MasterData& master_data() const { return replica_.data(); }
  // The people on a unit's record, owners first, then by name (the unit record).
  std::vector<const Resident*> residents_of(const Id& unit) const;
  // Photos attached to something, oldest first.
  std::vector<const Photo*> photos_of(const Id& subject) const;
  // Rounds queries.
  std::int64_t today() const;  // local yyyymmdd
  std::int64_t now_ms() const { return clock_.now_ms(); }
  // "Now" for deadlines: never before the latest time this tablet has seen,
  // so a clock set back cannot make anything look less late.
  std::int64_t lateness_now_ms() const;
  const Round* round(const Id& id) const;
  LocalTime local_now() const;
  LocalTime local(std::int64_t wall_ms) const;  // on this tablet's calendar
  const Round* todays_round(const Id& zone, RoundKind kind = RoundKind::zone) const;  // the latest started today
  // The latest round of this kind in the zone on a day (gate: in any zone).
  const Round* round_of_day(const Id& zone, RoundKind kind, std::int64_t day) const;
  // What a round of this kind walks in the zone, in walking order.
  const std::vector<RouteStop>& route(const Id& zone, RoundKind kind) const;
  const std::vector<RouteStop>& route_of(const Id& round) const;
  // "1栋 大堂入口" / "3栋 2单元 1502": a stop of a round, by name (empty if not on its route).
  std::string stop_label(const Id& round, const Id& stop) const;
  // Where a finding was raised and what failed: "1栋 大堂入口 · 地面无垃圾…".
  std::string finding_label(const Finding& f, i18n::Lang lang) const;
  // The checklist of a stop on a round; nullptr when the stop is not on its route.
  const ChecklistTemplate* checklist_at(const Id& round, const Id& stop) const;
  // A staff member's name ("" when unknown: a device not enrolled).
  std::string staff_name(const Id& staff) const;
  const Ticket* ticket(const Id& id) const;
  std::vector<const Ticket*> open_tickets() const;  // soonest deadline first
  tickets::Deadlines deadlines_of(const Ticket& t) const;
  // The earliest deadline still to meet at the ticket's status (the callback's
  // once done), and whether it has passed on a clock that cannot go back.
  std::optional<std::int64_t> next_deadline(const Ticket& t) const;
  bool overdue(const Ticket& t) const;
  // Steps refused in the fold because another tablet's step came first.
  std::vector<std::pair<const Ticket*, const TicketStep*>> ticket_conflicts() const;
  int overdue_ticket_count() const;  // the navigation's badge
  // Done tickets that owe a callback (valid complaints and repairs, 100%), soonest due first.
  std::vector<const Ticket*> callbacks_owed() const;
  // When a done ticket's callback is due (its repair category's window;
  // a leak: 3 days after the leak test, none until then).
  std::optional<std::int64_t> callback_due_at(const Ticket& t) const;
  CallbackCoverage callback_coverage(std::int64_t yyyymm) const;   // the month's done work and its callbacks
  std::vector<const Ticket*> recheck_sample(std::int64_t yyyymm) const;  // the head butler's 3–5%
  std::vector<const PriceItem*> price_list() const;  // offered lines, by name
  // This week's household visits for the person signed in (their zones; the
  // head butler's: every zone), so the quarter's visits are spread evenly.
  const VisitPlan& visit_plan() const;
  const Visit* last_visit(const Id& unit) const;
  std::vector<const Visit*> visits_of(const Id& unit) const;  // newest first
  // Colleagues a ticket may be handed on to (everyone but the actor), by role then name.
  std::vector<const Staff*> colleagues() const;
  const Staff* staff(const Id& id) const;
  // The latest version of every checklist, in a fixed order (the editor).
  std::vector<const ChecklistTemplate*> checklists() const;
  // A head butler or manager is signed in: who may edit checklists, the
  // price list and the deadlines, record departures, approve and sign off.
  bool lead_signed_in() const;
  // The zones this person walks (the head butler, who has none, sees all).
  std::vector<const ZoneRow*> my_zones() const;
  // The day's duties of a zone and how each stands (only those with
  // something to walk: no model-unit duties in a zone without model units).
  std::vector<DutyLine> duties_of(const Id& zone, std::int64_t day) const;
  RoundProgress round_progress(const Id& round) const;
  CheckpointProgress checkpoint_progress(const Id& round, const Id& checkpoint) const;
  const Answer* answer(const Id& round, const Id& checkpoint, int item) const;
  std::vector<const Finding*> open_findings() const;          // oldest first
  std::vector<const Finding*> findings_of_round(const Id& round) const;
  // Every finding raised in the zone's rounds of a day, oldest first (the evidence).
  std::vector<const Finding*> findings_of_zone_day(const Id& zone, std::int64_t day) const;
  ZoneDayReport zone_day_report(const Id& zone, std::int64_t day) const;
  const Finding* finding_for(const Id& round, const Id& checkpoint, int item) const;
  // The last reading of this item at this checkpoint in an earlier round (to compare).
  std::optional<std::int64_t> previous_reading(const Id& round, const Id& checkpoint, int item) const;
  std::optional<PastReading> last_reading(const Id& round, const Id& checkpoint, int item) const;
  // The recorded reading against the last one: backwards, or a jump.
  ReadingFlag reading_flag(const Id& round, const Id& checkpoint, int item) const;

  // --- Keys (钥匙管理, session_keys.cpp) and shift handover (交接班, session_handover.cpp) ---
  // Commands refuse with a reason in the catalogue's language. Ops from other
  // tablets that no longer fit (a second loan of a key, a return of a key not
  // out, a second take-over of a handover) are kept and listed, never dropped.
  // Adds a key to the board (head butler, manager or front desk). Refuses: unknown
  // unit or building, a public key without category and system, an empty label.
  Result<Id> add_key(const NewKey& key);
  // Lends keys in one loan, out now. Refuses: no keys, a key twice, an unknown key,
  // a key out or lost, no borrower (staff unknown or left; outsider without name or
  // phone), no reason, due not after now, due after today unless a head butler/manager.
  Result<Id> lend_keys(const NewLoan& loan);
  // Returns keys of a loan (none named: all still out on it). Refuses: unknown loan,
  // a key not in the loan, a key not out (returned or lost already), nothing left out.
  Status return_keys(const Id& loan, const std::vector<Id>& keys = {}, std::string_view note = {});
  // The same for one key, by the key (the keeper taps it on the board). Refuses a key not out.
  Status return_key(const Id& key, std::string_view note = {});
  // Refuses: unknown key, already lost, no note of how it was lost.
  Result<Id> report_key_lost(const Id& key, std::string_view note);
  // Refuses: unknown key, a key not lost, a note outcome without words, a
  // replacement (a new key cut, the lock changed) recorded by anyone but the manager.
  Result<Id> follow_up_lost_key(const Id& key, keys::FollowUp outcome, std::string_view note = {});
  // 调岗、离职 (head butler or manager). Refuses while the person still holds keys,
  // naming how many and which; refuses a second "leaves".
  Result<Id> record_departure(const Id& staff, keys::DepartureKind kind, std::string_view note = {});
  const KeyRecord* key(const Id& id) const;
  const std::vector<KeyRow>& filed_keys() const;  // the whole board, filed
  const Loan* loan(const Id& id) const;
  std::vector<KeyOut> keys_out() const;           // due soonest first, overdue judged now
  std::vector<KeyOut> overdue_keys() const;       // still out after they were due (Today, the handover)
  std::int64_t loan_due(const Loan& l) const;     // its due time (the end of the day it went out, by default)
  bool loan_overdue(const Loan& l) const;         // some key still out past it, on a clock that cannot go back
  const std::vector<const KeyRecord*>& lost_keys() const;
  std::vector<const KeyEvent*> key_events_of(const Id& key) const;  // its lost reports and follow-ups, oldest first
  std::vector<KeyHistoryLine> key_history(const Id& key) const;
  std::vector<KeyHistoryLine> staff_key_history(const Id& staff) const;
  std::vector<KeyHistoryLine> outsider_key_history(std::string_view phone) const;
  std::vector<const KeyRecord*> keys_held_by(const Id& staff) const;  // what a leaver must hand back
  const Departure* departure_of(const Id& staff) const;              // their latest departure record
  const std::vector<KeyConflict>& key_conflicts() const;             // oldest first
  std::string borrower_name(const Loan& l) const;                    // "王芳" / "李师傅（施工单位）"
  std::string key_holder_name(const KeyOut& k) const;                // who has it now (after handovers)
  // The handover form, gathered now: keys out, lost keys, open findings, overdue
  // tickets, callbacks due today, model units not yet closed, incidents of the
  // shift; one typed line each, in the current language. Call it when the form opens.
  std::vector<HandoverItem> handover_prefill() const;
  // The outgoing staff (this tablet's actor) hands over. Refuses: no actor, a blank
  // signature, a key checked off that is not out with them, notes too long.
  Result<Id> write_handover(const NewHandover& handover);
  // The incoming staff takes it over: the items are theirs, the keys checked off
  // are held by them. Refuses: unknown handover, already confirmed (by whom, when),
  // the outgoing themselves, unknown or departed staff, a blank signature.
  Result<Id> confirm_handover(const Id& handover, const Id& incoming, const Signature& signature);
  const Handover* handover(const Id& id) const;
  const Handover* last_handover() const;             // what the incoming reads first; confirmed()?
  std::vector<const Handover*> handovers() const;    // newest first
  std::vector<std::pair<const Handover*, const RefusedConfirmation*>> handover_conflicts() const;

  std::size_t op_count() const { return replica_.size(); }
  std::vector<Op> decoded_log() const { return replica_.decoded_log(); }  // in fold order (tests, tools)
  SaveState save_state() const;
  std::size_t pending_count() const;  // ops applied in memory, not yet durable
  const std::string& storage_error() const { return storage_error_; }
  const LoadReport& load_report() const { return load_report_; }
  const Id& device_id() const { return device_; }
  const Id& actor() const { return actor_; }
  std::string state_summary_json() const;
  std::uint64_t snapshot_covered() const { return snapshot_covered_; }
  // Records in storage (ops and damaged ones), and the position in storage
  // of the first record loaded at start-up (after the snapshot's; sync).
  std::uint64_t stored_records() const { return stored_records_; }
  std::uint64_t first_loaded_position() const { return first_loaded_position_; }
  const std::string& snapshot_error() const { return snapshot_error_; }
  // The whole local log as one file (Settings → export). Started from a
  // snapshot, the records before it live only in storage: the shell reads
  // them (all of them) and passes them to export_backup_of.
  bool export_needs_stored_log() const { return replica_.has_base(); }
  std::string export_backup() const;
  static std::string export_backup_of(const std::vector<std::string_view>& stored);

  // --- incidents (应急, session_incidents.cpp) and renovation (装修管理, session_renovation.cpp) ---
  // Refusals come back in the catalogue's language; times are this tablet's wall clock.
  // Incidents: one tap starts one; steps, people, notes and photos are added as they happen.
  Result<Id> start_incident(const NewIncident& incident);
  Status record_incident_step(const Id& incident, std::string_view step, std::string_view note = {}, std::int64_t happened_ms = 0);
  Status correct_incident_step(const Id& incident, std::string_view step, std::int64_t happened_ms, std::string_view note = {});
  Status set_incident_place(const Id& incident, const IncidentPlace& where);
  Status add_incident_person(const Id& incident, std::string_view person);
  Status add_incident_note(const Id& incident, std::string_view note);
  Result<Id> add_incident_photo(const Id& incident, std::string_view sha256);
  Status close_incident(const Id& incident, std::string_view outcome);
  const Incident* incident(const Id& id) const;
  std::vector<const Incident*> open_incidents() const;    // newest first
  std::vector<const Incident*> recent_incidents(std::size_t limit = 50) const;  // newest first, closed ones too
  IncidentReport incident_report(const Id& incident) const;  // current language, this tablet's calendar
  // Renovation: each stage in order, refused with a reason when it does not follow; a stage that
  // conflicts with one made offline elsewhere is kept and listed (renovation_conflicts).
  Result<Id> apply_renovation(const NewRenovation& application);
  Result<Id> add_renovation_paper(const Id& application, renovation::PaperKind kind, std::string_view sha256);
  Status pre_review_renovation(const Id& application, std::string_view note = {});
  Status approve_renovation(const Id& application, std::string_view note = {});
  Status record_renovation_fees(const Id& application, std::int64_t deposit_cents, std::int64_t waste_fee_cents);
  Result<Id> issue_renovation_pass(const Id& application, std::string_view number, std::string_view worker);
  Status return_renovation_pass(const Id& application, const Id& pass);
  Status declare_renovation_pass_lost(const Id& application, const Id& pass);
  Status start_renovation_works(const Id& application, std::string_view note = {});
  Status check_renovation_completion(const Id& application, std::string_view note = {});
  Status recheck_renovation(const Id& application, std::string_view note = {});
  Status refund_renovation_deposit(const Id& application, const Signature& signed_by, const renovation::Settings& settings = {});
  Result<Id> issue_violation_notice(const Id& application, const NewViolation& notice);
  Result<Id> add_violation_photo(const Id& application, const Id& notice, std::string_view sha256);
  Status follow_up_violation(const Id& application, const Id& notice, std::int64_t rectified_day, std::string_view note = {});
  const Renovation* renovation(const Id& id) const;
  const Renovation* renovation_of_unit(const Id& unit) const;  // the unfinished one, else the latest
  std::vector<const Renovation*> renovations_in_progress() const;  // not yet refunded, oldest application first
  std::optional<std::int64_t> renovation_recheck_due(const Renovation& r) const;  // yyyymmdd, once the completion is checked
  bool renovation_recheck_overdue(const Renovation& r) const;  // on a clock that cannot go back
  renovation::Refund renovation_refund(const Renovation& r, const renovation::Settings& settings = {}) const;
  std::vector<RenovationOpenItems> renovation_open_items() const;  // each unit under renovation, by unit label
  std::vector<std::pair<const Renovation*, const RenovationStep*>> renovation_conflicts() const;

 private:
  struct Batch {
    std::uint64_t id;
    std::vector<std::string> records;
    std::size_t ops;
    bool failed = false;
    bool from_server = false;
  };
  Op make_op(OpKind kind, const Id& entity, Payload payload);
  // A photo of `parent` (a unit, finding, ticket, incident or violation
  // notice), named by its SHA-256 and taken now. The add_*_photo commands
  // check that their parent is known, then commit it through add_photo.
  Payload photo_payload(const Id& parent, std::string_view sha256) const;
  Result<Id> add_photo(const Id& parent, std::string_view sha256);
  Status commit(std::vector<Op> ops, bool from_server = false);
  Status check_writable() const;
  const Views& views() const;
  void after_load();

  ClockPort& clock_;
  RandomPort& random_;
  StoragePort& storage_;
  HybridClock hlc_;
  Id device_;
  Id actor_;
  Replica replica_;
  LoadReport load_report_;
  std::deque<Batch> in_flight_;  // written or failed, not yet acknowledged
  std::uint64_t next_batch_ = 1;
  bool any_saved_ = false;
  bool read_only_ = false;
  std::string storage_error_;
  std::unique_ptr<SnapshotWriter> snapshot_writer_;
  std::uint64_t snapshot_version_ = 0;  // the replica version the writer started from
  std::uint64_t snapshot_covered_ = 0;  // ops in the last snapshot stored
  bool snapshot_storing_ = false;       // taken, not yet confirmed stored
  std::uint64_t stored_records_ = 0;
  std::uint64_t first_loaded_position_ = 0;
  std::size_t snapshot_every_ = 2000;
  std::int64_t snapshot_quiet_ms_ = 1500;
  std::int64_t last_commit_ms_ = 0;
  std::string snapshot_error_;
  DurableListener durable_listener_;
  mutable Views views_;
  // Routes and the (zone, kind, day) → latest round index, rebuilt when the
  // replica changes, so the Today and supervision screens cost lookups only.
  void refresh_round_caches() const;
  mutable std::uint64_t round_caches_version_ = ~0ull;
  struct CachedRoute {
    std::vector<RouteStop> stops;
    std::unordered_map<Id, std::size_t, IdHash> index;  // stop → position in stops
  };
  // Key: zone, kind, and the pinned versions ("*": the latest).
  const CachedRoute& cached_route(const Id& zone, RoundKind kind, const std::string* pins) const;
  mutable std::map<std::tuple<Id, int, std::string>, CachedRoute> routes_;
  mutable std::uint64_t routes_signature_ = 0;
  mutable std::map<std::tuple<Id, int, std::int64_t>, const Round*> round_index_;
  // A year of history holds thousands of findings and rounds: the screens'
  // per-frame queries look them up by round and by (zone, day) instead.
  mutable std::unordered_map<Id, std::vector<const Finding*>, IdHash> findings_by_round_;
  mutable std::map<std::pair<Id, std::int64_t>, std::vector<const Round*>> rounds_by_zone_day_;
  mutable std::vector<const Finding*> open_findings_;  // oldest first
  mutable std::unordered_map<Id, std::optional<PastReading>, IdHash> previous_readings_;  // by answer id
  // Tickets' per-frame answers (the badge, the owed callbacks, the visit
  // plan), recomputed when the replica changes or the minute turns.
  void refresh_ticket_caches() const;
  mutable std::uint64_t ticket_caches_version_ = ~0ull;
  mutable std::int64_t ticket_caches_minute_ = -1;
  mutable int overdue_tickets_ = 0;
  mutable std::vector<const Ticket*> callbacks_owed_;
  mutable std::unordered_map<Id, const Visit*, IdHash> last_visits_;
  mutable VisitPlan visit_plan_;
  mutable std::uint64_t views_version_ = ~0ull;
  // Keys: the board, keys out, conflicts and each key's and person's loans,
  // rebuilt when the replica (or the language of the headings) changes.
  const KeysIndex& keys_index() const;
  std::int64_t judging_now() const;  // "now" for lateness: never earlier than the latest time seen
  mutable KeysIndex keys_index_;
  mutable std::uint64_t keys_index_version_ = ~0ull;
  mutable int keys_index_lang_ = -1;
  mutable CommunitySummary summary_;  // while views_ are stale
  mutable std::uint64_t summary_version_ = ~0ull;
};

}  // namespace app
