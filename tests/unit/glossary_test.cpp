// One term per thing (docs/glossary.md, issue 16 item 19): no text the product
// shows -- the string catalogue in both languages, the built-in checklists, the
// demo estate's records -- uses a variant the glossary says to avoid. The
// variants are read from the glossary's table, so the document and the check
// cannot drift apart.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/demo/demo_community.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/ops/codec.hpp"
#include "app/rounds/checklists.hpp"

using app::i18n::Lang;
using app::i18n::S;

namespace {

struct Avoided {
  std::string variant;
  std::string term;  // the glossary's word, for the failure message
};

// Each table row "| thing | 中文 | English | manual | avoid |": the avoid column's
// `backticked` words.
std::vector<Avoided> avoided_variants() {
  std::ifstream in(BUTLER_GLOSSARY_MD);
  std::vector<Avoided> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| ", 0) != 0 || line.find("---") != std::string::npos) continue;
    std::vector<std::string> cells;
    std::stringstream row(line.substr(1));
    for (std::string cell; std::getline(row, cell, '|');) cells.push_back(cell);
    if (cells.size() < 5 || cells[0] == " thing ") continue;
    const std::string& avoid = cells[4];
    for (std::size_t at = avoid.find('`'); at != std::string::npos;) {
      const std::size_t end = avoid.find('`', at + 1);
      if (end == std::string::npos) break;
      out.push_back({avoid.substr(at + 1, end - at - 1), cells[1]});
      at = avoid.find('`', end + 1);
    }
  }
  return out;
}

void check_text(const std::vector<Avoided>& avoided, const std::string& where, const std::string& text) {
  for (const Avoided& a : avoided) {
    if (text.find(a.variant) == std::string::npos) continue;
    FAIL_CHECK(where << " says \"" << a.variant << "\" where the glossary says " << a.term << ": " << text.substr(0, 300));
  }
}

}  // namespace

TEST_CASE("the glossary's table is read: it names the variants to avoid") {
  const auto avoided = avoided_variants();
  REQUIRE(avoided.size() >= 12);
  bool head_butler = false, deposit = false;
  for (const Avoided& a : avoided) {
    head_butler = head_butler || a.variant == "大管家";
    deposit = deposit || a.variant == "押金";
  }
  CHECK(head_butler);
  CHECK(deposit);
}

TEST_CASE("the catalogue uses the glossary's terms in both languages") {
  const auto avoided = avoided_variants();
  for (std::size_t i = 0; i < app::i18n::kStringCount; ++i) {
    const auto key = static_cast<S>(i);
    const std::string name(app::i18n::key_name(key));
    check_text(avoided, name + " (zh-CN)", app::i18n::tr(key, Lang::zh_CN));
    check_text(avoided, name + " (en)", app::i18n::tr(key, Lang::en));
  }
  // 主管 alone names nobody: the head butler is 客服主管 (or 客户服务中心主管),
  // another department's head 部门主管, the incident's 当值主管.
  for (std::size_t i = 0; i < app::i18n::kStringCount; ++i) {
    const std::string zh = app::i18n::tr(static_cast<S>(i), Lang::zh_CN);
    for (std::size_t at = zh.find("主管"); at != std::string::npos; at = zh.find("主管", at + 1)) {
      const std::string before = zh.substr(0, at);
      const bool named = before.ends_with("客服") || before.ends_with("中心") || before.ends_with("部门") ||
                         before.ends_with("当值");
      INFO(app::i18n::key_name(static_cast<S>(i)) << ": " << zh);
      CHECK(named);
    }
  }
  // The registers tab is 台账: 登记 alone reads as the action "to register".
  CHECK(std::string(app::i18n::tr(S::nav_registers, Lang::zh_CN)) == "台账");
}

TEST_CASE("the built-in checklists and the demo estate use the glossary's terms") {
  const auto avoided = avoided_variants();
  for (const app::ChecklistTemplate& t : app::builtin_templates()) {
    check_text(avoided, "checklist " + t.key, t.zh + " / " + t.en);
    for (const app::ChecklistItem& item : t.items) check_text(avoided, "checklist " + t.key, item.zh + " / " + item.en);
  }
  // The demo's ops carry its checkpoint names, finding notes and tickets.
  for (const app::Op& op : app::generate_demo(app::DemoOptions{}).ops) check_text(avoided, "a demo op", app::encode_op(op));
}
