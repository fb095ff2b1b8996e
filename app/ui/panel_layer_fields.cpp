#include <algorithm>
#include <cstdlib>
#include <map>

#include <imgui.h>

#include "base/numbers.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

// Okabe and Ito's colour-blind-safe qualitative palette; values past these share the layer's own fill ("other").
const Rgba kCategoryColours[] = {{0.90f, 0.62f, 0.00f, 1}, {0.34f, 0.71f, 0.91f, 1}, {0.00f, 0.62f, 0.45f, 1},
                                 {0.94f, 0.89f, 0.26f, 1}, {0.00f, 0.45f, 0.70f, 1}, {0.84f, 0.37f, 0.00f, 1},
                                 {0.80f, 0.47f, 0.65f, 1}};

Rgba darker(Rgba c) { return {c.r * 0.6f, c.g * 0.6f, c.b * 0.6f, 1}; }

// The most frequent values of FIELD get a colour each, in order of frequency.
void colour_by(const geo::VectorLayer& data, const std::string& field, story::LayerStyle& st) {
  st.fill_by_field = field;
  st.fill_by_value.clear();
  st.stroke_by_value.clear();
  st.legend_by_value = !field.empty();
  if (field.empty()) return;
  std::map<std::string, size_t> counts;
  for (const geo::Feature& f : data.features) ++counts[data.value(f, field)];
  std::vector<std::pair<std::string, size_t>> ranked(counts.begin(), counts.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  for (size_t i = 0; i < ranked.size() && i < std::size(kCategoryColours); ++i) {
    Rgba fill = kCategoryColours[i];
    fill.a = st.fill.a > 0 ? std::max(st.fill.a, 0.75f) : 0.75f;
    st.fill_by_value[ranked[i].first] = fill;
    st.stroke_by_value[ranked[i].first] = darker(kCategoryColours[i]);
  }
}

// The largest number in FIELD, or 0 when its values are not numbers.
double largest_number(const geo::VectorLayer& data, const std::string& field) {
  double largest = 0;
  for (const geo::Feature& f : data.features) {
    const std::string& text = data.value(f, field);
    if (text.empty()) continue;
    const std::optional<double> v = parse_number(text);
    if (!v) return 0;
    largest = std::max(largest, *v);
  }
  return largest;
}

bool field_choice(const char* label, const geo::VectorLayer& data, const std::string& current, std::string& chosen) {
  bool picked = false;
  if (!ImGui::BeginCombo(label, current.empty() ? "(none)" : current.c_str())) return false;
  if (ImGui::Selectable("(none)", current.empty())) chosen.clear(), picked = true;
  for (const std::string& f : data.fields)
    if (ImGui::Selectable(f.c_str(), f == current)) chosen = f, picked = true;
  ImGui::EndCombo();
  return picked;
}

// Fields ticked on and off in one open list, kept in the layer's order.
void tooltip_choice(const geo::VectorLayer& data, std::vector<std::string>& fields) {
  const std::string preview = fields.empty() ? "(the layer's details)" : std::to_string(fields.size()) + " field(s)";
  if (!ImGui::BeginCombo("tooltip", preview.c_str())) return;
  if (ImGui::Selectable("(the layer's details)", fields.empty())) fields.clear();
  std::vector<std::string> ticked;
  for (const std::string& f : data.fields) {
    bool on = std::find(fields.begin(), fields.end(), f) != fields.end();
    if (ImGui::Selectable(f.c_str(), on, ImGuiSelectableFlags_DontClosePopups)) on = !on;
    if (on) ticked.push_back(f);
  }
  fields = std::move(ticked);
  ImGui::EndCombo();
}

}  // namespace

void panel_layer_fields(AppState& s, size_t index, story::LayerStyle& st) {
  const geo::VectorLayer& data = *s.scene->atlas().layers()[index].data;
  std::string chosen;
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
  if (field_choice("colour by", data, st.fill_by_field, chosen)) colour_by(data, chosen, st);
  if (data.has_points()) {
    ImGui::Checkbox("count in hexagons", &st.density);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Where points pile up: how many are live on the date in each hexagon, instead of each symbol");
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
    if (field_choice("size by", data, st.size_by_field, chosen)) {
      const double largest = chosen.empty() ? 0 : largest_number(data, chosen);
      if (!chosen.empty() && largest <= 0) s.error("'" + chosen + "' holds no positive numbers to size symbols by");
      else st.size_by_field = chosen, st.size_max = largest;
    }
    if (!st.size_by_field.empty()) {
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
      ImGui::SliderFloat("largest radius", &st.size_max_px, 4, 60, "%.0f px");
    }
  }
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
  if (field_choice("label by", data, st.label_field, chosen)) st.label_field = chosen;
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
  tooltip_choice(data, st.tooltip_fields);
}

}  // namespace chronoatlas::ui
