#include "render/tessellate.h"

#include <cmath>
#include <array>
#include <cstdint>
#include <deque>

#include <GL/glu.h>

#include "geo/clip.h"

namespace chronoatlas::render {

using geo::Axis;
using geo::clip_polygon;
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

// One GLU tessellator a thread, set up once: creating one per polygon dominates for small polygons.
GLUtesselator* tessellator() {
  struct Owner {
    GLUtesselator* tess = gluNewTess();
    ~Owner() { gluDeleteTess(tess); }
  };
  thread_local Owner owner;
  static thread_local bool ready = false;
  if (!ready) {
    gluTessCallback(owner.tess, GLU_TESS_VERTEX_DATA, reinterpret_cast<Callback>(on_vertex));
    gluTessCallback(owner.tess, GLU_TESS_END_DATA, reinterpret_cast<Callback>(on_end));
    gluTessCallback(owner.tess, GLU_TESS_COMBINE_DATA, reinterpret_cast<Callback>(on_combine));
    gluTessCallback(owner.tess, GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<Callback>(on_edge_flag));
    gluTessProperty(owner.tess, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    gluTessNormal(owner.tess, 0, 0, 1);
    ready = true;
  }
  return owner.tess;
}

// A single ring that turns the same way at every corner: a triangle fan covers it exactly.
bool convex_without_holes(const Polygon& polygon) {
  if (polygon.size() != 1) return false;
  const Ring& r = polygon.front();
  size_t n = r.size() - 1;  // without the closing point
  if (n < 3) return false;
  int sign = 0;
  for (size_t i = 0; i < n; ++i) {
    LonLat a = r[i], b = r[(i + 1) % n], c = r[(i + 2) % n];
    double cross = (b.lon - a.lon) * (c.lat - b.lat) - (b.lat - a.lat) * (c.lon - b.lon);
    if (cross == 0) continue;
    int s = cross > 0 ? 1 : -1;
    if (sign != 0 && s != sign) return false;
    sign = s;
  }
  // Turning one way is not enough for a star: the total turn must be one revolution, so check the angle sum.
  double turn = 0;
  for (size_t i = 0; i < n; ++i) {
    LonLat a = r[i], b = r[(i + 1) % n], c = r[(i + 2) % n];
    double a1 = std::atan2(b.lat - a.lat, b.lon - a.lon), a2 = std::atan2(c.lat - b.lat, c.lon - b.lon);
    double d = a2 - a1;
    while (d > M_PI) d -= 2 * M_PI;
    while (d < -M_PI) d += 2 * M_PI;
    turn += d;
  }
  return sign != 0 && std::fabs(std::fabs(turn) - 2 * M_PI) < 1e-6;
}

// GLU's sweep slows down badly (worse than linearly) with the edges of very large polygons, so those are halved
// until each piece is small. Clipping every ring against a half-plane keeps, for each point on that side, the number
// of rings around it, so the even-odd fill of the pieces is exactly the polygon's.
constexpr size_t kMaxTessellatedVertices = 4096;

size_t vertex_count(const Polygon& p) {
  size_t n = 0;
  for (const Ring& r : p) n += r.size();
  return n;
}

void tessellate_piece(const Polygon& polygon, TriangleMesh& mesh, int depth);

}  // namespace

void tessellate(const Polygon& polygon, TriangleMesh& mesh) { tessellate_piece(polygon, mesh, 0); }

namespace {

void tessellate_piece(const Polygon& polygon, TriangleMesh& mesh, int depth) {
  if (vertex_count(polygon) > kMaxTessellatedVertices && depth < 24) {
    BoundsLonLat b;
    for (const Ring& r : polygon)
      for (LonLat p : r) b.extend(p);
    Axis axis = b.east - b.west >= b.north - b.south ? Axis::Lon : Axis::Lat;
    double at = axis == Axis::Lon ? (b.west + b.east) / 2 : (b.south + b.north) / 2;
    for (bool below : {true, false})
      if (Polygon half = clip_polygon(polygon, axis, at, below); !half.empty())
        tessellate_piece(half, mesh, depth + 1);
    return;
  }
  if (convex_without_holes(polygon)) {
    const Ring& r = polygon.front();
    auto base = static_cast<uint32_t>(mesh.vertices.size());
    uint32_t n = static_cast<uint32_t>(r.size() - 1);
    mesh.vertices.insert(mesh.vertices.end(), r.begin(), r.end() - 1);
    for (uint32_t i = 1; i + 1 < n; ++i) mesh.indices.insert(mesh.indices.end(), {base, base + i, base + i + 1});
    return;
  }
  GLUtesselator* tess = tessellator();
  TessState state{&mesh, {}, {}};
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
}

}  // namespace

double planar_area(const TriangleMesh& mesh) {
  double sum = 0;
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    LonLat a = mesh.vertices[mesh.indices[i]], b = mesh.vertices[mesh.indices[i + 1]],
           c = mesh.vertices[mesh.indices[i + 2]];
    sum += std::fabs((b.lon - a.lon) * (c.lat - a.lat) - (c.lon - a.lon) * (b.lat - a.lat)) / 2;
  }
  return sum;
}

}  // namespace chronoatlas::render
