#include <gtest/gtest.h>

#include "geo/planar.h"
#include "render/tessellate.h"
#include "geo/vector_source.h"

using namespace chronoatlas;

namespace {
Ring square(double x0, double y0, double size) {
  return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
}
}  // namespace

TEST(Tessellate, AreaOfTrianglesEqualsPolygonAreaWithHolesSubtracted) {
  Polygon p = {square(0, 0, 10), square(2, 2, 3), square(6, 6, 2)};
  render::TriangleMesh mesh;
  render::tessellate(p, mesh);
  EXPECT_NEAR(geo::planar_area(p), 100 - 9 - 4, 1e-9);
  EXPECT_NEAR(render::planar_area(mesh), 87, 1e-9);
}

TEST(Tessellate, SelfIntersectingBowtieStillYieldsTriangles) {
  Polygon bowtie = {{{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}}};
  render::TriangleMesh mesh;
  render::tessellate(bowtie, mesh);
  EXPECT_GE(mesh.indices.size(), 6u);
  EXPECT_NEAR(render::planar_area(mesh), 2.0, 1e-9);  // two triangles of area 1, meeting at the crossing
}

TEST(Tessellate, EveryCountryOfTheBundledDataMatchesItsArea) {
  auto r = geo::load_vector_source(std::string(GEODATA_DIR) + "/countries.geojson");
  ASSERT_TRUE(r) << r.error();
  int checked = 0;
  for (const auto& f : r->layers[0].features)
    for (const Polygon& p : f.polygons) {
      render::TriangleMesh mesh;
      render::tessellate(p, mesh);
      double want = geo::planar_area(p);
      EXPECT_NEAR(render::planar_area(mesh), want, 1e-6 + want * 1e-6);
      ++checked;
    }
  EXPECT_GT(checked, 1000);
}
