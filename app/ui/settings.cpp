#include "ui/settings.h"

#include <fstream>

#include <nlohmann/json.hpp>

namespace chronoatlas::ui {

// Settings are a convenience: an unreadable or partial file leaves the defaults in place.
void load_settings(AppState& s, const std::string& path) {
  std::ifstream in(path);
  if (!in) return;
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) return;
  s.playback.days_per_second = j.value("days_per_second", s.playback.days_per_second);
  s.playback.loop = j.value("loop", s.playback.loop);
  auto& f = s.furniture;
  if (j.contains("furniture") && j["furniture"].is_object()) {
    const auto& k = j["furniture"];
    f.title = k.value("title", f.title), f.date = k.value("date", f.date), f.legend = k.value("legend", f.legend);
    f.scale_bar = k.value("scale_bar", f.scale_bar), f.north_arrow = k.value("north_arrow", f.north_arrow);
    f.attribution = k.value("attribution", f.attribution), f.graticule = k.value("graticule", f.graticule);
  }
  s.exporting.preset = j.value("export_preset", s.exporting.preset);
  s.exporting.width = j.value("export_width", s.exporting.width);
  s.exporting.height = j.value("export_height", s.exporting.height);
  s.exporting.transparent = j.value("export_transparent", s.exporting.transparent);
}

void save_settings(const AppState& s, const std::string& path) {
  const auto& f = s.furniture;
  nlohmann::json j = {{"days_per_second", s.playback.days_per_second},
                      {"loop", s.playback.loop},
                      {"furniture",
                       {{"title", f.title}, {"date", f.date}, {"legend", f.legend}, {"scale_bar", f.scale_bar},
                        {"north_arrow", f.north_arrow}, {"attribution", f.attribution}, {"graticule", f.graticule}}},
                      {"export_preset", s.exporting.preset},
                      {"export_width", s.exporting.width},
                      {"export_height", s.exporting.height},
                      {"export_transparent", s.exporting.transparent}};
  std::ofstream(path) << j.dump(2) << "\n";
}

}  // namespace chronoatlas::ui
