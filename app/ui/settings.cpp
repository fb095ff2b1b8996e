#include "ui/settings.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "export/view_file.h"

namespace chronoatlas::ui {

// Settings are a convenience: an unreadable or partial file leaves the defaults in place.
void load_settings(AppState& s, const std::string& path) {
  std::ifstream in(path);
  if (!in) return;
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) return;
  s.playback.days_per_second = j.value("days_per_second", s.playback.days_per_second);
  s.playback.loop = j.value("loop", s.playback.loop);
  if (j.contains("furniture")) s.furniture = exporting::read_furniture(j["furniture"], s.furniture);
  s.exporting.preset = j.value("export_preset", s.exporting.preset);
  s.exporting.width = j.value("export_width", s.exporting.width);
  s.exporting.height = j.value("export_height", s.exporting.height);
  s.exporting.transparent = j.value("export_transparent", s.exporting.transparent);
}

void save_settings(const AppState& s, const std::string& path) {
  nlohmann::json j = {{"days_per_second", s.playback.days_per_second},
                      {"loop", s.playback.loop},
                      {"furniture", exporting::furniture_json(s.furniture)},
                      {"export_preset", s.exporting.preset},
                      {"export_width", s.exporting.width},
                      {"export_height", s.exporting.height},
                      {"export_transparent", s.exporting.transparent}};
  std::ofstream(path) << j.dump(2) << "\n";
}

}  // namespace chronoatlas::ui
