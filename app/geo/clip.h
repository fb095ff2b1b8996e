#pragma once
// Clipping rings against a half-plane (Sutherland-Hodgman). For every point on the kept side the number of rings
// around it is unchanged, so even-odd fills of the clipped pieces match the original, valid input or not.
#include "base/geometry_types.h"

namespace chronoatlas::geo {

enum class Axis { Lon, Lat };

// The part of RING where AXIS <= AT (KEEP_BELOW) or >= AT, closed again; empty when fewer than 3 points remain.
Ring clip_ring(const Ring& ring, Axis axis, double at, bool keep_below);
// Every ring of POLYGON clipped; rings that vanish are dropped.
Polygon clip_polygon(const Polygon& polygon, Axis axis, double at, bool keep_below);

}  // namespace chronoatlas::geo
