#pragma once
// Saved views: everything needed to draw a figure again exactly (scenario, date, CRS, centre, scale, size, layer
// styles, furniture), as JSON.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "base/result.h"
#include "document/story_document.h"
#include "render/map_scene.h"

namespace chronoatlas::exporting {

struct SavedView {
  std::string scenario_dir;
  std::string date;                          // YYYY-MM-DD
  std::string crs;                           // PROJ definition
  LonLat centre{0, 0};                       // degrees
  double units_per_px = 0;                   // projected units per pixel at WIDTH
  int width_px = 1920, height_px = 1080;
  float ui_scale = 1;
  render::FurnitureOptions furniture;
  std::map<std::string, story::LayerStyle> styles;  // by layer id
  std::vector<std::string> added_files;      // vector files added to the scenario's layers, as they were given
  std::map<std::string, story::LayerTime> times;  // by layer id: how each layer's features live on the timeline
};

// Captures what VIEW shows of the scene's atlas at DAY.
SavedView capture_view(const render::MapScene& scene, const render::MapView& view, story::Days day,
                       const render::FurnitureOptions& furniture);
Status write_view_file(const SavedView& view, const std::string& path);
// The view as JSON, and back (errors name PATH and the key): the view file's contents, also kept in the app's session.
nlohmann::json view_json(const SavedView& view);
Result<SavedView> read_view_json(const nlohmann::json& j, const std::string& path);
// Errors name the file and the key.
Result<SavedView> read_view_file(const std::string& path);
// The same from TEXT, the file's contents; PATH names it in errors.
Result<SavedView> parse_view_file(const std::string& text, const std::string& path);
// Furniture switches as JSON, for saved views and the app's settings alike. Keys missing or of the wrong type keep
// BASE's value.
nlohmann::json furniture_json(const render::FurnitureOptions& furniture);
render::FurnitureOptions read_furniture(const nlohmann::json& j, render::FurnitureOptions base);
// The saved view at its saved size, in the saved CRS. Redraws at another size go through MapView::scaled(), so the
// app, the CLI and the export panel share one rule: the same ground width.
Result<render::MapView> view_of(const SavedView& saved);
// Applies the saved styles to the atlas's layers of the same id.
void apply_styles(const SavedView& saved, document::StoryDocument& document);
// Applies the saved time settings to the layers of the same id whose settings differ; unreadable dates are named in
// WARNINGS.
void apply_times(const SavedView& saved, document::StoryDocument& document, std::vector<std::string>& warnings);
// Whether a saved view may open the database connections it names: the user's own session may, a view file that
// anyone may have written may not (unless the user says so, as with render --allow-connections).
enum class Connections { Refused, Allowed };

// Adds the saved view's added files that the atlas lacks, with their features' warnings in WARNINGS. A file that
// cannot be read, or a connection refused, is skipped and its reason returned: the caller decides whether the rest
// of the view is enough.
std::vector<std::string> add_saved_files(const SavedView& saved, document::StoryDocument& document,
                                         std::vector<std::string>& warnings, Connections connections);

}  // namespace chronoatlas::exporting
