#include "export/view_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

namespace chronoatlas::exporting {
namespace {

using nlohmann::json;

json style_json(const story::LayerStyle& s) {
  return {{"visible", s.visible},         {"opacity", s.opacity},
          {"fill", format_colour(s.fill)}, {"stroke", format_colour(s.stroke)},
          {"stroke_width", s.stroke_width_px}, {"point_radius", s.point_radius_px}};
}

void read_style(const json& j, story::LayerStyle& s) {
  s.visible = j.value("visible", s.visible);
  s.opacity = j.value("opacity", s.opacity);
  if (auto c = parse_colour(j.value("fill", std::string()))) s.fill = *c;
  if (auto c = parse_colour(j.value("stroke", std::string()))) s.stroke = *c;
  s.stroke_width_px = j.value("stroke_width", s.stroke_width_px);
  s.point_radius_px = j.value("point_radius", s.point_radius_px);
}

}  // namespace

SavedView capture_view(render::MapScene& scene, const render::View& view, story::Days day,
                       const render::FurnitureOptions& furniture) {
  SavedView v;
  v.scenario_dir = scene.scenario().dir;
  v.date = story::format_date(day);
  v.crs = scene.projection().definition();
  scene.projection().inverse(view.centre, v.centre);
  v.units_per_px = view.units_per_px;
  v.width_px = view.width_px;
  v.height_px = view.height_px;
  v.ui_scale = view.ui_scale;
  v.furniture = furniture;
  for (const auto& l : scene.layers()) v.styles[l->spec.id] = l->spec.style;
  return v;
}

Status write_view_file(const SavedView& v, const std::string& path) {
  const auto& f = v.furniture;
  json j = {{"chronoatlas_view", 1},
            {"scenario", v.scenario_dir},
            {"date", v.date},
            {"crs", v.crs},
            {"centre_lonlat", {v.centre.lon, v.centre.lat}},
            {"units_per_pixel", v.units_per_px},
            {"size", {v.width_px, v.height_px}},
            {"ui_scale", v.ui_scale},
            {"furniture",
             {{"title", f.title}, {"date", f.date}, {"legend", f.legend}, {"scale_bar", f.scale_bar},
              {"north_arrow", f.north_arrow}, {"attribution", f.attribution}, {"graticule", f.graticule},
              {"transparent", f.transparent}, {"title_text", f.title_override}}}};
  for (const auto& [id, style] : v.styles) j["layers"][id] = style_json(style);
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    if (!out) return Error{path + ": cannot be written"};
    out << j.dump(2) << "\n";
    if (!out) return Error{path + ": writing failed"};
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Error{path + ": cannot be written (" + ec.message() + ")"};
  return Ok{};
}

Result<SavedView> read_view_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{path + ": cannot be read"};
  json j = json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("chronoatlas_view"))
    return Error{path + ": not a Chronoatlas view file (expected JSON with \"chronoatlas_view\")"};
  SavedView v;
  try {
    v.scenario_dir = j.at("scenario").get<std::string>();
    v.date = j.at("date").get<std::string>();
    v.crs = j.at("crs").get<std::string>();
    v.centre = {j.at("centre_lonlat").at(0).get<double>(), j.at("centre_lonlat").at(1).get<double>()};
    v.units_per_px = j.at("units_per_pixel").get<double>();
    v.width_px = j.at("size").at(0).get<int>();
    v.height_px = j.at("size").at(1).get<int>();
    v.ui_scale = j.value("ui_scale", 1.0f);
    const json& f = j.at("furniture");
    auto& o = v.furniture;
    o.title = f.value("title", o.title), o.date = f.value("date", o.date), o.legend = f.value("legend", o.legend);
    o.scale_bar = f.value("scale_bar", o.scale_bar), o.north_arrow = f.value("north_arrow", o.north_arrow);
    o.attribution = f.value("attribution", o.attribution), o.graticule = f.value("graticule", o.graticule);
    o.transparent = f.value("transparent", o.transparent), o.title_override = f.value("title_text", std::string());
    if (j.contains("layers"))
      for (auto& [id, style] : j["layers"].items()) read_style(style, v.styles[id]);
  } catch (const json::exception& e) {
    return Error{path + ": " + e.what()};
  }
  if (!(v.units_per_px > 0)) return Error{path + ": key 'units_per_pixel': expected a positive number"};
  if (!story::parse_iso_date(v.date)) return Error{path + ": key 'date': " + story::parse_iso_date(v.date).error()};
  return v;
}

render::View view_of(const SavedView& saved, const geo::Projection& projection) {
  render::View v;
  v.width_px = saved.width_px, v.height_px = saved.height_px, v.ui_scale = saved.ui_scale;
  v.units_per_px = saved.units_per_px;
  projection.forward(saved.centre, v.centre);
  return v;
}

void apply_styles(const SavedView& saved, render::MapScene& scene, story::Days day) {
  for (auto& l : scene.layers()) {
    auto it = saved.styles.find(l->spec.id);
    if (it == saved.styles.end()) continue;
    story::LayerStyle& st = l->spec.style;
    st.visible = it->second.visible, st.opacity = it->second.opacity, st.fill = it->second.fill;
    st.stroke = it->second.stroke, st.stroke_width_px = it->second.stroke_width_px;
    st.point_radius_px = it->second.point_radius_px;
    scene.restyle(*l, day);
  }
}

}  // namespace chronoatlas::exporting
