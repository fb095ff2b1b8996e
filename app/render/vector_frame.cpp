#include "render/vector_frame.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "geo/clip.h"

namespace chronoatlas::render {
namespace {

// What an image shows, in pixels, widened so that strokes and symbols reaching in from outside are kept whole.
struct PixelRect {
  double x0, y0, x1, y1;
};

// Where a view shows, its pixels from ORIGIN in the image, with a margin.
struct Placed {
  View view;
  XY origin{0, 0};
  XY to_pixel(XY world) const {
    const XY p = view.to_pixel(world);
    return {p.x + origin.x, p.y + origin.y};
  }
};

PixelRect kept_area(const Placed& v, double margin_px) {
  return {v.origin.x - margin_px, v.origin.y - margin_px, v.origin.x + v.view.width_px + margin_px,
          v.origin.y + v.view.height_px + margin_px};
}

bool inside(const PixelRect& r, XY p) { return p.x >= r.x0 && p.x <= r.x1 && p.y >= r.y0 && p.y <= r.y1; }

// The strength the GL shaders give a feature of a fading layer on DAY (see area.vert).
float fade_strength(const LayerDraw& d, uint32_t feature, float day) {
  if (d.fade_days <= 0) return 1;
  const std::vector<float>& days = d.geometry->feature_days;
  const float start = 2 * static_cast<size_t>(feature) + 1 < days.size() ? days[2 * feature] : -1e30f;
  const float t = std::clamp((day - start) / d.fade_days, 0.0f, 1.0f);
  return 1.0f + (0.25f - 1.0f) * t;
}

Rgba faded(Rgba c, float factor) { return {c.r, c.g, c.b, c.a * factor}; }

// Points FIRST..END of PATHS in image pixels, without those nearer their predecessor than MIN_STEP (the last kept).
std::vector<XY> to_pixels(const Placed& v, const ProjectedPaths& paths, size_t first, size_t end, float min_step) {
  std::vector<XY> out;
  out.reserve(end - first);
  for (size_t i = first; i < end; ++i) {
    const XY p = v.to_pixel({paths.xy[2 * i], paths.xy[2 * i + 1]});
    if (!out.empty() && i + 1 < end && std::hypot(p.x - out.back().x, p.y - out.back().y) < min_step) continue;
    out.push_back(p);
  }
  return out;
}

// A closed ring clipped to R (Sutherland-Hodgman on each side): even-odd fills of the pieces match the original.
std::vector<XY> clip_ring(const std::vector<XY>& ring, const PixelRect& r) {
  Ring g;
  g.reserve(ring.size() + 1);
  for (XY p : ring) g.push_back({p.x, p.y});
  if (g.size() > 2 && (g.front().lon != g.back().lon || g.front().lat != g.back().lat)) g.push_back(g.front());
  g = geo::clip_ring(g, geo::Axis::Lon, r.x0, false);
  g = geo::clip_ring(g, geo::Axis::Lon, r.x1, true);
  g = geo::clip_ring(g, geo::Axis::Lat, r.y0, false);
  g = geo::clip_ring(g, geo::Axis::Lat, r.y1, true);
  std::vector<XY> out;
  out.reserve(g.size());
  for (const LonLat& p : g) out.push_back({p.lon, p.lat});
  return out;
}

// The parts of a polyline inside R (Liang-Barsky on each segment), each a polyline of its own.
std::vector<std::vector<XY>> clip_line(const std::vector<XY>& line, const PixelRect& r) {
  std::vector<std::vector<XY>> parts;
  std::vector<XY> current;
  auto finish = [&] {
    if (current.size() > 1) parts.push_back(std::move(current));
    current.clear();
  };
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    const XY a = line[i], b = line[i + 1];
    double t0 = 0, t1 = 1;
    const double dx = b.x - a.x, dy = b.y - a.y;
    bool visible = true;
    for (auto [p, q] : {std::pair{-dx, a.x - r.x0}, {dx, r.x1 - a.x}, {-dy, a.y - r.y0}, {dy, r.y1 - a.y}}) {
      if (p == 0) {
        if (q < 0) visible = false;
        continue;
      }
      const double t = q / p;
      if (p < 0) t0 = std::max(t0, t);
      else t1 = std::min(t1, t);
    }
    if (!visible || t0 > t1) {
      finish();
      continue;
    }
    const XY from{a.x + t0 * dx, a.y + t0 * dy}, to{a.x + t1 * dx, a.y + t1 * dy};
    if (current.empty() || t0 > 0) {
      finish();
      current.push_back(from);
    }
    current.push_back(to);
    if (t1 < 1) finish();
  }
  finish();
  return parts;
}

size_t point_count(const std::vector<std::vector<XY>>& rings) {
  size_t n = 0;
  for (const auto& r : rings) n += r.size();
  return n;
}

PathData path_of(const std::vector<std::vector<XY>>& parts, bool closed) {
  PathData p;
  p.closed = closed;
  for (const auto& part : parts) {
    p.starts.push_back(p.points.size());
    p.points.insert(p.points.end(), part.begin(), part.end());
  }
  p.starts.push_back(p.points.size());
  return p;
}

// An area's rings as paths of at most LIMIT points: halved across its longer side until each piece fits, which keeps
// every even-odd fill the same.
void split_area(const std::vector<std::vector<XY>>& rings, size_t limit, std::vector<PathData>& out) {
  if (rings.empty()) return;
  if (point_count(rings) <= limit) {
    out.push_back(path_of(rings, true));
    return;
  }
  PixelRect b{1e300, 1e300, -1e300, -1e300};
  for (const auto& r : rings)
    for (XY p : r) b = {std::min(b.x0, p.x), std::min(b.y0, p.y), std::max(b.x1, p.x), std::max(b.y1, p.y)};
  const bool vertical = b.x1 - b.x0 >= b.y1 - b.y0;
  const double at = vertical ? (b.x0 + b.x1) / 2 : (b.y0 + b.y1) / 2;
  if (!(vertical ? b.x1 - b.x0 : b.y1 - b.y0) || !(at > (vertical ? b.x0 : b.y0))) {  // no extent left to halve
    out.push_back(path_of(rings, true));
    return;
  }
  for (const bool low : {true, false}) {
    PixelRect half = b;
    (vertical ? (low ? half.x1 : half.x0) : (low ? half.y1 : half.y0)) = at;
    std::vector<std::vector<XY>> pieces;
    for (const auto& r : rings)
      if (auto piece = clip_ring(r, half); piece.size() > 2) pieces.push_back(std::move(piece));
    split_area(pieces, limit, out);
  }
}

// A polyline as paths of at most LIMIT points, each starting where the last ended.
void split_line(const std::vector<XY>& line, size_t limit, std::vector<PathData>& out) {
  for (size_t first = 0; first + 1 < line.size(); first += limit - 1) {
    const size_t end = std::min(line.size(), first + limit);
    out.push_back(path_of({std::vector<XY>(line.begin() + static_cast<long>(first), line.begin() + static_cast<long>(end))},
                          false));
  }
}

class FrameWriter {
 public:
  FrameWriter(const Frame& frame, text::Shaper& shaper, VectorCanvas& canvas, const VectorLimits& limits)
      : frame_(frame), shaper_(shaper), canvas_(canvas), limits_(limits), placed_{frame.view} {}

