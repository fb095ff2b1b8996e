#include "story/layer_style_json.h"

#include <algorithm>

namespace chronoatlas::story {
namespace {

// Colours and sizes by field are the user's choices too: a saved view keeps them.
nlohmann::json by_field_json(const LayerStyle& s) {
  nlohmann::json j = nlohmann::json::object();
  if (!s.fill_by_field.empty()) {
    nlohmann::json values = nlohmann::json::object(), strokes = nlohmann::json::object();
    for (const auto& [v, c] : s.fill_by_value) values[v] = format_colour(c);
    for (const auto& [v, c] : s.stroke_by_value) strokes[v] = format_colour(c);
    j["fill_by"] = {{"field", s.fill_by_field}, {"values", values}, {"strokes", strokes}, {"legend", s.legend_by_value}};
  }
  if (!s.tooltip_fields.empty()) j["tooltip_fields"] = s.tooltip_fields;
  if (!s.size_by_field.empty())
    j["size_by"] = {{"field", s.size_by_field}, {"max", s.size_max}, {"max_radius", s.size_max_px}};
  return j;
}

}  // namespace

Result<LayerStyle> read_layer_style(const Reader& r, const nlohmann::json& j, const std::string& path,
                                    const LayerStyle& base) {
  LayerStyle s = base;
  if (!j.is_object()) return Error{r.fail(path.substr(0, path.size() - 1), "an object")};
  TRY_ASSIGN(s.fill, r.colour(j, "fill", path, s.fill));
  TRY_ASSIGN(s.stroke, r.colour(j, "stroke", path, s.stroke));
  TRY_ASSIGN(s.stroke_width_px, r.number(j, "stroke_width", path, s.stroke_width_px, 0, 64));
  TRY_ASSIGN(s.opacity, r.number(j, "opacity", path, s.opacity, 0, 1));
  TRY_ASSIGN(s.point_radius_px, r.number(j, "point_radius", path, s.point_radius_px, 0, 256));
  TRY_ASSIGN(s.label_field, r.string(j, "label_field", path, s.label_field));
  TRY_ASSIGN(s.label_rank_field, r.string(j, "label_rank_field", path, s.label_rank_field));
  TRY_ASSIGN(s.label_size_px, r.number(j, "label_size", path, s.label_size_px, 4, 96));
  TRY_ASSIGN(s.label_colour, r.colour(j, "label_colour", path, s.label_colour));
  TRY_ASSIGN(s.highlight_field, r.string(j, "highlight_dates_field", path, s.highlight_field));
  if (j.contains("flow")) s.flow = j["flow"].is_boolean() && j["flow"].get<bool>();
  if (j.contains("label_bold")) s.label_bold = j["label_bold"].is_boolean() && j["label_bold"].get<bool>();
  if (j.contains("density")) s.density = j["density"].is_boolean() && j["density"].get<bool>();
  if (j.contains("visible")) s.visible = !j["visible"].is_boolean() || j["visible"].get<bool>();
  if (j.contains("fill_by")) {
    const nlohmann::json& fb = j["fill_by"];
    TRY_ASSIGN(s.fill_by_field, r.string(fb, "field", path + "fill_by."));
    if (!fb.contains("values") || !fb["values"].is_object())
      return Error{r.fail(path + "fill_by.values", "an object of value: colour")};
    for (auto& [value, colour] : fb["values"].items()) {
      Rgba c;
      TRY_ASSIGN(c, r.colour(fb["values"], value, path + "fill_by.values.", Rgba{}));
      s.fill_by_value[value] = c;
    }
    if (fb.contains("strokes")) {
      if (!fb["strokes"].is_object()) return Error{r.fail(path + "fill_by.strokes", "an object of value: colour")};
      for (auto& [value, colour] : fb["strokes"].items()) {
        Rgba c;
        TRY_ASSIGN(c, r.colour(fb["strokes"], value, path + "fill_by.strokes.", Rgba{}));
        s.stroke_by_value[value] = c;
      }
    }
    if (fb.contains("legend")) s.legend_by_value = fb["legend"].is_boolean() && fb["legend"].get<bool>();
  }
  if (j.contains("tooltip_fields")) {
    const nlohmann::json& t = j["tooltip_fields"];
    auto strings = [](const nlohmann::json& a) {
      return a.is_array() && std::all_of(a.begin(), a.end(), [](const nlohmann::json& e) { return e.is_string(); });
    };
    if (!strings(t)) return Error{r.fail(path + "tooltip_fields", "an array of field names")};
    s.tooltip_fields = t.get<std::vector<std::string>>();
  }
  if (j.contains("size_by")) {
    const nlohmann::json& sb = j["size_by"];
    TRY_ASSIGN(s.size_by_field, r.string(sb, "field", path + "size_by."));
    float largest = 0;
    TRY_ASSIGN(largest, r.number(sb, "max", path + "size_by.", 0, 0, 3.4e38f));
    s.size_max = largest;
    TRY_ASSIGN(s.size_max_px, r.number(sb, "max_radius", path + "size_by.", s.size_max_px, 1, 256));
  }
  return s;
}

nlohmann::json editable_style_json(const LayerStyle& s) {
  nlohmann::json j = {{"visible", s.visible},         {"opacity", s.opacity},
                      {"fill", format_colour(s.fill)}, {"stroke", format_colour(s.stroke)},
                      {"stroke_width", s.stroke_width_px}, {"point_radius", s.point_radius_px},
                      {"label_field", s.label_field}, {"density", s.density}};
  j.update(by_field_json(s));
  return j;
}

}  // namespace chronoatlas::story
