#pragma once
// The rules of the key cabinet (钥匙管理, shared/domain.md §4 and the service
// centre's 钥匙管理工作程序, seeds/000 §1.1): every unit key is kept by the
// service centre; public-area keys come in two sets, one kept by engineering
// and a backup set by the centre; public keys are filed equipment category →
// system, unit keys floor → unit; every loan is registered, and a key
// borrowed today is back today. A key is in the cabinet, out on a loan, or
// lost; a lost key stays lost until it is found or replaced.
//
// Pure functions of a key's status and a loan's stamps: the tablet applies
// them offline, and the same stamps give the same answer on every device.
#include <cstdint>

namespace app::keys {

enum class KeyKind : std::int64_t { unit = 0, public_area = 1 };  // 分户钥匙 / 公共钥匙
bool is_key_kind(std::int64_t v);

// Who keeps the key when it is in: unit keys are all the centre's; a public
// key exists once in engineering's set and once in the centre's backup set.
enum class Custody : std::int64_t { centre = 0, engineering = 1 };  // 客服中心 / 工程部
bool is_custody(std::int64_t v);

enum class KeyStatus : std::int64_t { in = 0, out = 1, lost = 2 };
bool is_key_status(std::int64_t v);

// Who took it: a staff member (by id), or a named outsider with a phone.
enum class BorrowerKind : std::int64_t { staff = 0, contractor = 1, owner = 2, other = 3 };  // 员工 / 施工单位 / 业主 / 其他
bool is_borrower_kind(std::int64_t v);

// What follows a lost key: a note of the search, found, or replaced (a new
// key cut or the lock changed, with the manager's consent: no private copies).
enum class FollowUp : std::int64_t { note = 0, found = 1, replaced = 2 };
bool is_follow_up(std::int64_t v);

enum class DepartureKind : std::int64_t { leaves = 0, changes_post = 1 };  // 离职 / 调岗
bool is_departure_kind(std::int64_t v);

// What can happen to a key, and why it could not.
enum class Action { lend, give_back, lose, note, find, replace };
enum class KeyError { none = 0, already_out = 1, not_out = 2, lost = 3, not_lost = 4, unknown_key = 5 };
bool is_key_error(std::int64_t v);

// The key's state machine: where `action` takes a key in `from`, or why it
// cannot (the status then stays as it was).
struct Step {
  KeyStatus to;
  KeyError error;
};
Step step(KeyStatus from, Action action);

// 当天借用，当天归还: the default time a key is due back is the end of the
// local day it went out (the next local midnight on the tablet's calendar).
std::int64_t end_of_local_day(std::int64_t wall_ms, int utc_offset_minutes);
// A chosen time: after the key went out and no later than the end of that
// day, unless the manager approved keeping it overnight (`manager_approved`).
// 000:407 "1.1.3.3 钥匙管理严格强调时效性,所借钥匙均需当天借用,当天归还。" — no
// later day is offered by default, and the head butler cannot allow one.
enum class DueError { none, before_out, after_today };
DueError check_due(std::int64_t out_ms, std::int64_t due_ms, int utc_offset_minutes, bool manager_approved);

// Who may approve an overnight loan (管理处主任; 000:403 names the 物业经理, the
// same person: docs/glossary.md "Who is 物业经理?"). Roles as app::Role codes.
bool may_approve_overnight(std::int64_t role);

// Whether a key still out is overdue at `now_ms`: past the time it was due
// (0: the end of the day it went out). `now_ms` must be a time that never goes
// back (Session uses tickets::lateness_now on its hybrid clock).
bool overdue(std::int64_t out_ms, std::int64_t due_ms, std::int64_t now_ms, int utc_offset_minutes);

}  // namespace app::keys
