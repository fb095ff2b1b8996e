#include "story/layer_style_json.h"

namespace chronoatlas::story {

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
  }
  return s;
}

nlohmann::json editable_style_json(const LayerStyle& s) {
  return {{"visible", s.visible},         {"opacity", s.opacity},
          {"fill", format_colour(s.fill)}, {"stroke", format_colour(s.stroke)},
          {"stroke_width", s.stroke_width_px}, {"point_radius", s.point_radius_px}};
}

}  // namespace chronoatlas::story