  void background() {
    if (frame_.background.a <= 0) return;
    const View& v = frame_.view;
    canvas_.begin_group("Background");
    canvas_.path(path_of({{{0, 0}, {double(v.width_px), 0}, {double(v.width_px), double(v.height_px)}, {0, double(v.height_px)}}}, true),
                 filled(frame_.background));
    canvas_.end_group();
  }

  void layer(const LayerDraw& d) {
    if (!d.geometry || !d.styles || d.geometry->levels.empty()) return;
    canvas_.begin_group(d.title.empty() ? "Layer" : d.title);
    layer_content(d);
    canvas_.end_group();
  }

  void layer_content(const LayerDraw& d) {
    if (!d.geometry || !d.styles || d.geometry->levels.empty()) return;
    const ProjectedLevel& level = d.geometry->levels[std::min(d.level, d.geometry->levels.size() - 1)];
    if (d.fill) areas(d, level.paths);
    if (d.stroke && d.stroke_width_px > 0) outlines(d, level.paths);
    if (d.points) points(d);
    for (const DensityCell& c : d.cells) {
      const std::array<XY, 6> corner = drawn_corners(c);
      canvas_.path(path_of({{corner.begin(), corner.end()}}, true), filled(faded(c.colour, d.opacity)));
    }
  }

