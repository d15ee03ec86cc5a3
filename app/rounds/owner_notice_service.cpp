// RoundsService: the notices to a unit's owner that a round raises (rounds_service.hpp).
// 000:535 3.1.4.6 "客服管家在日常巡视时,应注意对各户的电表进行检查,如发现业主/使用人的
// 分户电表显示红色数字的时候,应及时通知业主/使用人买电/输入"; 000:569 4.1.3.6 "巡视
// 过程中,如发现业主各户的分户电表显示红色数字,及时通知业主购电". The fix is the owner's,
// not a department's: the finding is done when the butler has told them, and
// until then it is on Today.
#include <algorithm>

#include "app/core/text.hpp"
#include "app/domain/command_errors.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/rounds/rounds_service.hpp"

namespace app {

using i18n::S;
using command_detail::error;

Status RoundsService::owner_told(const Id& finding, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const auto& findings = ctx_.data().rounds.findings;
  auto it = findings.find(finding);
  if (it == findings.end() || it->second.opened_ms == 0) return error("unknown_finding", S::err_unknown_finding);
  if (!it->second.owner_notice) return error("not_owner_notice", S::err_not_owner_notice);
  if (!it->second.open()) return error("already_verified", S::err_finding_verified);
  Payload p;
  p.set(F::at_ms, std::max<std::int64_t>(ctx_.now_ms(), it->second.opened_ms + 1));
  const std::string words = trimmed(note);
  p.set(F::note, words.empty() ? std::string(i18n::tr(S::owner_told_note, i18n::Lang::zh_CN)) : words);
  return ctx_.commit({ctx_.make_op(OpKind::finding_verified, finding, std::move(p))});
}

std::vector<const Finding*> RoundsService::owner_notices_due() const {
  std::vector<const Finding*> due;
  for (const Finding* f : open_findings()) {
    if (f->owner_notice) due.push_back(f);
  }
  return due;
}

}  // namespace app
