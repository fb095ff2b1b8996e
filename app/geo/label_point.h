#pragma once
#include "base/geometry_types.h"

namespace chronoatlas::geo {

// A point well inside the polygon for its label (an approximate pole of inaccessibility: the grid point inside the
// shell and outside the holes that lies farthest from every edge), in degrees.
LonLat label_point(const Polygon& polygon);

}  // namespace chronoatlas::geo
