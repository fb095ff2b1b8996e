#include "export/view_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "story/layer_style_json.h"

namespace chronoatlas::exporting {
namespace {

using nlohmann::json;

}  // namespace

SavedView capture_view(const render::MapScene& scene, const render::MapView& view, story::Days day,
                       const render::FurnitureOptions& furniture) {
  SavedView v;
  v.scenario_dir = scene.scenario().dir;
  v.date = story::format_date(day);
  v.crs = view.projection().definition();
  view.centre(v.centre);
  v.units_per_px = view.pixels().units_per_px;
  v.width_px = view.width_px();
  v.height_px = view.height_px();
  v.ui_scale = view.ui_scale();
  v.furniture = furniture;
  for (const model::AtlasLayer& l : scene.atlas().layers()) v.styles[l.spec.id] = l.spec.style;
  return v;
}

Status write_view_file(const SavedView& v, const std::string& path) {
  json j = {{"chronoatlas_view", 1},
            {"scenario", v.scenario_dir},
            {"date", v.date},
            {"crs", v.crs},
            {"centre_lonlat", {v.centre.lon, v.centre.lat}},
            {"units_per_pixel", v.units_per_px},
            {"size", {v.width_px, v.height_px}},
            {"ui_scale", v.ui_scale},
            {"furniture", furniture_json(v.furniture)}};
  for (const auto& [id, style] : v.styles) j["layers"][id] = story::editable_style_json(style);
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
    v.furniture = read_furniture(j.at("furniture"), v.furniture);
    if (j.contains("layers"))
      for (auto& [id, style] : j["layers"].items()) {
        auto read = story::read_layer_style(story::Reader(path), style, "layers." + id + ".", story::LayerStyle{});
        if (!read) return Error{read.error()};
        v.styles[id] = *read;
      }
  } catch (const json::exception& e) {
    return Error{path + ": " + e.what()};
  }
  if (!(v.units_per_px > 0)) return Error{path + ": key 'units_per_pixel': expected a positive number"};
  if (!story::parse_iso_date(v.date)) return Error{path + ": key 'date': " + story::parse_iso_date(v.date).error()};
  return v;
}

json furniture_json(const render::FurnitureOptions& f) {
  return {{"title", f.title},   {"date", f.date},           {"legend", f.legend},
          {"scale_bar", f.scale_bar}, {"north_arrow", f.north_arrow}, {"attribution", f.attribution},
          {"graticule", f.graticule}, {"caption", f.caption}, {"transparent", f.transparent},
          {"title_text", f.title_override}};
}

render::FurnitureOptions read_furniture(const json& f, render::FurnitureOptions o) {
  if (!f.is_object()) return o;
  auto flag = [&f](const char* key, bool& value) {
    if (f.contains(key) && f[key].is_boolean()) value = f[key].get<bool>();
  };
  flag("title", o.title), flag("date", o.date), flag("legend", o.legend), flag("scale_bar", o.scale_bar);
  flag("north_arrow", o.north_arrow), flag("attribution", o.attribution), flag("graticule", o.graticule);
  flag("transparent", o.transparent), flag("caption", o.caption);
  if (f.contains("title_text") && f["title_text"].is_string()) o.title_override = f["title_text"].get<std::string>();
  return o;
}

Result<render::MapView> view_of(const SavedView& saved) {
  auto projection = geo::Projection::create(saved.crs);
  if (!projection) return Error{projection.error()};
  render::MapView v(std::move(*projection), saved.width_px, saved.height_px, saved.ui_scale);
  v.set_units_per_px(saved.units_per_px);
  if (!v.centre_on(saved.centre)) return Error{"the saved centre does not project in " + saved.crs};
  return v;
}

void apply_styles(const SavedView& saved, model::Atlas& atlas) {
  for (size_t i = 0; i < atlas.layers().size(); ++i) {
    auto it = saved.styles.find(atlas.layers()[i].spec.id);
    if (it == saved.styles.end()) continue;
    story::LayerStyle st = atlas.layers()[i].spec.style;
    st.visible = it->second.visible, st.opacity = it->second.opacity, st.fill = it->second.fill;
    st.stroke = it->second.stroke, st.stroke_width_px = it->second.stroke_width_px;
    st.point_radius_px = it->second.point_radius_px;
    atlas.set_style(i, st);
  }
}

}  // namespace chronoatlas::exporting
