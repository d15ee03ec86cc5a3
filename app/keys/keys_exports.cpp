#include "app/keys/keys_exports.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_set>

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
// refused in the fold (the key was not in the cabinet) is listed too. A
// retired key's rows say 已停用, and one never lent has a row of its own.
ExportTable export_keys(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  const std::int64_t now = std::max(in.now_ms, in.replica.frontier().hlc.wall_ms);
  ExportTable table({{"钥匙"}, {"类别"}, {"借用人"}, {"事由"}, {"借出时间", CellType::datetime}, {"应还时间", CellType::datetime},
                     {"归还时间", CellType::datetime}, {"状态"}},
                    4);
  std::vector<const app::Loan*> loans;
  for (const auto& [id, l] : d.keys.loans) {
    if (l.out_ms != 0) loans.push_back(&l);
  }
  std::sort(loans.begin(), loans.end(), [](const app::Loan* a, const app::Loan* b) { return std::tie(a->out_ms, a->id) < std::tie(b->out_ms, b->id); });
  std::unordered_set<app::Id, app::IdHash> lent;
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
      // A key retired since: its loans stay on the register, and say so.
      const std::string status = key && key->retired ? std::string(state) + "，已停用" : std::string(state);
      table.rows.push_back({key_text(key), key_category(key), borrower_text(d, *l, lk), l->reason, beijing_time(l->out_ms), beijing_time(due),
                            beijing_time(lk.returned_ms), status});
      if (key) lent.insert(key->id);
    }
  }
  // A retired key never lent: one row of its own, so the register still names it.
  std::vector<const app::KeyRecord*> retired;
  for (const auto& [id, k] : d.keys.keys) {
    if (k.retired && k.added_ms != 0 && !lent.count(id)) retired.push_back(&k);
  }
  std::sort(retired.begin(), retired.end(), [](const app::KeyRecord* a, const app::KeyRecord* b) { return std::tie(a->label, a->id) < std::tie(b->label, b->id); });
  for (const app::KeyRecord* k : retired) table.rows.push_back({key_text(k), key_category(k), "", "", "", "", "", "已停用"});
  return table;
}

}  // namespace

void add_keys_exports(ExportRegistry& registry) { registry.add("keys", app::i18n::S::export_keys_title, export_keys); }

}  // namespace app::office
