#pragma once
// Taking a photo for a record: camera → JPEG (downscaled by the browser) →
// named by its SHA-256 → stored with its upload marker (one strict
// transaction) → only then the Session command that records it, so an op
// never names a photo this tablet does not hold. The upload follows through
// SyncDriver once the op is on the server.
#include <functional>
#include <string>

#include "app/core/id.hpp"
#include "app/core/result.hpp"

namespace app { class Session; }

namespace shell {

class Host;
class SyncDriver;

class PhotoCapture {
 public:
  PhotoCapture(app::Session& session, SyncDriver& sync, Host& host) : session_(session), sync_(sync), host_(host) {}

  // Opens the camera (within the tap); once the photo is stored, `record`
  // runs the Session command that attaches it.
  using Record = std::function<app::Status(const std::string& sha256)>;
  void capture(Record record);
  void for_unit(const app::Id& unit);
  void for_finding(const app::Id& finding);
  bool busy() const { return busy_; }
  // The last capture's outcome in the user's words (empty: nothing to say).
  const std::string& message() const { return message_; }
  void clear_message() { message_.clear(); }

 private:
  void store(Record record, std::string jpeg);

  app::Session& session_;
  SyncDriver& sync_;
  Host& host_;
  bool busy_ = false;
  std::string message_;
};

}  // namespace shell
