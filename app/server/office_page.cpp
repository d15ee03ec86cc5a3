#include "app/server/office_page.hpp"

#include "app/core/roles.hpp"
#include "app/server/sync_service.hpp"
#include "app/server/xlsx_writer.hpp"

namespace server {
namespace {

using app::i18n::Lang;
using app::i18n::S;

std::int64_t role_value(app::Role r) { return static_cast<std::int64_t>(r); }

}  // namespace

bool may_import(std::int64_t role, app::ImportKind kind) {
  if (kind == app::ImportKind::staff) return role == role_value(app::Role::manager);
  return role == role_value(app::Role::head_butler) || role == role_value(app::Role::manager);
}

nlohmann::json office_catalog_json(const app::office::ExportRegistry& exports, std::int64_t role) {
  nlohmann::json exports_json = nlohmann::json::array();
  if (may_export(role)) {
    for (const std::string& name : exports.names()) {
      const S title = exports.title(name);
      exports_json.push_back({{"name", name}, {"zh", app::i18n::tr(title, Lang::zh_CN)}, {"en", app::i18n::tr(title, Lang::en)}});
    }
  }
  nlohmann::json imports_json = nlohmann::json::array();
  for (std::int64_t k = 0; k < app::kImportKindCount; ++k) {
    const auto kind = static_cast<app::ImportKind>(k);
    if (!may_import(role, kind)) continue;
    nlohmann::json columns = nlohmann::json::array();
    for (const app::ImportColumn& c : app::import_columns(kind)) {
      nlohmann::json aliases = nlohmann::json::array();
      for (std::string_view a : c.aliases) aliases.push_back(std::string(a));
      columns.push_back({{"title", std::string(c.title)}, {"required", c.required}, {"aliases", std::move(aliases)}});
    }
    const S label = app::import_kind_label(kind);
    imports_json.push_back({{"kind", std::string(app::import_kind_key(kind))},
                            {"zh", app::i18n::tr(label, Lang::zh_CN)},
                            {"en", app::i18n::tr(label, Lang::en)},
                            {"columns", std::move(columns)}});
  }
  return nlohmann::json{{"exports", std::move(exports_json)}, {"imports", std::move(imports_json)}};
}

app::Result<std::string> import_template_xlsx(app::ImportKind kind) {
  // Every column text: what the office types in is read as it was typed.
  XlsxSheet data{std::string(app::import_kind_title(kind)), {}};
  data.table.rows.emplace_back();
  XlsxSheet notes{app::i18n::tr(S::template_notes_sheet, Lang::zh_CN), {}};
  for (S header : {S::template_notes_column, S::template_notes_required, S::template_notes_aliases, S::template_notes_example}) {
    notes.table.columns.push_back({app::i18n::tr(header, Lang::zh_CN)});
  }
  for (const app::ImportColumn& c : app::import_columns(kind)) {
    data.table.columns.push_back({std::string(c.title)});
    data.table.rows[0].emplace_back(c.example);
    std::string aliases;
    for (std::string_view a : c.aliases) aliases += (aliases.empty() ? "" : "、") + std::string(a);
    notes.table.rows.push_back({std::string(c.title), c.required ? app::i18n::tr(S::template_notes_yes, Lang::zh_CN) : "",
                          aliases, std::string(c.example)});
  }
  return write_xlsx({data, notes});
}

}  // namespace server
