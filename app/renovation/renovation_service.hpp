#pragma once
// app::RenovationService: renovation management (装修管理) — each stage in
// order (application, papers, pre-review, approval, fees, passes, works,
// completion check, recheck, deposit refund) and violation notices, refused
// with a reason in the catalogue's language when it does not follow; a stage
// that conflicts with one made offline elsewhere is kept and listed
// (renovation_conflicts). Reached as session.renovation().
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/domain/command_context.hpp"
#include "app/renovation/renovation_requests.hpp"
#include "app/core/signature.hpp"

namespace app {

class RenovationService {
 public:
  explicit RenovationService(CommandContext& ctx) : ctx_(ctx) {}
  RenovationService(const RenovationService&) = delete;
  RenovationService& operator=(const RenovationService&) = delete;

  // Renovation: each stage in order, refused with a reason when it does not follow; a stage that
  // conflicts with one made offline elsewhere is kept and listed (renovation_conflicts).
  Result<Id> apply_renovation(const NewRenovation& application);
  Result<Id> add_renovation_paper(const Id& application, renovation::PaperKind kind, std::string_view sha256);
  Status pre_review_renovation(const Id& application, std::string_view note = {});
  // 000:463: the works reviewed by 工程维修部经理 (the engineering role).
  Status review_renovation_works(const Id& application, std::string_view note = {});
  // 000:453: the application approved by the manager (物业经理, the product's 管理处主任).
  Status approve_renovation(const Id& application, std::string_view note = {});
  Status record_renovation_fees(const Id& application, std::int64_t deposit_cents, std::int64_t waste_fee_cents);
  Result<Id> issue_renovation_pass(const Id& application, std::string_view number, std::string_view worker);
  Status return_renovation_pass(const Id& application, const Id& pass);
  Status declare_renovation_pass_lost(const Id& application, const Id& pass);
  Status start_renovation_works(const Id& application, std::string_view note = {});
  Status check_renovation_completion(const Id& application, std::string_view note = {});
  Status recheck_renovation(const Id& application, std::string_view note = {});
  Status refund_renovation_deposit(const Id& application, const Signature& signed_by);
  Result<Id> issue_violation_notice(const Id& application, const NewViolation& notice);
  Result<Id> add_violation_photo(const Id& application, const Id& notice, std::string_view sha256);
  Status follow_up_violation(const Id& application, const Id& notice, std::int64_t rectified_day, std::string_view note = {});
  const Renovation* renovation(const Id& id) const;
  const Renovation* renovation_of_unit(const Id& unit) const;  // the unfinished one, else the latest
  // Whether the unit's status is its application's now (装修中 while the works run: no status edit).
  bool unit_status_follows_renovation(const Id& unit) const;
  std::vector<const Renovation*> renovations_in_progress() const;  // not yet refunded, oldest application first
  std::optional<std::int64_t> renovation_recheck_due(const Renovation& r) const;  // yyyymmdd, once the completion is checked
  bool renovation_recheck_overdue(const Renovation& r) const;  // on a clock that cannot go back
  // Under the office's penalty settings (renovation_settings), or those recorded at the refund.
  renovation::Refund renovation_refund(const Renovation& r) const;
  // 000:487 按章处罚: the amount per lost pass and whether it comes out of the deposit; a lead's.
  Status save_renovation_settings(const renovation::Settings& settings);
  const renovation::Settings& renovation_settings() const;
  // 限期整改 notices past their date and not followed up, by date then unit (Today; the unit's stop).
  std::vector<OverdueRectification> overdue_rectifications() const;
  bool rectify_overdue(const ViolationNotice& n) const;
  std::vector<RenovationOpenItems> renovation_open_items() const;  // each unit under renovation, by unit label
  std::vector<std::pair<const Renovation*, const RenovationStep*>> renovation_conflicts() const;

 private:
  CommandContext& ctx_;
};

}  // namespace app
