#include "render/projected_layer.h"

#include <array>
#include <algorithm>
#include <cmath>

namespace chronoatlas::render {
namespace {

constexpr float kFarTime = 1e30f;

struct Projected {
  std::vector<double> x, y;
  bool ok(size_t i) const { return std::isfinite(x[i]) && std::isfinite(y[i]) && std::fabs(x[i]) < 1e15; }
};

Projected project(const std::vector<LonLat>& pts, const geo::Projection& projection) {
  Projected p;
  p.x.resize(pts.size());
  p.y.resize(pts.size());
  for (size_t i = 0; i < pts.size(); ++i) p.x[i] = pts[i].lon, p.y[i] = pts[i].lat;
  projection.forward_many(p.x, p.y);
  return p;
}

std::array<float, 2> time_of(const std::vector<story::Interval>& times, uint32_t feature, story::Days origin) {
  if (feature >= times.size()) return {-kFarTime, kFarTime};
  const story::Interval& t = times[feature];
  // An open start is -infinity; a start at +infinity is a feature never shown (its date was unreadable).
  return {std::isfinite(t.start) ? static_cast<float>(t.start - origin) : t.start > 0 ? kFarTime : -kFarTime,
          std::isfinite(t.end) ? static_cast<float>(t.end - origin) : kFarTime};
}

}  // namespace

namespace {

// Areas of every level: x, y, feature, t0, t1 per vertex (one vertex buffer); triangles touching an unprojectable
// vertex are dropped.
void append_fill(const Shapes& g, const geo::Projection& projection, const std::vector<story::Interval>& times,
                 story::Days origin, std::vector<float>& vertices, std::vector<uint32_t>& indices, BoundsXY& bounds) {
  Projected fp = project(g.fill_vertices, projection);
  auto base = static_cast<uint32_t>(vertices.size() / kFillVertexFloats);
  for (size_t i = 0; i < g.fill_vertices.size(); ++i) {
    auto t = time_of(times, g.fill_feature[i], origin);
    bool ok = fp.ok(i);
    if (ok) bounds.extend({fp.x[i], fp.y[i]});
    vertices.insert(vertices.end(), {ok ? static_cast<float>(fp.x[i]) : 0.f, ok ? static_cast<float>(fp.y[i]) : 0.f,
                                     static_cast<float>(g.fill_feature[i]), t[0], t[1]});
  }
  for (size_t i = 0; i + 2 < g.fill_indices.size(); i += 3) {
    uint32_t a = g.fill_indices[i], b = g.fill_indices[i + 1], c = g.fill_indices[i + 2];
    if (fp.ok(a) && fp.ok(b) && fp.ok(c)) indices.insert(indices.end(), {base + a, base + b, base + c});
  }
}

// The polylines of PROJECTED (G's line points) in order, split where a point failed to project.
ProjectedPaths ordered_paths(const Shapes& g, const Projected& lp) {
  ProjectedPaths out;
  for (size_t l = 0; l + 1 < g.line_starts.size(); ++l) {
    bool open = false;
    for (uint32_t i = g.line_starts[l]; i < g.line_starts[l + 1]; ++i) {
      if (!lp.ok(i)) {
        open = false;
        continue;
      }
      if (!open) {
        out.starts.push_back(static_cast<uint32_t>(out.xy.size() / 2));
        out.feature.push_back(g.line_feature[l]);
        open = true;
      }
      out.xy.insert(out.xy.end(), {static_cast<float>(lp.x[i]), static_cast<float>(lp.y[i])});
    }
  }
  out.starts.push_back(static_cast<uint32_t>(out.xy.size() / 2));
  return out;
}

// Lines: one instance per segment (x0, y0, x1, y1, feature, t0, t1, distance along the line to x0 in projected
// units), expanded to a quad in the vertex shader; and the same lines in order, as paths.
ProjectedPaths append_segments(const Shapes& g, const geo::Projection& projection,
                               const std::vector<story::Interval>& times, story::Days origin,
                               std::vector<float>& segments, BoundsXY& bounds) {
  Projected lp = project(g.line_points, projection);
  for (size_t l = 0; l + 1 < g.line_starts.size(); ++l) {
    auto t = time_of(times, g.line_feature[l], origin);
    double along = 0;
    for (uint32_t i = g.line_starts[l]; i + 1 < g.line_starts[l + 1]; ++i) {
      if (!lp.ok(i) || !lp.ok(i + 1)) continue;
      bounds.extend({lp.x[i], lp.y[i]});
      segments.insert(segments.end(), {static_cast<float>(lp.x[i]), static_cast<float>(lp.y[i]),
                                       static_cast<float>(lp.x[i + 1]), static_cast<float>(lp.y[i + 1]),
                                       static_cast<float>(g.line_feature[l]), t[0], t[1], static_cast<float>(along)});
      along += std::hypot(lp.x[i + 1] - lp.x[i], lp.y[i + 1] - lp.y[i]);
    }
  }
  return ordered_paths(g, lp);
}

constexpr int kGrid = 12;  // cells a side of the culling grid

// Items a run at most when they have dates: runs of a cell sorted by start date are skipped on dates they miss.
// Undated items stay one run a cell (each run is a draw call).
constexpr size_t kDatedRunItems = 128;

// Sorts items (triangles, segments or points, ITEM_SIZE values each) into grid cells by their centre, and within a
// cell by start date, and returns runs with their bounds and the dates they span.
template <class T, class Centre, class Box, class Time>
std::vector<ProjectedRun> bucket(std::vector<T>& items, size_t item_size, const BoundsXY& all, Centre centre,
                                  Box box, Time time) {
  size_t n = items.size() / item_size;
  // Where every item has a date (an event export), time culls far more than place: a coarse grid keeps each cell's
  // runs long in time order, so a date draws a few runs instead of one partly live run in every cell.
  bool all_dated = n > 0;
  for (size_t i = 0; i < n && all_dated; ++i) all_dated = time(&items[i * item_size]).first > -1e29f;
  const int grid = all_dated ? 2 : kGrid;
  std::vector<std::vector<size_t>> cells(grid * grid);
  double w = std::max(all.max_x - all.min_x, 1e-9), h = std::max(all.max_y - all.min_y, 1e-9);
  for (size_t i = 0; i < n; ++i) {
    XY c = centre(&items[i * item_size]);
    int cx = std::clamp(static_cast<int>((c.x - all.min_x) / w * grid), 0, grid - 1);
    int cy = std::clamp(static_cast<int>((c.y - all.min_y) / h * grid), 0, grid - 1);
    cells[cy * grid + cx].push_back(i);
  }
  std::vector<T> sorted;
  sorted.reserve(n * item_size);
  std::vector<ProjectedRun> runs;
  for (auto& cell : cells) {
    std::stable_sort(cell.begin(), cell.end(), [&](size_t a, size_t b) {
      return time(&items[a * item_size]).first < time(&items[b * item_size]).first;
    });
    const bool dated = !cell.empty() && time(&items[cell.front() * item_size]).first > -1e29f;
    const size_t per_run = dated ? kDatedRunItems : cell.size();
    for (size_t at = 0; at < cell.size(); at += per_run) {
      ProjectedRun run;
      run.first = sorted.size() / item_size;
      run.count = static_cast<int>(std::min(per_run, cell.size() - at));
      run.day_from = 1e30f, run.day_to = -1e30f;
      for (size_t k = at; k < at + run.count; ++k) {
        const T* item = &items[cell[k] * item_size];
        box(item, run.bounds);
        auto [t0, t1] = time(item);
        run.day_from = std::min(run.day_from, t0);
        run.day_to = std::max(run.day_to, t1);
        sorted.insert(sorted.end(), item, item + item_size);
      }
      runs.push_back(run);
    }
  }
  items = std::move(sorted);
  return runs;
}

}  // namespace

ProjectedLayer project_layer(const LayerGeometry& g, const geo::Projection& projection,
                             const std::vector<story::Interval>& times, story::Days origin) {
  ProjectedLayer out;
  std::vector<float>& fill = out.fill;
  std::vector<float>& segments = out.segments;
  std::vector<uint32_t>& indices = out.indices;
  BoundsXY& bounds = out.bounds;
  std::vector<ProjectedLevel>& levels = out.levels;
  std::vector<std::pair<size_t, size_t>> firsts;  // first triangle, first segment of each level
  for (const Shapes& shapes : g.levels) {
    levels.emplace_back().tolerance_deg = shapes.tolerance_deg;
    firsts.push_back({indices.size() / 3, segments.size() / kSegmentFloats});
    append_fill(shapes, projection, times, origin, fill, indices, bounds);
    levels.back().paths = append_segments(shapes, projection, times, origin, segments, bounds);
  }
  auto vertex = [&](uint32_t i) { return XY{fill[i * kFillVertexFloats], fill[i * kFillVertexFloats + 1]}; };
  for (size_t l = 0; l < levels.size(); ++l) {
    size_t tri_end = l + 1 < levels.size() ? firsts[l + 1].first : indices.size() / 3;
    size_t seg_end = l + 1 < levels.size() ? firsts[l + 1].second : segments.size() / kSegmentFloats;
    // Bucket this level's triangles and segments in place; items of later levels stay where they are.
    std::vector<uint32_t> tris(indices.begin() + static_cast<long>(firsts[l].first * 3),
                               indices.begin() + static_cast<long>(tri_end * 3));
    levels[l].triangles = bucket(
        tris, 3, bounds,
        [&](const uint32_t* t) {
          XY a = vertex(t[0]), b = vertex(t[1]), c = vertex(t[2]);
          return XY{(a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3};
        },
        [&](const uint32_t* t, BoundsXY& b) {
          for (int k = 0; k < 3; ++k) b.extend(vertex(t[k]));
        },
        [&](const uint32_t* t) { return std::pair{fill[t[0] * 5 + 3], fill[t[0] * 5 + 4]}; });
    std::copy(tris.begin(), tris.end(), indices.begin() + static_cast<long>(firsts[l].first * 3));
    for (ProjectedRun& r : levels[l].triangles) r.first += firsts[l].first;
    std::vector<float> segs(segments.begin() + static_cast<long>(firsts[l].second * kSegmentFloats),
                            segments.begin() + static_cast<long>(seg_end * kSegmentFloats));
    levels[l].segments = bucket(
        segs, kSegmentFloats, bounds, [](const float* s) { return XY{(s[0] + s[2]) / 2, (s[1] + s[3]) / 2}; },
        [](const float* s, BoundsXY& b) {
          b.extend({s[0], s[1]});
          b.extend({s[2], s[3]});
        },
        [](const float* s) { return std::pair{s[5], s[6]}; });
    std::copy(segs.begin(), segs.end(), segments.begin() + static_cast<long>(firsts[l].second * kSegmentFloats));
    for (ProjectedRun& r : levels[l].segments) r.first += firsts[l].second;
  }

  // Points: one instance each (x, y, feature, t0, t1).
  Projected pp = project(g.points, projection);
  for (size_t i = 0; i < g.points.size(); ++i) {
    if (!pp.ok(i)) continue;
    bounds.extend({pp.x[i], pp.y[i]});
    auto t = time_of(times, g.point_feature[i], origin);
    out.points.insert(out.points.end(), {static_cast<float>(pp.x[i]), static_cast<float>(pp.y[i]),
                                         static_cast<float>(g.point_feature[i]), t[0], t[1]});
  }
  out.point_runs = bucket(
      out.points, kPointFloats, bounds, [](const float* p) { return XY{p[0], p[1]}; },
      [](const float* p, BoundsXY& b) { b.extend({p[0], p[1]}); }, [](const float* p) { return std::pair{p[3], p[4]}; });

  Projected ap = project(g.label_anchor, projection);
  out.label_anchors.assign(g.label_anchor.size(), XY{NAN, NAN});
  for (size_t i = 0; i < g.label_anchor.size(); ++i)
    if (ap.ok(i)) out.label_anchors[i] = {ap.x[i], ap.y[i]};
  for (uint32_t f = 0; f < times.size(); ++f) {
    auto t = time_of(times, f, origin);
    out.feature_days.insert(out.feature_days.end(), {t[0], t[1]});
  }
  return out;
}

}  // namespace chronoatlas::render
