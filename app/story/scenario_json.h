#pragma once
// A scenario as the JSON that load_scenario() reads back: the writer of scenario.json and sources.json.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "story/scenario.h"

namespace chronoatlas::story {

// SCENARIO's manifest; layer I reads from SOURCES[I] (a path relative to the folder, or a database connection).
nlohmann::json scenario_json(const Scenario& scenario, const std::vector<std::string>& sources);
// SOURCES as sources.json, in id order.
nlohmann::json sources_json(const SourceList& sources);
// A moment as the manifest writes it: YYYY-MM-DD at the start of a day (or, with END_OF_DAY, at its end: the time
// rule for figures), YYYY-MM-DDTHH:MM otherwise.
std::string manifest_date(Days t, bool end_of_day = false);

}  // namespace chronoatlas::story
