#include "render/layer_labels.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "base/numbers.h"
#include "base/text.h"
#include "geo/label_point.h"
#include "geo/planar.h"

namespace chronoatlas::render {
namespace {

// A label longer than this (an attribute holding a whole text) is cut with "…": a label names, it does not quote.
constexpr size_t kMaxLabelBytes = 120;

// Pixels beyond its symbol within which a point's label is placed, or another label may be pushed away from it.
constexpr float kLabelReachPx = 250;

// True when P lies more than REACH pixels outside VIEW: its symbol can neither be named nor crowd a name on the map.
bool far_off(const View& view, XY p, float reach) {
  const XY px = view.to_pixel(p);
  return px.x < -reach || px.y < -reach || px.x > view.width_px + reach || px.y > view.height_px + reach;
}


// The side of a square of the feature's area, in pixels.
float feature_size_px(const geo::Projection& projection, LonLat anchor, double area_deg2, const View& view) {
  // The side of a square of the feature's area, measured along the parallel through its label point.
  LonLat east{anchor.lon + std::sqrt(area_deg2), anchor.lat};
  XY a, b;
  if (!projection.forward(anchor, a) || !projection.forward(east, b)) return 0;
  return static_cast<float>(std::hypot(b.x - a.x, b.y - a.y) / view.units_per_px);
}

// How far ANCHOR lies inside the largest polygon of F, in pixels of VIEW (the smaller of its east and north extents).
float clearance_px(const geo::Feature& f, LonLat anchor, const MapView& view) {
  const Polygon* own = geo::largest_polygon(f.polygons);
  if (!own) return INFINITY;
  const double d = geo::distance_inside(*own, anchor);
  if (!(d > 0)) return 0;
  XY a, east, north;
  const geo::Projection& projection = view.projection();
  if (!projection.forward(anchor, a) || !projection.forward({anchor.lon + d, anchor.lat}, east) ||
      !projection.forward({anchor.lon, anchor.lat + d}, north))
    return 0;
  const double units = std::min(std::hypot(east.x - a.x, east.y - a.y), std::hypot(north.x - a.x, north.y - a.y));
  return static_cast<float>(units / view.pixels().units_per_px);
}

}  // namespace

void add_layer_labels(const model::AtlasLayer& l, const PreparedLayer& p, size_t layer_index, const MapView& map_view,
                      story::Days day, Frame& frame) {
  const View& view = map_view.pixels();
  const story::LayerStyle& st = l.spec.style;
  const int field = st.label_field.empty() ? -1 : l.data->field_index(st.label_field);
  const int rank_field = st.label_rank_field.empty() ? -1 : l.data->field_index(st.label_rank_field);
  const bool points = l.data->has_points();
  if (field < 0 && !points) return;
  // Symbols sized by a series on this date: labels sit beside the symbol's current size.
  const model::StyleEvaluator look(l, day);
  model::for_each_live(l, day, [&](size_t i) {
    const float radius_px = points ? look(i).radius_px : 0;
    const bool symbol = points && l.data->features[i].points.size() == 1 && radius_px > 0;
    if (symbol && far_off(view, p.anchors[i], (radius_px + kLabelReachPx) * view.ui_scale)) return;
    if (symbol) frame.symbols.push_back({p.anchors[i], radius_px * view.ui_scale, static_cast<int>(layer_index)});
    if (field < 0) return;
    std::string text = model::series_label_of(l, i, day);
    const bool figure = !text.empty();
    if (text.empty()) text = l.data->features[i].values[field];
    if (text.empty() || p.geometry.label_rank[i] < 0) return;
    Label lab;
    lab.world = p.anchors[i];
    lab.alternate = p.focus_anchors[i];
    if (std::isfinite(lab.alternate.x)) lab.alternate_clear_px = clearance_px(l.data->features[i], p.focus_anchor[i], map_view);
    lab.text = clipped(text, kMaxLabelBytes);
    // Upper layers win, then larger areas (or, by the layer's choice, larger figures such as populations).
    const double within = rank_field >= 0 ? 1000 * std::log10(1 + std::max(0.0, parse_number(l.data->features[i].values[rank_field]).value_or(0.0)))
                                          : p.geometry.label_rank[i];
    lab.rank = static_cast<double>(layer_index) * 1e4 + std::min(within, 9999.0);
    lab.tie = i;
    lab.figure = figure;
    lab.layer = static_cast<int>(layer_index);
    lab.style = {st.label_size_px * view.ui_scale, st.label_bold, st.label_colour, {1, 1, 1, 0.85f}};
    lab.offset_px = p.geometry.label_rank[i] == 0 ? (radius_px + 4) * view.ui_scale : 0;
    if (symbol) lab.symbol = static_cast<int>(frame.symbols.size() - 1);
    if (lab.offset_px == 0) {
      float size = feature_size_px(map_view.projection(), p.geometry.label_anchor[i], p.geometry.label_rank[i], view);
      lab.min_width_px = 1.3f * size;
      // Larger areas get larger names, up to 1.8 times the layer's size.
      lab.style.size_px *= std::clamp(std::sqrt(size / 250.0f), 1.0f, 1.8f);
    }
    frame.labels.push_back(std::move(lab));
  });
}

}  // namespace chronoatlas::render
