// The tablet lock's recovery key (issue 20, README "Tablet lock"): the server
// gives each tablet one random key per community at enrolment, the same at
// every later enrolment of that device there (whoever signs in), so a tablet
// whose tablet PINs were used up can open the copy of its data key wrapped
// with it; another tablet, another community or the office page gets another
// key or none; and the tablet never writes it with its stored enrolment.
#include <catch2/catch.hpp>

#include <cstdio>

#include "app/server/admin.hpp"
#include "app/server/server_store.hpp"
#include "app/server/sync_service.hpp"
#include "app/sync/enrollment.hpp"
#include "app/sync/wire.hpp"
#include "device_fixture.hpp"
#include "test_db.hpp"

using namespace app;

namespace {

struct Server {
  std::unique_ptr<server::ServerStore> store;
  fakes::Clock clock;
  fakes::Random random{7};
  std::unique_ptr<server::SyncService> service;
  std::FILE* sink = std::tmpfile();

  Server() {
    auto opened = server::ServerStore::open(test_db::location());
    REQUIRE(opened.ok());
    store = std::move(opened).value();
    service = std::make_unique<server::SyncService>(*store, clock, random);
  }
  ~Server() { std::fclose(sink); }
  void admin(std::vector<std::string> args) { REQUIRE(server::run_admin(args, *store, sink, sink) == 0); }
  sync::EnrollResponse enroll(const std::string& code, const Id& device, bool office = false) {
    sync::EnrollRequest req{code, "135790", device};
    req.office = office;
    const server::Reply r = service->enroll(sync::encode_enroll_request(req));
    REQUIRE(r.status == 200);
    auto answer = sync::parse_enroll_response(r.body);
    REQUIRE(answer.ok());
    return answer.value();
  }
};

}  // namespace

TEST_CASE("recovery key: one per tablet and community, the same at every enrolment, none for the office") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s;
  s.admin({"create-community", "翠苑", "宁波市"});
  s.admin({"create-community", "幸福里", "杭州市"});
  s.admin({"add-staff", "翠苑", "CY001", "孙管家", "butler", "135790"});
  s.admin({"add-staff", "翠苑", "CY002", "钱主管", "head_butler", "135790"});
  s.admin({"add-staff", "幸福里", "XF001", "赵管家", "butler", "135790"});
  const Id a{0xA, 1}, b{0xB, 2};

  const std::string first = s.enroll("CY001", a).recovery_key;
  CHECK(first.size() == 64);
  CHECK(s.enroll("CY001", a).recovery_key == first);  // enrolling again: the same key
  CHECK(s.enroll("CY002", a).recovery_key == first);  // another person on the same tablet: the same key
  CHECK(s.enroll("CY001", b).recovery_key != first);  // another tablet: its own
  CHECK(s.enroll("XF001", a).recovery_key != first);  // another community: its own
  CHECK(s.enroll("CY002", Id{0xC, 3}, /*office=*/true).recovery_key.empty());
}

TEST_CASE("recovery key: the tablet holds it in memory from the answer and never stores it") {
  sync::EnrollResponse r;
  r.token = "t";
  r.community = Id{1, 2};
  r.staff = Id{3, 4};
  r.recovery_key = std::string(64, 'a');
  auto e = sync::enroll_answer("http://x", "CY001", 200, sync::encode_enroll_response(r));
  REQUIRE(e.ok());
  CHECK(e.value().recovery_key == r.recovery_key);
  const std::string stored = sync::encode_enrollment(e.value());
  CHECK(stored.find(r.recovery_key) == std::string::npos);
  auto back = sync::decode_enrollment(stored);
  REQUIRE(back.ok());
  CHECK(back.value().recovery_key.empty());
}

TEST_CASE("sealed sync token: the stored enrolment holds no token, and reads back as sealed and waiting for an unlock") {
  sync::EnrollResponse r;
  r.token = "secret-token-0123456789";
  r.community = Id{1, 2};
  r.staff = Id{3, 4};
  auto e = sync::enroll_answer("http://x", "CY001", 200, sync::encode_enroll_response(r));
  REQUIRE(e.ok());
  sync::Enrollment sealed = e.value();
  sealed.token_sealed = true;
  const std::string stored = sync::encode_enrollment(sealed);
  CHECK(stored.find(r.token) == std::string::npos);
  auto back = sync::decode_enrollment(stored);
  REQUIRE(back.ok());
  CHECK(back.value().token_sealed);
  CHECK(back.value().token.empty());
  CHECK(back.value().staff == r.staff);

  // Stored before sealing (an older version): the token is there, and the
  // enrolment says it is not sealed, so the next unlocked frame seals it.
  const std::string plain = sync::encode_enrollment(e.value());
  CHECK(plain.find(r.token) != std::string::npos);
  auto old = sync::decode_enrollment(plain);
  REQUIRE(old.ok());
  CHECK_FALSE(old.value().token_sealed);
  CHECK(old.value().token == r.token);

  // Neither sealed nor holding a token: damaged, not a silent non-syncing tablet.
  CHECK_FALSE(sync::decode_enrollment(R"({"v":1,"server":"http://x","code":"CY001","community":")" + r.community.to_hex() +
                                      R"(","staff":")" + r.staff.to_hex() + R"("})").ok());
}
