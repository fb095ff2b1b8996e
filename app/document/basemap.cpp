#include "document/basemap.h"

#include <algorithm>

#include "document/commands.h"

namespace chronoatlas::document {

Result<Basemap> read_basemap(const std::string& dir, const DiskCache* cache) {
  auto scenario = story::load_scenario(dir);
  if (!scenario) return Error{"the basemap: " + scenario.error()};
  Basemap out;
  for (const story::LayerSpec& spec : scenario->layers) {
    auto read = model::Atlas::read_file(spec.source, cache, scenario->view);
    if (!read) return Error{"the basemap: " + read.error()};
    geo::LoadReport& report = read->report;
    out.warnings.insert(out.warnings.end(), report.warnings.begin(), report.warnings.end());
    auto it = std::find_if(report.layers.begin(), report.layers.end(), [&](const geo::VectorLayer& l) {
      return spec.source_layer.empty() || l.name == spec.source_layer;
    });
    if (it == report.layers.end()) return Error{"the basemap: " + spec.source + " has no layer to draw"};
    out.layers.emplace_back(spec, std::move(*it));
  }
  return out;
}

Status add_basemap(StoryDocument& document, Basemap basemap, std::vector<std::string>& warnings) {
  warnings.insert(warnings.end(), basemap.warnings.begin(), basemap.warnings.end());
  for (size_t i = 0; i < basemap.layers.size(); ++i) {
    auto& [spec, data] = basemap.layers[i];
    if (auto s = document.execute(add_data_layer(spec, std::move(data)), warnings); !s) return s;
    if (auto s = document.execute(move_layer(document.atlas().layers().size() - 1, i), warnings); !s) return s;
  }
  return Ok{};
}

}  // namespace chronoatlas::document
