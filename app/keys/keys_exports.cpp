#include "app/keys/keys_exports.hpp"

#include <algorithm>
#include <tuple>

#include "app/keys/key_rules.hpp"
#include "app/domain/csv_fields.hpp"

namespace app::office {
namespace {

// A key as its tag and the register read it: the label (with the set, for a
// public key, which exists twice), and its kind with its filing.
std::string key_text(const app::KeyRecord* k) {
  if (!k) return {};
  if (k->kind == app::keys::KeyKind::unit) return k->label;
  return k->label + (k->custody == app::keys::Custody::engineering ? "（工程部）" : "（客服中心备用）");
}
std::string key_category(const app::KeyRecord* k) {
  if (!k) return {};
  if (k->kind == app::keys::KeyKind::unit) return "分户钥匙";
  return "公共钥匙 · " + k->category + " → " + k->system;
}

std::string borrower_text(const app::MasterData& d, const app::Loan& l, const app::LoanKey& lk) {
  std::string who;
  if (!l.borrower.is_nil()) {
    who = staff_name(d, l.borrower);
  } else {
    static const char* kinds[] = {"员工", "施工单位", "业主", "其他"};
    who = l.borrower_name + "（" + kinds[static_cast<int>(l.borrower_kind)] + " " + l.phone + "）";
  }
  // Handed over at a shift change: whom it went to.
  for (const app::KeyTransfer& t : l.transfers) {
    if (t.key == lk.key) who += " → " + staff_name(d, t.to);
  }
  return who;
}

// 钥匙借用登记表: one row per key of each loan, oldest loan first; a loan
// refused in the fold (the key was not in the cabinet) is listed too.
CsvRows export_keys(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  const std::int64_t now = std::max(in.now_ms, in.replica.frontier().hlc.wall_ms);
  CsvRows rows{{"钥匙", "类别", "借用人", "事由", "借出时间", "应还时间", "归还时间", "状态"}};
  std::vector<const app::Loan*> loans;
  for (const auto& [id, l] : d.keys.loans) {
    if (l.out_ms != 0) loans.push_back(&l);
  }
  std::sort(loans.begin(), loans.end(), [](const app::Loan* a, const app::Loan* b) { return std::tie(a->out_ms, a->id) < std::tie(b->out_ms, b->id); });
  for (const app::Loan* l : loans) {
    const std::int64_t due = l->due_ms > 0 ? l->due_ms : app::keys::end_of_local_day(l->out_ms, 480);
    for (const app::LoanKey& lk : l->keys) {
      auto k = d.keys.keys.find(lk.key);
      const app::KeyRecord* key = k == d.keys.keys.end() ? nullptr : &k->second;
      const char* state = "";
      switch (lk.state) {
        case app::LoanKeyState::out: state = now > due ? "逾期未还" : "借出"; break;
        case app::LoanKeyState::returned: state = lk.returned_ms > due ? "逾期归还" : "已归还"; break;
        case app::LoanKeyState::lost: state = "借出后遗失"; break;
        case app::LoanKeyState::refused: state = "冲突：借出时钥匙不在柜"; break;
      }
      rows.push_back({key_text(key), key_category(key), borrower_text(d, *l, lk), l->reason, beijing_time(l->out_ms), beijing_time(due),
                      beijing_time(lk.returned_ms), state});
    }
  }
  return rows;
}

}  // namespace

void add_keys_exports(ExportRegistry& registry) { registry.add("keys", export_keys); }

}  // namespace app::office
