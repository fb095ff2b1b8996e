#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "export/image_facts.h"
#include "export/interrupt.h"
#include "geo/vector_source.h"
#include "model/time_detection.h"

namespace chronoatlas::cli {
namespace {

// What detect_time found, as info --json reports it: {"kind": "instant", "field": "event_date", "first": ...}.
nlohmann::json time_json(const model::TimeDetection& d) {
  const story::LayerTime& t = d.time;
  if (!t.any()) {
    nlohmann::json none = {{"kind", "none"}};
    if (!d.undated_field.empty()) none["undated_field"] = d.undated_field, none["undated_values"] = d.undated_values;
    return none;
  }
  nlohmann::json j = {{"kind", story::time_mode_name(t.mode)}};
  if (t.mode == story::TimeMode::Interval) {
    j["start_field"] = t.start_field.empty() ? nlohmann::json(nullptr) : nlohmann::json(t.start_field);
    j["end_field"] = t.end_field.empty() ? nlohmann::json(nullptr) : nlohmann::json(t.end_field);
    if (!t.instant_field.empty()) j["instant_field"] = t.instant_field;
  } else {
    j["field"] = t.start_field;
  }
  const auto moment = [](story::Days at) {
    return at == std::floor(at) ? story::format_date(at) : story::format_date_time(at);
  };
  j["first"] = moment(d.first);
  j["last"] = moment(d.last);
  j["unparsed"] = d.unparsed;
  j["placeholders"] = d.placeholders;
  j["utc_offsets"] = d.offsets;
  if (d.day_order.seen) j["numeric_dates"] = model::day_order_text(d.day_order);
  return j;
}

std::string time_text(const nlohmann::json& t) {
  if (t["kind"] == "none" && t.contains("undated_field"))
    return "none: field '" + t["undated_field"].get<std::string>() + "' is named as a time field, but " +
           t["undated_values"].dump() + " of its values are not dates (the layer looks the same on every date)";
  if (t["kind"] == "none") return "none (the layer looks the same on every date)";
  std::string fields = t.contains("field") ? "field " + t["field"].get<std::string>()
                                           : "fields " + t["start_field"].dump() + " to " + t["end_field"].dump();
  std::string s = t["kind"].get<std::string>() + ", " + fields + ", " + t["first"].get<std::string>() + " to " +
                  t["last"].get<std::string>();
  if (t["unparsed"].get<size_t>() > 0) s += ", " + t["unparsed"].dump() + " unreadable";
  if (t["placeholders"].get<size_t>() > 0)
    s += ", " + t["placeholders"].dump() + " outside 1800 to 2200 (placeholders of unknown dates, not drawn)";
  if (t["utc_offsets"].get<size_t>() > 0)
    s += ", " + t["utc_offsets"].dump() + " with a UTC offset (times shown as written, the offset not applied)";
  if (t.contains("numeric_dates")) s += "; " + t["numeric_dates"].get<std::string>();
  return s;
}

// An image (an export): its size, bands, CRS and the resolution a layout program places it at.
int print_image(const exporting::ImageFacts& f, bool json_out) {
  nlohmann::json dpi = nullptr;
  if (f.dpi_x) dpi = {*f.dpi_x, *f.dpi_y};
  if (json_out) {
    nlohmann::json j{{"image", {{"driver", f.driver}, {"size", {f.width, f.height}}, {"bands", f.bands},
                                {"crs", f.crs}, {"dpi", dpi}}}};
    std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return 0;
  }
  std::printf("Image: %s\n  Size: %d x %d pixels, %d band(s)\n  CRS: %s\n", f.driver.c_str(), f.width, f.height,
              f.bands, f.crs.empty() ? "(none in the file)" : f.crs.c_str());
  if (!f.dpi_x) std::printf("  Resolution: not stated (a layout program assumes 72 dpi)\n");
  else
    std::printf("  Resolution: %.0f x %.0f dpi (%.1f x %.1f cm at that resolution)\n", *f.dpi_x, *f.dpi_y,
                f.width / *f.dpi_x * 2.54, f.height / *f.dpi_y * 2.54);
  return 0;
}

}  // namespace

int run_info(const std::vector<std::string>& args) {
  bool json_out = false;
  std::string path;
  for (const std::string& a : args) {
    if (a == "--json") json_out = true;
    else if (a == "--help") {
      std::puts("Usage: chronoatlas info PATH [--json]\nPrints each layer's name, geometry type, feature count, CRS and "
                "lon/lat extent; for an image (an export), its size, CRS and resolution in dpi.");
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "chronoatlas info: unknown option %s\n", a.c_str());
      return 1;
    } else if (!path.empty()) {
      std::fprintf(stderr, "chronoatlas info: one PATH at a time (got %s and %s)\n", path.c_str(), a.c_str());
      return 1;
    } else path = a;
  }
  if (path.empty()) {
    std::fprintf(stderr, "chronoatlas info: give a PATH (see chronoatlas info --help)\n");
    return 1;
  }
  exporting::stop_on_signals();
  if (exporting::is_image_file(path)) {
    auto image = exporting::image_facts(path);
    if (!image) return std::fprintf(stderr, "chronoatlas info: %s\n", image.error().c_str()), 1;
    return print_image(*image, json_out);
  }
  auto report = geo::load_vector_source(path);
  if (!report) {
    std::fprintf(stderr, "chronoatlas info: %s\n", report.error().c_str());
    return 1;
  }
  for (const std::string& w : report->warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  if (report->layers.empty()) {
    std::fprintf(stderr, "chronoatlas info: %s: no usable layer (see the warnings above)\n", path.c_str());
    return 1;
  }
  nlohmann::json layers = nlohmann::json::array();
  for (const geo::VectorLayer& l : report->layers) {
    nlohmann::json extent = nullptr;
    if (!l.extent.empty()) extent = {l.extent.west, l.extent.south, l.extent.east, l.extent.north};
    const nlohmann::json time = time_json(model::detect_time(l));
    layers.push_back({{"name", l.name}, {"geometry_type", l.geometry_type}, {"feature_count", l.features.size()},
                      {"crs", l.crs}, {"extent_lonlat", extent}, {"time", time}});
    if (!json_out) {
      std::printf("Layer: %s\n  Geometry: %s\n  Features: %zu\n  CRS: %s\n", l.name.c_str(), l.geometry_type.c_str(),
                  l.features.size(), l.crs.c_str());
      if (l.extent.empty()) std::printf("  Extent: (empty)\n");
      else std::printf("  Extent (lon/lat): %.6f, %.6f, %.6f, %.6f\n", l.extent.west, l.extent.south, l.extent.east,
                       l.extent.north);
      std::printf("  Time: %s\n", time_text(time).c_str());
    }
  }
  // Strings from the file are valid UTF-8 already (the reader replaced bad bytes); "replace" guards the rest.
  if (json_out)
    std::printf("%s\n", nlohmann::json{{"layers", layers}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return 0;
}

}  // namespace chronoatlas::cli
