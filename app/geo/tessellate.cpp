#include "geo/tessellate.h"

#include <cmath>
#include <array>
#include <cstdint>
#include <deque>

#include <GL/glu.h>

namespace chronoatlas::geo {
namespace {

// GLU calls back with vertex indices; it may invent vertices where edges cross (the combine callback).
struct TessState {
  TriangleMesh* mesh;
  std::deque<std::array<GLdouble, 3>> coords;  // stable addresses for GLU
  std::vector<uint32_t> pending;
};

void on_vertex(void* vertex, void* user) {
  auto* s = static_cast<TessState*>(user);
  s->pending.push_back(static_cast<uint32_t>(reinterpret_cast<uintptr_t>(vertex)));
}

void on_end(void* user) {
  auto* s = static_cast<TessState*>(user);
  size_t whole = s->pending.size() - s->pending.size() % 3;
  s->mesh->indices.insert(s->mesh->indices.end(), s->pending.begin(), s->pending.begin() + whole);
  s->pending.clear();
}

void on_combine(GLdouble coords[3], void*[4], GLfloat[4], void** out, void* user) {
  auto* s = static_cast<TessState*>(user);
  s->mesh->vertices.push_back({coords[0], coords[1]});
  *out = reinterpret_cast<void*>(static_cast<uintptr_t>(s->mesh->vertices.size() - 1));
}

// With an edge-flag callback GLU emits independent triangles only (no fans or strips).
void on_edge_flag(GLboolean, void*) {}

using Callback = void (*)();

}  // namespace

void tessellate(const Polygon& polygon, TriangleMesh& mesh) {
  GLUtesselator* tess = gluNewTess();
  TessState state{&mesh, {}, {}};
  gluTessCallback(tess, GLU_TESS_VERTEX_DATA, reinterpret_cast<Callback>(on_vertex));
  gluTessCallback(tess, GLU_TESS_END_DATA, reinterpret_cast<Callback>(on_end));
  gluTessCallback(tess, GLU_TESS_COMBINE_DATA, reinterpret_cast<Callback>(on_combine));
  gluTessCallback(tess, GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<Callback>(on_edge_flag));
  gluTessProperty(tess, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
  gluTessNormal(tess, 0, 0, 1);
  gluTessBeginPolygon(tess, &state);
  for (const Ring& ring : polygon) {
    gluTessBeginContour(tess);
    // The closing point repeats the first: GLU closes contours itself.
    for (size_t i = 0; i + 1 < ring.size(); ++i) {
      auto& c = state.coords.emplace_back(std::array<GLdouble, 3>{ring[i].lon, ring[i].lat, 0});
      mesh.vertices.push_back(ring[i]);
      gluTessVertex(tess, c.data(), reinterpret_cast<void*>(static_cast<uintptr_t>(mesh.vertices.size() - 1)));
    }
    gluTessEndContour(tess);
  }
  gluTessEndPolygon(tess);
  gluDeleteTess(tess);
}

double planar_area(const TriangleMesh& mesh) {
  double sum = 0;
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    LonLat a = mesh.vertices[mesh.indices[i]], b = mesh.vertices[mesh.indices[i + 1]],
           c = mesh.vertices[mesh.indices[i + 2]];
    sum += std::fabs((b.lon - a.lon) * (c.lat - a.lat) - (c.lon - a.lon) * (b.lat - a.lat)) / 2;
  }
  return sum;
}

double planar_area(const Polygon& polygon) {
  double total = 0;
  for (size_t r = 0; r < polygon.size(); ++r) {
    double twice = 0;
    const Ring& ring = polygon[r];
    for (size_t i = 0; i + 1 < ring.size(); ++i)
      twice += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
    total += (r == 0 ? 1 : -1) * std::fabs(twice) / 2;
  }
  return total;
}

}  // namespace chronoatlas::geo
