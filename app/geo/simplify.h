#pragma once
#include <vector>

#include "base/geometry_types.h"

namespace chronoatlas::geo {

// Douglas-Peucker: drops points closer than TOLERANCE_DEG degrees to the simplified line. Keeps both ends, so a
// closed ring stays closed; a ring that collapses below 4 points comes back empty.
std::vector<LonLat> simplify(const std::vector<LonLat>& line, double tolerance_deg, bool ring);

}  // namespace chronoatlas::geo
