#pragma once
#include <optional>

#include "base/geometry_types.h"

namespace chronoatlas::geo {

// A point well inside the polygon for its label (an approximate pole of inaccessibility: the grid point inside the
// shell and outside the holes that lies farthest from every edge), in degrees.
LonLat label_point(const Polygon& polygon);

// Degrees from P to POLYGON's nearest edge: positive inside it, negative outside.
double distance_inside(const Polygon& polygon, LonLat p);

// The label point of the part of POLYGON inside BOX, or nothing when no part is. For features far larger than the
// map's usual view (Russia), whose own label point lies outside it.
std::optional<LonLat> label_point_within(const Polygon& polygon, const BoundsLonLat& box);

}  // namespace chronoatlas::geo
