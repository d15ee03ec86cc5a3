#pragma once
// The built-in inspection checklists (巡查检查表), worded as in the source
// documents (shared/seeds/). Each template has a stable key and a version: a
// round keeps the version it started with, so a later edit of a template
// never changes a round already walked. Texts carry both languages because
// they are data, not UI strings (the UI catalogue is app/i18n/strings.inc).
#include <string_view>
#include <vector>

#include "app/domain/estate.hpp"
#include "app/rounds/checklist_types.hpp"

namespace app {

// Every built-in template, in a fixed order.
const std::vector<ChecklistTemplate>& builtin_templates();
// nullptr when no template has that key.
const ChecklistTemplate* find_template(std::string_view key);
// The template a public checkpoint of this kind is inspected with.
const ChecklistTemplate& template_for(CheckpointKind kind);

// Where a failed item's dispatch slip goes unless the butler picks another:
// the department whose work the item describes. The order is the finding
// form's (工程部, 保洁, 绿化, 秩序维护部).
enum class FindingDepartment { engineering = 0, cleaning = 1, greening = 2, security = 3 };
FindingDepartment default_department(const ChecklistItem& item);
// Whether a failed item is for the unit's owner to put right, not a
// department (000:569 "分户电表显示红色数字,及时通知业主购电"): by the item's own
// words, as default_department, so an edited meter item keeps the rule.
bool tells_owner(const ChecklistItem& item);

}  // namespace app
