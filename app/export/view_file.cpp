#include "export/view_file.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "base/files.h"
#include "document/commands.h"
#include "render/image.h"
#include "story/layer_style_json.h"

namespace chronoatlas::exporting {
namespace {

using nlohmann::json;

// The number at KEY (or KEY[INDEX]) within [LO, HI], or an error naming the file and key: a view file may come from
// anyone, and a size of 1e12 or a scale of 1e308 must be refused before it reaches an allocation or the GPU.
Result<double> number_in(const std::string& path, const json& j, const std::string& key, int index, double lo,
                         double hi) {
  const std::string where = index < 0 ? key : key + "[" + std::to_string(index) + "]";
  const json* v = j.contains(key) ? &j[key] : nullptr;
  if (v && index >= 0) v = v->is_array() && v->size() > static_cast<size_t>(index) ? &(*v)[index] : nullptr;
  if (!v || !v->is_number()) return Error{path + ": key '" + where + "': expected a number"};
  const double x = v->get<double>();
  if (!(x >= lo && x <= hi))
    return Error{path + ": key '" + where + "': " + json(x).dump() + " is outside " + json(lo).dump() + " to " +
                 json(hi).dump()};
  return x;
}

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
  for (const model::AtlasLayer& l : scene.atlas().layers()) v.styles[l.spec.id] = l.spec.style, v.times[l.spec.id] = l.spec.time;
  v.added_files = scene.atlas().added_files();
  return v;
}

json view_json(const SavedView& v) {
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
  if (!v.added_files.empty()) j["added_files"] = v.added_files;
  for (const auto& [id, t] : v.times)
    j["layer_times"][id] = {{"mode", story::time_mode_name(t.mode)}, {"start_field", t.start_field},
                            {"end_field", t.end_field}, {"instant_field", t.instant_field},
                            {"duration_days", t.duration_days}, {"fade_days", t.fade_days},
                            {"day_first", t.day_first}};
  return j;
}

Status write_view_file(const SavedView& v, const std::string& path) {
  return write_text_file(path, view_json(v).dump(2) + "\n");
}

Result<SavedView> read_view_file(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return Error{text.error()};
  return parse_view_file(*text, path);
}

Result<SavedView> parse_view_file(const std::string& text, const std::string& path) {
  return read_view_json(json::parse(text, nullptr, false), path);
}

Result<SavedView> read_view_json(const json& j, const std::string& path) {
  if (j.is_discarded() || !j.is_object() || !j.contains("chronoatlas_view"))
    return Error{path + ": not a Chronoatlas view file (expected JSON with \"chronoatlas_view\")"};
  SavedView v;
  try {
    v.scenario_dir = j.at("scenario").get<std::string>();
    v.date = j.at("date").get<std::string>();
    v.crs = j.at("crs").get<std::string>();
    auto lon = number_in(path, j, "centre_lonlat", 0, -180, 180), lat = number_in(path, j, "centre_lonlat", 1, -90, 90);
    // Projected units per pixel: from millimetres (metric CRSs) to a degree's ten-billionth (geographic ones) at the
    // fine end, to a whole planet across one pixel at the coarse end.
    auto upp = number_in(path, j, "units_per_pixel", -1, 1e-10, 4e7);
    auto w = number_in(path, j, "size", 0, 1, render::kMaxImageSide), h = number_in(path, j, "size", 1, 1, render::kMaxImageSide);
    auto ui = j.contains("ui_scale") ? number_in(path, j, "ui_scale", -1, 0.25, 16) : Result<double>(1.0);
    for (const Result<double>* r : {&lon, &lat, &upp, &w, &h, &ui})
      if (!*r) return Error{r->error()};
    v.centre = {*lon, *lat};
    v.units_per_px = *upp;
    v.width_px = static_cast<int>(*w);
    v.height_px = static_cast<int>(*h);
    v.ui_scale = static_cast<float>(*ui);
    v.furniture = read_furniture(j.at("furniture"), v.furniture);
    if (j.contains("added_files")) v.added_files = j["added_files"].get<std::vector<std::string>>();
    if (j.contains("layer_times"))
      for (auto& [id, t] : j["layer_times"].items()) {
        story::LayerTime time;
        if (!story::time_mode_from_name(t.at("mode").get<std::string>(), time.mode))
          return Error{path + ": key 'layer_times." + id + ".mode': expected \"interval\", \"instant\" or \"cumulative\""};
        time.start_field = t.at("start_field").get<std::string>();
        time.end_field = t.at("end_field").get<std::string>();
        time.instant_field = t.at("instant_field").get<std::string>();
        auto days = number_in(path, t, "duration_days", -1, 1.0 / 1440, 36525);
        if (!days) return Error{days.error()};
        time.duration_days = *days;
        if (t.contains("day_first")) {
          if (!t["day_first"].is_boolean())
            return Error{path + ": key 'layer_times." + id + ".day_first': expected true or false"};
          time.day_first = t["day_first"].get<bool>();
        }
        if (t.contains("fade_days")) {
          auto fade = number_in(path, t, "fade_days", -1, 0, 36525);
          if (!fade) return Error{fade.error()};
          time.fade_days = *fade;
        }
        v.times[id] = time;
      }
    if (j.contains("layers"))
      for (auto& [id, style] : j["layers"].items()) {
        auto read = story::read_layer_style(story::Reader(path), style, "layers." + id + ".", story::LayerStyle{});
        if (!read) return Error{read.error()};
        v.styles[id] = *read;
      }
  } catch (const json::exception& e) {
    return Error{path + ": " + e.what()};
  }
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

std::vector<std::string> add_saved_files(const SavedView& saved, document::StoryDocument& doc,
                                         std::vector<std::string>& warnings, Connections connections) {
  std::vector<std::string> failed;
  std::vector<std::string> present = doc.atlas().added_files();
  for (const std::string& path : saved.added_files) {
    // Named twice (or 20,000 times) is one layer.
    if (std::find(present.begin(), present.end(), path) != present.end()) continue;
    present.push_back(path);
    if (connections == Connections::Refused && is_database_source(path)) {
      failed.push_back(path + " was not opened: a view file may not connect to a server by itself; if you trust it, "
                              "add the connection yourself (--layer, or Add file in the app)");
      continue;
    }
    if (auto added = document::add_file(doc, path, warnings); !added) failed.push_back(added.error());
  }
  return failed;
}

void apply_times(const SavedView& saved, document::StoryDocument& doc, std::vector<std::string>& warnings) {
  const model::Atlas& atlas = doc.atlas();
  for (size_t i = 0; i < atlas.layers().size(); ++i) {
    auto it = saved.times.find(atlas.layers()[i].spec.id);
    if (it == saved.times.end()) continue;
    if (atlas.layers()[i].spec.time != it->second) (void)doc.execute(document::set_time(i, it->second), warnings);
  }
}

void apply_styles(const SavedView& saved, document::StoryDocument& doc) {
  const model::Atlas& atlas = doc.atlas();
  for (size_t i = 0; i < atlas.layers().size(); ++i) {
    auto it = saved.styles.find(atlas.layers()[i].spec.id);
    if (it == saved.styles.end()) continue;
    story::LayerStyle st = atlas.layers()[i].spec.style;
    st.visible = it->second.visible, st.opacity = it->second.opacity, st.fill = it->second.fill;
    st.stroke = it->second.stroke, st.stroke_width_px = it->second.stroke_width_px;
    st.point_radius_px = it->second.point_radius_px, st.density = it->second.density;
    // Views saved before these keys existed leave the layer's own labels and colours alone.
    const story::LayerStyle& saved_style = it->second;
    if (!saved_style.label_field.empty()) st.label_field = saved_style.label_field;
    if (!saved_style.tooltip_fields.empty()) st.tooltip_fields = saved_style.tooltip_fields;
    if (!saved_style.fill_by_field.empty()) {
      st.fill_by_field = saved_style.fill_by_field, st.fill_by_value = saved_style.fill_by_value;
      st.stroke_by_value = saved_style.stroke_by_value, st.legend_by_value = saved_style.legend_by_value;
    }
    if (!saved_style.size_by_field.empty())
      st.size_by_field = saved_style.size_by_field, st.size_max = saved_style.size_max, st.size_max_px = saved_style.size_max_px;
    std::vector<std::string> none;  // restyling an existing layer reads nothing
    (void)doc.execute(document::set_style(i, st), none);
  }
}

}  // namespace chronoatlas::exporting