  // The inset's map in its box, between its background (a furniture shape) and what the layout draws over it.
  void inset(const InsetPlacement& placed) {
    if (!frame_.furniture.inset) return;
    const InsetMap& map = *frame_.furniture.inset;
    placed_ = {map.view, {placed.box.x0, placed.box.y0}};
    for (const LayerDraw& d : map.layers) layer_content(d);
    placed_ = {frame_.view};
    for (const OverlayShape& s : placed.over) shape(s);
  }

  // Labels by layer, then leader lines, then each furniture part with its shapes and text.
  void overlay(const OverlayLayout& o) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<const GlyphRun*>> labels;
    for (const GlyphRun& g : o.labels) {
      if (!labels.count(g.group)) order.push_back(g.group);
      labels[g.group].push_back(&g);
    }
    for (const std::string& group : order) {
      canvas_.begin_group(group.rfind("labels", 0) == 0 ? group_title(group) : "Labels: " + group_title(group));
      for (const GlyphRun* g : labels[group]) run(*g);
      canvas_.end_group();
    }
    std::vector<std::string> parts;
    std::map<std::string, std::pair<std::vector<const OverlayShape*>, std::vector<const GlyphRun*>>> furniture;
    for (const OverlayShape& s : o.shapes) {
      if (!furniture.count(s.group)) parts.push_back(s.group);
      furniture[s.group].first.push_back(&s);
    }
    for (const GlyphRun& g : o.furniture_text) {
      if (!furniture.count(g.group)) parts.push_back(g.group);
      furniture[g.group].second.push_back(&g);
    }
    for (const std::string& part : parts) {
      canvas_.begin_group(part == "labels" ? "Leader lines" : group_title(part));
      for (const OverlayShape* s : furniture[part].first) shape(*s);
      if (part == "inset" && o.inset) inset(*o.inset);
      for (const GlyphRun* g : furniture[part].second) run(*g);
      canvas_.end_group();
    }
  }

 private:
  // Polyline I of PATHS in image pixels.
  std::vector<XY> polyline(const ProjectedPaths& paths, size_t i) const {
    return to_pixels(placed_, paths, paths.starts[i], paths.starts[i + 1], limits_.min_step_px);
  }
  bool live(const LayerDraw& d, uint32_t feature) const {
    return feature < d.styles->size() && d.geometry->live(feature, frame_.day);
  }
  // Features with triangles: their polylines are rings.
  static std::vector<bool> area_features(const ProjectedLayer& g) {
    std::vector<bool> area(g.label_anchors.size());
    for (size_t i = 2; i < g.fill.size(); i += kFillVertexFloats) {
      const auto f = static_cast<size_t>(g.fill[i]);
      if (f < area.size()) area[f] = true;
    }
    return area;
  }

  void areas(const LayerDraw& d, const ProjectedPaths& paths) {
    const std::vector<bool> area = area_features(*d.geometry);
    const PixelRect keep = kept_area(placed_, 4 + d.stroke_width_px * placed_.view.ui_scale);
    for (size_t i = 0; i + 1 < paths.starts.size();) {
      const uint32_t f = paths.feature[i];
      std::vector<std::vector<XY>> rings;
      for (; i + 1 < paths.starts.size() && paths.feature[i] == f; ++i)
        if (f < area.size() && area[f] && live(d, f))
          if (auto r = clip_ring(polyline(paths, i), keep); r.size() > 2) rings.push_back(std::move(r));
      if (rings.empty()) continue;
      const Rgba fill = faded((*d.styles)[f].fill, d.opacity * fade_strength(d, f, frame_.day));
      if (fill.a <= 0) continue;
      std::vector<PathData> pieces;
      split_area(rings, limits_.max_path_points, pieces);
      for (const PathData& p : pieces) canvas_.path(p, filled(fill));
    }
  }

  void outlines(const LayerDraw& d, const ProjectedPaths& paths) {
    const float ui = placed_.view.ui_scale;
    for (size_t i = 0; i + 1 < paths.starts.size(); ++i) {
      const uint32_t f = paths.feature[i];
      if (!live(d, f)) continue;
      const model::FeatureStyle& s = (*d.styles)[f];
      const float width = s.width_px > 0 ? s.width_px * ui : d.stroke_width_px * ui;
      const Rgba stroke = faded(s.stroke, d.opacity * fade_strength(d, f, frame_.day));
      if (stroke.a <= 0 || width <= 0) continue;
      std::vector<PathData> pieces;
      for (const std::vector<XY>& part : clip_line(polyline(paths, i), kept_area(placed_, 2 + width)))
        split_line(part, limits_.max_path_points, pieces);
      for (const PathData& p : pieces) canvas_.path(p, stroked(stroke, width));
    }
  }

