// The mail register (邮件、报纸签收): 002:82 "业主邮件、报纸等事项签收;" and
// 001's 《郵件收發登記表》 procedure. An item is signed in, the owner told,
// called after two days uncollected (001), collected with a signature or
// returned after the set time; two tablets ending it offline converge.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/server/csv_export.hpp"
#include "app/store/snapshot.hpp"
#include "export_text.hpp"
#include "keys_fixture.hpp"

using namespace app;
using namespace keys_fixture;
using mail::Kind;
using mail::State;

namespace {

Id some_unit(const Device& d, std::size_t nth = 0) { return d.session.estate().unit_rows().at(nth).id; }

NewMail parcel(const Device& d, std::string tracking = "SF1234567890", Kind kind = Kind::parcel) {
  NewMail m;
  m.kind = kind;
  m.unit = some_unit(d);
  m.carrier = "顺丰";
  m.tracking = std::move(tracking);
  m.recipient = "王先生";
  return m;
}

MailCollection by_owner(std::string name = "王先生") { return {mail::Collector::owner, std::move(name), name_signature()}; }

}  // namespace

TEST_CASE("an item is signed in, told, collected once with a signature, and nothing more is recorded on it after") {
  Device d(31);
  REQUIRE(d.loaded);
  d.as(Role::front_desk);
  const Id id = d.session.mail().receive(parcel(d)).value();
  const MailItem* m = d.session.mail().item(id);
  REQUIRE(m);
  CHECK(m->state == State::waiting);
  CHECK(m->received_by == d.session.actor());
  CHECK(d.session.mail().waiting().size() == 1);
  CHECK(d.session.mail().waiting_at(some_unit(d)) == 1);
  REQUIRE(d.session.mail().notify(id, mail::NoticeHow::sms, "已发短信").ok());
  CHECK(d.session.mail().item(id)->notices.size() == 1);
  // 001:9 "由收件人在《郵件收發(fā)登記表》上簽收": no name or no signature, no hand-over.
  CHECK(d.session.mail().collect(id, {mail::Collector::owner, " ", name_signature()}).error().code == "name_required");
  CHECK(d.session.mail().collect(id, {mail::Collector::owner, "王先生", Signature{}}).error().code == "signature_required");
  d.clock.now += kHour;
  REQUIRE(d.session.mail().collect(id, by_owner()).ok());
  m = d.session.mail().item(id);
  CHECK(m->state == State::collected);
  CHECK(m->collector_name == "王先生");
  CHECK_FALSE(m->signature.empty());
  CHECK(m->closed_ms == kAfternoon + kHour);
  CHECK(d.session.mail().waiting().empty());
  CHECK(d.session.mail().waiting_at(some_unit(d)) == 0);
  CHECK(d.session.mail().recent_closed().size() == 1);
  // Ended: a second hand-over, a return, a notice are refused with who had it.
  const auto again = d.session.mail().collect(id, by_owner("李女士"));
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == "collected");
  CHECK(again.error().message.find("王先生") != std::string::npos);
  CHECK(d.session.mail().return_to_sender(id, "拒收").error().code == "collected");
  CHECK(d.session.mail().notify(id, mail::NoticeHow::phone).error().code == "collected");
  CHECK(d.session.mail().notify(Id{7, 7}, mail::NoticeHow::phone).error().code == "unknown_item");
}

TEST_CASE("what an item is signed in with: a unit always, a special item's tracking number (001)") {
  Device d(32);
  d.as(Role::butler);
  NewMail m = parcel(d);
  m.unit = {};
  CHECK(d.session.mail().receive(m).error().code == "unit_required");
  m.unit = Id{9, 9};
  CHECK(d.session.mail().receive(m).error().code == "unit_required");
  // 001:9 "對(duì)于特殊郵件, 須將郵件收件日期、郵件號(hào)碼": registered, parcel, express.
  struct Row { Kind kind; bool needs_number; };
  for (Row r : {Row{Kind::letter, false}, Row{Kind::registered, true}, Row{Kind::parcel, true}, Row{Kind::express, true},
                Row{Kind::newspaper, false}}) {
    INFO(static_cast<int>(r.kind));
    CHECK(mail::is_special(r.kind) == r.needs_number);
    const auto got = d.session.mail().receive(parcel(d, "  ", r.kind));
    CHECK(got.ok() == !r.needs_number);
    if (!got.ok()) CHECK(got.error().code == "tracking_required");
  }
  CHECK(d.session.mail().receive(parcel(d, std::string(41, '9'))).error().code == "tracking_long");
  // 002:82: the office signs mail in; the security guard does not record it here.
  d.as(Role::security);
  CHECK_FALSE(d.session.mail().receive(parcel(d)).ok());
}

