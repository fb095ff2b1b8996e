#include "document/connections.h"

#include <algorithm>

#include "base/files.h"

namespace chronoatlas::document {

std::vector<std::string> connecting_layers(const story::Scenario& scenario) {
  std::vector<std::string> out;
  for (const story::LayerSpec& l : scenario.layers)
    if (is_database_source(l.source)) out.push_back(l.id + " (" + l.source + ")");
  return out;
}

story::Scenario without_connections(story::Scenario scenario, std::vector<std::string>& warnings) {
  for (const std::string& named : connecting_layers(scenario))
    warnings.push_back("layer " + named + " was not opened: a story may not connect to a server by itself; if you "
                       "trust it, add the connection with Add file (Ctrl+O)");
  std::erase_if(scenario.layers, [](const story::LayerSpec& l) { return is_database_source(l.source); });
  return scenario;
}

}  // namespace chronoatlas::document