  // As point.frag draws them: a disc with a 1.5 px rim of the stroke colour, and a ring a gap outside when emphasised.
  void points(const LayerDraw& d) {
    const std::vector<float>& pts = d.geometry->points;
    const float ui = placed_.view.ui_scale, rim = 1.5f * ui;
    const PixelRect keep = kept_area(placed_, 40 * ui);
    for (size_t i = 0; i + kPointFloats <= pts.size(); i += kPointFloats) {
      const auto f = static_cast<uint32_t>(pts[i + 2]);
      if (f >= d.styles->size() || !(pts[i + 3] <= frame_.day && frame_.day < pts[i + 4])) continue;
      const model::FeatureStyle& s = (*d.styles)[f];
      const float r = s.radius_px * ui;
      const XY c = placed_.to_pixel({pts[i], pts[i + 1]});
      if (r <= 0 || !inside(keep, c)) continue;
      const float k = d.opacity * fade_strength(d, f, frame_.day);
      canvas_.circle(c, std::max(r - rim / 2, 0.1f), {faded(s.fill, k), faded(s.stroke, k), std::min(rim, r)});
      if (s.emphasis > 0) canvas_.circle(c, r + 3 * ui, stroked(faded(s.stroke, k * s.emphasis), ui));
    }
  }

  void shape(const OverlayShape& s) {
    const std::vector<XY>& p = s.points;
    switch (s.kind) {
      case ShapeKind::Rect:
        canvas_.path(path_of({{p[0], {p[1].x, p[0].y}, p[1], {p[0].x, p[1].y}}}, true), filled(s.colour));
        break;
      case ShapeKind::Polygon:
        canvas_.path(path_of({p}, true), filled(s.colour));
        break;
      case ShapeKind::Polyline:
        canvas_.path(path_of({p}, false), stroked(s.colour, s.size_px));
        break;
      case ShapeKind::Circle:
        canvas_.circle(p[0], s.size_px, filled(s.colour));
        break;
    }
  }

  // A run of text as the GL backend sets it: shaped, then each face's run at its glyphs' positions; halo first.
  void run(const GlyphRun& g) {
    const text::ShapedText& shaped = shaper_.shape(g.text, g.style.bold);
    const float size = g.style.size_px;
    for (const text::ShapedRun& r : shaped.runs) {
      if (r.glyphs.empty() || r.face < 0) continue;
      TextPiece piece;
      piece.text = g.text.substr(r.begin, r.end - r.begin);
      piece.face = &shaper_.fonts().face(r.face);
      piece.size_px = size;
      piece.right_to_left = r.right_to_left;
      piece.script = r.script;
      for (const text::ShapedGlyph& sg : r.glyphs) piece.glyph_clusters.push_back(static_cast<uint32_t>(sg.cluster - r.begin));
      const float per_unit = size / static_cast<float>(piece.face->units_per_em);
      const text::ShapedGlyph& first = r.glyphs.front();
      piece.start = {g.x + first.x_em * size - first.x_offset_units * per_unit, g.y};
      for (const text::ShapedGlyph& sg : r.glyphs) {
        piece.glyph_ids.push_back(sg.id);
        piece.glyph_origins.push_back({g.x + sg.x_em * size, g.y - sg.y_em * size});
        piece.width_px += sg.advance_units * per_unit;
      }
      if (g.style.halo.a > 0) canvas_.text(piece, stroked(g.style.halo, 2.0f * kHaloRadiusPx));
      canvas_.text(piece, filled(g.style.colour));
    }
  }

  const Frame& frame_;
  text::Shaper& shaper_;
  VectorCanvas& canvas_;
  const VectorLimits& limits_;
  Placed placed_;  // the view layers are drawn in: the frame's, or the inset's in its box
};

}  // namespace

std::string group_title(const std::string& g) {
  if (g.rfind("labels/", 0) == 0) return "Labels: " + g.substr(7);
  std::string out = g;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

void draw_vector_frame(const Frame& frame, const OverlayLayout& overlay, text::Shaper& shaper, VectorCanvas& canvas,
                       const VectorLimits& limits) {
  FrameWriter w(frame, shaper, canvas, limits);
  w.background();
  for (const LayerDraw& d : frame.layers) w.layer(d);
  w.overlay(overlay);
}

}  // namespace chronoatlas::render
