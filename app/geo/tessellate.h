#pragma once
// Polygon triangulation in lon/lat, done once per layer; projection later moves the vertices, not the triangles.
#include <cstdint>
#include <vector>

#include "base/geometry_types.h"

namespace chronoatlas::geo {

struct TriangleMesh {
  std::vector<LonLat> vertices;    // degrees; includes vertices added where rings cross
  std::vector<uint32_t> indices;   // three per triangle
};

// Triangulates a polygon with holes under the even-odd rule, so self-intersecting rings (common in Natural Earth)
// and holes still fill as drawn. Appends to MESH.
void tessellate(const Polygon& polygon, TriangleMesh& mesh);

// Sum of the triangles' areas in square degrees (planar), for tests and checks.
double planar_area(const TriangleMesh& mesh);
// Shoelace area of a polygon in square degrees: |shell| minus |holes|.
double planar_area(const Polygon& polygon);

}  // namespace chronoatlas::geo