TEST_CASE("001: special mail two days uncollected needs a phone call, which an SMS or an earlier call does not settle") {
  // 001:9 "當(dāng)連續(xù)兩天收件人未來(lái)取郵件時(shí),客戶服務(wù)部前接待助理應(yīng)設(shè)法通過(guò)電話與收件人取得聯(lián)系。"
  Device d(33);
  d.as(Role::front_desk);
  const Id p = d.session.mail().receive(parcel(d)).value();
  const Id letter = d.session.mail().receive(parcel(d, "", Kind::letter)).value();
  REQUIRE(d.session.mail().notify(p, mail::NoticeHow::phone, "到件即电话").ok());  // at arrival: not the two-day call
  struct Step { std::int64_t at; bool due; };
  for (Step s : {Step{kDay, false}, Step{2 * kDay - kMinute, false}, Step{2 * kDay, true}, Step{3 * kDay, true}}) {
    d.clock.now = kAfternoon + s.at;
    INFO(s.at);
    CHECK(d.session.mail().call_due(*d.session.mail().item(p)) == s.due);
    CHECK(d.session.mail().calls_due().size() == (s.due ? 1u : 0u));
    CHECK_FALSE(d.session.mail().call_due(*d.session.mail().item(letter)));  // a letter is not special
  }
  CHECK(d.session.mail().call_due_ms(*d.session.mail().item(p)) == kAfternoon + 2 * kDay);
  REQUIRE(d.session.mail().notify(p, mail::NoticeHow::sms).ok());  // at three days: an SMS is not the call
  CHECK(d.session.mail().calls_due().size() == 1);
  // A clock set back (after this tablet recorded at three days) hides nothing.
  d.clock.now = kAfternoon + kDay;
  CHECK(d.session.mail().calls_due().size() == 1);
  d.clock.now = kAfternoon + 3 * kDay;
  REQUIRE(d.session.mail().notify(p, mail::NoticeHow::phone, "业主周末来取").ok());
  CHECK(d.session.mail().calls_due().empty());
  // Collected before its two days: never due.
  const Id q = d.session.mail().receive(parcel(d, "YT0001")).value();
  REQUIRE(d.session.mail().collect(q, by_owner()).ok());
  d.clock.now += 5 * kDay;
  CHECK_FALSE(d.session.mail().call_due(*d.session.mail().item(q)));
}

TEST_CASE("returned to the sender after the set time: the team's default until a lead sets it") {
  Device d(34);
  d.as(Role::front_desk);
  CHECK(d.session.mail().return_days() == mail::kDefaultReturnDays);
  CHECK(d.session.mail().return_days_default());
  const Id a = d.session.mail().receive(parcel(d)).value();
  const Id b = d.session.mail().receive(parcel(d, "EMS0002", Kind::registered)).value();
  d.clock.now += 6 * kDay;
  CHECK(d.session.mail().returns_due().empty());
  // Early only with a reason.
  CHECK(d.session.mail().return_to_sender(a).error().code == "too_early");
  REQUIRE(d.session.mail().return_to_sender(a, "业主拒收").ok());
  CHECK(d.session.mail().item(a)->state == State::returned);
  CHECK(d.session.mail().item(a)->close_note == "业主拒收");
  d.clock.now = kAfternoon + 7 * kDay;
  REQUIRE(d.session.mail().returns_due().size() == 1);
  CHECK(d.session.mail().return_due_ms(*d.session.mail().item(b)) == kAfternoon + 7 * kDay);
  REQUIRE(d.session.mail().return_to_sender(b).ok());
  CHECK(d.session.mail().returns_due().empty());
  // The setting: a lead's, 1 to 90 days.
  CHECK(d.session.mail().save_return_days(3).error().code == "not_allowed");
  d.as(Role::head_butler);
  CHECK(d.session.mail().save_return_days(0).error().code == "bad_days");
  CHECK(d.session.mail().save_return_days(91).error().code == "bad_days");
  REQUIRE(d.session.mail().save_return_days(3).ok());
  CHECK(d.session.mail().return_days() == 3);
  CHECK_FALSE(d.session.mail().return_days_default());
  const Id c = d.session.mail().receive(parcel(d, "ZT3")).value();
  d.clock.now += 3 * kDay;
  CHECK(d.session.mail().return_due(*d.session.mail().item(c)));
}

