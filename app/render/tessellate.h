#pragma once
// Polygon triangulation in lon/lat (GLU, so it lives beside the rest of GL), done once per layer; projection later moves the vertices, not the triangles.
#include <cstdint>
#include <vector>

#include "base/geometry_types.h"

namespace chronoatlas::render {

struct TriangleMesh {
  std::vector<LonLat> vertices;    // degrees; includes vertices added where rings cross
  std::vector<uint32_t> indices;   // three per triangle
};

// Triangulates a polygon with holes under the even-odd rule, so self-intersecting rings (common in Natural Earth)
// and holes still fill as drawn. Appends to MESH.
void tessellate(const Polygon& polygon, TriangleMesh& mesh);

// Sum of the triangles' areas in square degrees (planar), for tests and checks.
double planar_area(const TriangleMesh& mesh);

}  // namespace chronoatlas::render
