#include "app/domain/office_exports.hpp"

namespace app::office {

const ExportFn* ExportRegistry::find(std::string_view name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second.fn;
}

void ExportRegistry::add(std::string name, i18n::S title, ExportFn fn) {
  if (!entries_.contains(name)) order_.push_back(name);
  entries_[std::move(name)] = Entry{title, std::move(fn)};
}

i18n::S ExportRegistry::title(std::string_view name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? i18n::S::count_ : it->second.title;
}

}  // namespace app::office
