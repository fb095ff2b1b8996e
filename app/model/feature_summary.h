#pragma once
// Which of a feature's fields its summaries show: the details panel and the map's tooltip.
#include <string>
#include <utility>
#include <vector>

#include "model/atlas.h"

namespace chronoatlas::model {

// (field, title) pairs to show for LAYER's features. A tooltip (BRIEF) shows the fields the user picked for it, else the
// first four of the rest: the scenario's details, else every field under its own name.
std::vector<std::pair<std::string, std::string>> summary_fields(const AtlasLayer& layer, bool brief);

}  // namespace chronoatlas::model
