#pragma once
// Plane geometry shared by every module: in degrees (lon, lat taken as x, y) or in projected units and pixels alike.
#include "base/geometry_types.h"

namespace chronoatlas::geo {

inline XY as_xy(LonLat p) { return {p.lon, p.lat}; }

// Squared distance from P to the segment AB (to A when A and B coincide).
double squared_distance_to_segment(XY p, XY a, XY b);
inline double squared_distance_to_segment(LonLat p, LonLat a, LonLat b) {
  return squared_distance_to_segment(as_xy(p), as_xy(a), as_xy(b));
}

// True when P lies inside RING, or inside POLYGON under the even-odd rule (holes and self-crossings included).
bool inside_even_odd(const Ring& ring, LonLat p);
bool inside_even_odd(const Polygon& polygon, LonLat p);

// Shoelace area of a polygon in square degrees: |shell| minus |holes|.
double planar_area(const Polygon& polygon);
// The part of POLYGONS with the largest planar_area (stored in AREA when given), or null when there is none.
const Polygon* largest_polygon(const std::vector<Polygon>& polygons, double* area = nullptr);

}  // namespace chronoatlas::geo
