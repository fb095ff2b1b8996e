#pragma once
#include "base/geometry_types.h"

namespace chronoatlas::geo {

// Inserts points so that no step is longer than MAX_STEP_DEG degrees, so straight lon/lat edges (clip lines,
// graticule) bend as the projection bends them.
std::vector<LonLat> densify(const std::vector<LonLat>& line, double max_step_deg);

}  // namespace chronoatlas::geo