TEST_CASE("two tablets end one item offline: the first end stands, the other is kept as a conflict, and notices add up") {
  Device a(35, 0xA), b(36, 0xB);
  a.as(Role::front_desk);
  b.as(Role::butler);
  const Id id = a.session.mail().receive(parcel(a)).value();
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  a.clock.now += 8 * kDay;
  b.clock.now += 8 * kDay + kMinute;
  REQUIRE(a.session.mail().notify(id, mail::NoticeHow::phone).ok());
  REQUIRE(b.session.mail().notify(id, mail::NoticeHow::sms).ok());
  REQUIRE(a.session.mail().collect(id, by_owner()).ok());      // A hands it over
  REQUIRE(b.session.mail().return_to_sender(id).ok());         // B, not knowing, sends it back
  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  CHECK(a.session.master_data().mail == b.session.master_data().mail);
  const MailItem* m = a.session.mail().item(id);
  CHECK(m->state == State::collected);  // A's came first
  CHECK(m->notices.size() == 2);
  REQUIRE(m->conflicts.size() == 1);
  CHECK(m->conflicts[0].wanted == State::returned);
  CHECK(m->conflicts[0].by == b.session.actor());
  CHECK(b.session.mail().conflicts().size() == 1);
  // Any order of the same ops folds the same, and a snapshot keeps it.
  const std::vector<Op> log = a.session.decoded_log();
  for (const Op& op : log) CHECK(validate_op(op).ok());
  Replica in_order;
  in_order.add(log);
  std::vector<Op> shuffled = log;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937_64(35));
  Replica any;
  any.add(shuffled);
  CHECK(any.data().mail == in_order.data().mail);
}

TEST_CASE("mail.csv: the register's columns in Beijing time, BOM and formula-safe cells, and the snapshot keeps every field") {
  Device d(37);
  d.as(Role::front_desk);
  const Id id = d.session.mail().receive(parcel(d, "=HYPERLINK(\"http://x\")")).value();
  REQUIRE(d.session.mail().notify(id, mail::NoticeHow::sms).ok());
  d.clock.now += kHour;
  REQUIRE(d.session.mail().collect(id, {mail::Collector::tenant, "李女士", name_signature()}).ok());
  REQUIRE(d.session.mail().receive(parcel(d, "", Kind::newspaper)).ok());
  d.as(Role::head_butler);
  REQUIRE(d.session.mail().save_return_days(10).ok());
  Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  const auto table = (*exports.find("mail"))(server::ExportInput{replica});
  const std::string text = export_text(table);
  CHECK(text.rfind("登记时间,类别,快递公司,邮件号码,楼栋,单元,房号,收件人,登记人,通知,状态,领取或退回时间,领取人,领取人身份,经办人,备注\r\n", 0) == 0);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0][0] == "2026-11-24 14:00");
  CHECK(table.rows[0][1] == "包裹");
  CHECK(table.rows[0][9] == "短信 2026-11-24 14:00");
  CHECK(table.rows[0][10] == "已领取");
  CHECK(table.rows[0][11] == "2026-11-24 15:00");
  CHECK(table.rows[0][12] == "李女士");
  CHECK(table.rows[0][13] == "租户");
  CHECK(table.rows[1][1] == "报纸杂志");
  CHECK(table.rows[1][10] == "待领取");
  const std::string csv = server::to_csv(table);
  CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);  // never a formula
  // The snapshot: the same mail, every field, the setting too.
  const auto snap = decode_snapshot(encode_snapshot(replica.data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.mail == replica.data().mail);
  CHECK(snap.value().data.mail.settings.return_after_days == 10);
}

TEST_CASE("the handover lists the mail still waiting, a call due as overdue") {
  Device d(38);
  d.as(Role::front_desk);
  const Id p = d.session.mail().receive(parcel(d)).value();
  const Id done = d.session.mail().receive(parcel(d, "YD9")).value();
  REQUIRE(d.session.mail().collect(done, by_owner()).ok());
  d.clock.now += 2 * kDay;
  std::vector<HandoverItem> mail_lines;
  for (const HandoverItem& it : d.session.handover().handover_prefill()) {
    if (it.kind == handover::ItemKind::mail_waiting) mail_lines.push_back(it);
  }
  REQUIRE(mail_lines.size() == 1);
  CHECK(mail_lines[0].ref == p);
  CHECK(mail_lines[0].overdue);
  CHECK(mail_lines[0].text.find("SF1234567890") != std::string::npos);
  CHECK(mail_lines[0].text.find("电话") != std::string::npos);
}
