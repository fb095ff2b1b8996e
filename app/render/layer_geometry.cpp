#include "render/layer_geometry.h"

#include <cmath>
#include "base/job_pool.h"

#include "geo/densify.h"
#include "geo/planar.h"
#include "geo/label_point.h"
#include "geo/seam.h"
#include "geo/simplify.h"
#include "render/tessellate.h"

namespace chronoatlas::render {
namespace {

constexpr double kMaxStepDeg = 0.5;

void add_polyline(Shapes& g, const std::vector<LonLat>& line, uint32_t feature) {
  std::vector<LonLat> dense = geo::densify(line, kMaxStepDeg);
  g.line_starts.push_back(static_cast<uint32_t>(g.line_points.size()));
  g.line_points.insert(g.line_points.end(), dense.begin(), dense.end());
  g.line_feature.push_back(feature);
}

void add_polygon(Shapes& g, const Polygon& polygon, uint32_t feature) {
  Polygon dense;
  for (const Ring& input : polygon) {
    Ring ring = geo::simplify(input, g.tolerance_deg, true);
    if (ring.empty()) {
      if (dense.empty()) return;  // the shell vanished at this level: so does the polygon
      continue;
    }
    dense.push_back(geo::densify(ring, kMaxStepDeg));
    add_polyline(g, ring, feature);
  }
  render::TriangleMesh mesh;
  render::tessellate(dense, mesh);
  auto base = static_cast<uint32_t>(g.fill_vertices.size());
  g.fill_vertices.insert(g.fill_vertices.end(), mesh.vertices.begin(), mesh.vertices.end());
  g.fill_feature.insert(g.fill_feature.end(), mesh.vertices.size(), feature);
  for (uint32_t i : mesh.indices) g.fill_indices.push_back(base + i);
}

// FEATURES' parts, cut at SEAM where they straddle it (NaN: as they are).
struct Parts {
  std::vector<std::vector<Polygon>> polygons;    // per feature
  std::vector<std::vector<LineString>> lines;    // per feature
  bool cut = false;
};

Parts cut_at_seam(const geo::VectorLayer& layer, double seam) {
  Parts parts;
  for (const geo::Feature& f : layer.features) {
    auto& polys = parts.polygons.emplace_back();
    auto& lines = parts.lines.emplace_back();
    for (const Polygon& p : f.polygons) {
      if (!geo::needs_cut(p.front(), seam)) {
        polys.push_back(p);
        continue;
      }
      for (Polygon& piece : geo::cut_polygon(p, seam)) polys.push_back(std::move(piece));
      parts.cut = true;
    }
    for (const LineString& l : f.lines) {
      if (!geo::needs_cut(l, seam)) {
        lines.push_back(l);
        continue;
      }
      for (LineString& piece : geo::cut_line(l, seam)) lines.push_back(std::move(piece));
      parts.cut = true;
    }
  }
  return parts;
}

Shapes build_level(const Parts& parts, double tolerance_deg) {
  Shapes g;
  g.tolerance_deg = tolerance_deg;
  for (size_t i = 0; i < parts.polygons.size(); ++i) {
    auto index = static_cast<uint32_t>(i);
    for (const Polygon& p : parts.polygons[i]) add_polygon(g, p, index);
    for (const LineString& l : parts.lines[i]) {
      std::vector<LonLat> simple = geo::simplify(l, tolerance_deg, false);
      add_polyline(g, simple, index);
    }
  }
  g.line_starts.push_back(static_cast<uint32_t>(g.line_points.size()));
  return g;
}

}  // namespace

LayerGeometry build_layer_geometry(const geo::VectorLayer& layer, double seam_deg) {
  LayerGeometry g;
  g.extent = layer.extent;
  g.seam_deg = seam_deg;
  Parts parts = cut_at_seam(layer, seam_deg);
  g.cut = parts.cut;
  // Levels are independent: build them on all cores (the tessellator is per thread).
  std::vector<Job<Shapes>> levels;
  for (double tolerance : kLevelTolerancesDeg)
    levels.push_back(start_job(Priority::Interactive, [&parts, tolerance] { return build_level(parts, tolerance); }));
  for (auto& level : levels) g.levels.push_back(std::move(*level.get()));
  for (size_t i = 0; i < layer.features.size(); ++i) {
    const geo::Feature& f = layer.features[i];
    auto index = static_cast<uint32_t>(i);
    double largest_area = -1;
    const Polygon* largest = geo::largest_polygon(f.polygons, &largest_area);
    for (LonLat p : f.points) {
      g.points.push_back(p);
      g.point_feature.push_back(index);
    }
    if (largest) {
      g.label_anchor.push_back(geo::label_point(*largest));
      g.label_rank.push_back(largest_area);
    } else if (!f.points.empty()) {
      g.label_anchor.push_back(f.points.front());
      g.label_rank.push_back(0);
    } else if (!f.lines.empty()) {
      g.label_anchor.push_back(f.lines.front()[f.lines.front().size() / 2]);
      g.label_rank.push_back(0);
    } else {
      g.label_anchor.push_back({NAN, NAN});
      g.label_rank.push_back(-1);
    }
  }
  return g;
}

LayerGeometry build_graticule(const BoundsLonLat& b, double step) {
  LayerGeometry layer;
  Shapes& g = layer.levels.emplace_back();
  double west = std::floor(b.west / step) * step, east = std::ceil(b.east / step) * step;
  // Parallels at whole multiples of the step only, short of the poles (where they are points).
  double south = std::ceil(std::max(-89.0, std::floor(b.south / step) * step) / step) * step;
  double north = std::floor(std::min(89.0, std::ceil(b.north / step) * step) / step) * step;
  for (double lon = west; lon <= east + 1e-9; lon += step) add_polyline(g, {{lon, south}, {lon, north}}, 0);
  for (double lat = south; lat <= north + 1e-9; lat += step) add_polyline(g, {{west, lat}, {east, lat}}, 0);
  g.line_starts.push_back(static_cast<uint32_t>(g.line_points.size()));
  layer.extent = b;
  return layer;
}

}  // namespace chronoatlas::render
