#include "model/feature_summary.h"

namespace chronoatlas::model {
namespace {

constexpr size_t kTooltipFields = 4;  // without the user's choice: enough to say what a feature is, not a table

// The title the scenario gives FIELD, else its own name.
std::string field_title(const AtlasLayer& l, const std::string& field) {
  for (const auto& [name, title] : l.spec.details)
    if (name == field) return title;
  return field;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> summary_fields(const AtlasLayer& l, bool brief) {
  std::vector<std::pair<std::string, std::string>> out;
  if (brief && !l.spec.style.tooltip_fields.empty()) {
    for (const std::string& field : l.spec.style.tooltip_fields) out.emplace_back(field, field_title(l, field));
    return out;
  }
  out = l.spec.details;
  if (out.empty())
    for (const std::string& name : l.data->fields) out.emplace_back(name, name);
  if (brief && out.size() > kTooltipFields) out.resize(kTooltipFields);
  return out;
}

}  // namespace chronoatlas::model
