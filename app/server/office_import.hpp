#pragma once
// The office's files into a community on the server: `butler-server admin
// import COMMUNITY KIND FILE` and POST /api/v1/import/{kind} (the office page
// and a lead's tablet upload there). The file is read (.xlsx or CSV,
// app/server/xlsx_reader.hpp), planned against what the community holds now
// (app/setup/import_service.hpp, the same planner a tablet would run), and
// stored in one transaction with the record of the import; a dry run stores
// nothing and says what would change. New staff get their sign-in row here,
// with the PIN from the file or a generated one, which only this reply shows.
#include <string_view>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/core/sheet.hpp"
#include "app/server/admin.hpp"
#include "app/setup/import_service.hpp"

namespace server {

struct ImportRequest {
  app::ImportKind kind = app::ImportKind::units;
  std::string_view file_name;  // kept in the import's record (its name only)
  app::Id actor;               // the lead who uploaded it; nil from the admin command
  bool dry_run = false;
};

app::Result<app::ImportPlan> import_rows(ServerWriter& w, ServerStore& store, const CommunityRow& community,
                                         const ImportRequest& request, const std::vector<app::SheetRow>& rows);
app::Result<app::ImportPlan> import_file(ServerWriter& w, ServerStore& store, const CommunityRow& community,
                                         const ImportRequest& request, std::string_view bytes);

// The plan as the admin command prints it and as JSON for the upload's reply.
std::string import_report_text(const app::ImportPlan& plan, bool dry_run);
std::string import_report_json(const app::ImportPlan& plan, bool dry_run, bool with_pins);

}  // namespace server
