// The server's record of people and tablets that the push checks read
// (app/server/push_gate.hpp): who signed in on which tablet, staff by their
// code and entity id, and the stored form of an op.
#include "app/server/id_blob.hpp"
#include "app/server/server_store.hpp"

namespace server {
namespace {

// One staff row as find_staff and find_staff_by_id read it.
#define BUTLER_STAFF_COLUMNS "SELECT community, code, staff_id, role, salt, pin_hash, enrol_blocked FROM staff "
constexpr const char* kStaffByCode = BUTLER_STAFF_COLUMNS "WHERE code=?";
constexpr const char* kStaffById = BUTLER_STAFF_COLUMNS "WHERE community=? AND staff_id=? LIMIT 1";
#undef BUTLER_STAFF_COLUMNS

StaffRow staff_of(const Stmt& s) {
  StaffRow r;
  r.community = s.integer(0);
  r.code = s.text(1);
  app::Id::from_hex(s.text(2), &r.staff);
  r.role = s.integer(3);
  r.salt = s.text(4);
  r.pin_hash = s.text(5);
  r.enrol_blocked = s.integer(6) != 0;
  return r;
}

}  // namespace

app::Status ServerStore::record_device_user(std::int64_t community, const app::Id& device, const app::Id& staff,
                                            std::int64_t now_ms) {
  WriterLock lock(*this);
  Stmt s(*db_, "INSERT OR IGNORE INTO device_users(community, device_id, staff_id, first_ms) VALUES(?,?,?,?)");
  s.bind(1, community).bind(2, device.to_hex()).bind(3, staff.to_hex()).bind(4, now_ms).step();
  if (s.failed()) return s.error();
  return app::ok_status();
}

bool ServerStore::used_device(std::int64_t community, const app::Id& device, const app::Id& staff) {
  return reading([&](Db& db) {
    Stmt s(db, "SELECT 1 FROM device_users WHERE community=? AND device_id=? AND staff_id=?");
    return s.bind(1, community).bind(2, device.to_hex()).bind(3, staff.to_hex()).step();
  });
}

std::optional<StaffRow> ServerStore::find_staff(std::string_view code) {
  return reading([&](Db& db) -> std::optional<StaffRow> {
    Stmt s(db, kStaffByCode);
    if (!s.bind(1, code).step()) return std::nullopt;
    return staff_of(s);
  });
}

std::optional<StaffRow> ServerStore::find_staff_by_id(std::int64_t community, const app::Id& staff) {
  return reading([&](Db& db) -> std::optional<StaffRow> {
    Stmt s(db, kStaffById);
    if (!s.bind(1, community).bind(2, staff.to_hex()).step()) return std::nullopt;
    return staff_of(s);
  });
}

app::Status ServerStore::set_staff_role(std::int64_t community, const app::Id& staff, std::int64_t role) {
  WriterLock lock(*this);
  Stmt s(*db_, "UPDATE staff SET role=? WHERE community=? AND staff_id=?");
  s.bind(1, role).bind(2, community).bind(3, staff.to_hex()).step();
  if (s.failed()) return s.error();
  return app::ok_status();
}

std::optional<std::string> ServerStore::stored_record(std::int64_t community, const app::Id& op_id) {
  return reading([&](Db& db) -> std::optional<std::string> {
    Stmt s(db, "SELECT record FROM ops WHERE community=? AND op_id=?");
    if (!s.bind(1, community).bind_blob(2, id_blob(op_id)).step()) return std::nullopt;
    return std::string(s.blob(0));
  });
}

}  // namespace server
