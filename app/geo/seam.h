#pragma once
// Cutting geometry at a projection's seam (the antimeridian of its central meridian), so that no part spans the seam
// and draws as a streak across the map.
#include <vector>

#include "base/geometry_types.h"

namespace chronoatlas::geo {

// The seam of a projection centred on CENTRAL_MERIDIAN, in -180..180 degrees.
double seam_of(double central_meridian);

// True when the points cross the antimeridian (a step of more than 180 degrees of longitude from or to a point within
// half a degree of it, as data written for a sphere does) or lie on both sides of SEAM: either way the feature must be cut
// before it is projected. Any other edge, however long, is drawn as written, as GDAL and QGIS draw it.
bool needs_cut(const std::vector<LonLat>& points, double seam);

// POLYGON made continuous across the antimeridian (rings around a pole closed along it), then cut at SEAM and its
// 360-degree repeats by half-plane clipping, which keeps the even-odd fill of invalid input too. Vertices on a seam
// move a hair (1e-7 degrees) to their part's side, so the projection puts each part on its own edge of the map.
std::vector<Polygon> cut_polygon(const Polygon& polygon, double seam);

// LINE made continuous across the antimeridian and split where it crosses SEAM or its repeats.
std::vector<LineString> cut_line(const LineString& line, double seam);

}  // namespace chronoatlas::geo
