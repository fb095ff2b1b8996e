#include "render/label_placement.h"

#include <algorithm>
#include <cmath>

namespace chronoatlas::render {
namespace {

// Distance from a box to a point (0 inside).
double distance(const PixelBox& b, XY p) {
  const double dx = std::max({b.x0 - p.x, 0.0, p.x - b.x1}), dy = std::max({b.y0 - p.y, 0.0, p.y - b.y1});
  return std::hypot(dx, dy);
}

struct Disc {
  XY centre;  // pixels
  double radius;
  int layer;
};

// True when two symbols stand for one place (a town's dot at the centre of the circle of the troops posted there):
// a label beside one is beside the other too. Symbols of different places never excuse each other, however close.
bool same_place(const Disc& a, const Disc& b) {
  return std::hypot(a.centre.x - b.centre.x, a.centre.y - b.centre.y) < 2;
}

// Symbols in pixels, bucketed in a coarse grid over the view and a band around it, so a label's box is tested against
// the symbols near it only: an event layer puts thousands of symbols on the map.
class DiscIndex {
 public:
  DiscIndex(std::vector<Disc> discs, const View& view) : discs_(std::move(discs)) {
    columns_ = static_cast<int>(std::ceil((view.width_px + 2 * kBand) / kCell));
    rows_ = static_cast<int>(std::ceil((view.height_px + 2 * kBand) / kCell));
    cells_.resize(static_cast<size_t>(columns_) * rows_);
    for (size_t i = 0; i < discs_.size(); ++i) {
      const Disc& d = discs_[i];
      max_radius_ = std::max(max_radius_, d.radius);
      // Compared as doubles before any cast: a symbol may lie at any distance, or nowhere (NaN).
      const double cx = column_at(d.centre.x), cy = row_at(d.centre.y);
      if (!(cx >= 0 && cy >= 0 && cx < columns_ && cy < rows_)) outside_.push_back(static_cast<int>(i));
      else cells_[static_cast<size_t>(cy) * columns_ + static_cast<size_t>(cx)].push_back(static_cast<int>(i));
    }
  }
  const std::vector<Disc>& all() const { return discs_; }
  // True when TEST holds for a disc whose edge may lie within REACH pixels of BOX (every such disc is offered).
  template <class Test>
  bool any_near(const PixelBox& box, double reach, const Test& test) const {
    for (int i : outside_)
      if (test(i)) return true;
    const double r = reach + max_radius_;
    const int c0 = clamped(column_at(box.x0 - r), columns_), c1 = clamped(column_at(box.x1 + r), columns_);
    const int r0 = clamped(row_at(box.y0 - r), rows_), r1 = clamped(row_at(box.y1 + r), rows_);
    for (int cy = r0; cy <= r1; ++cy)
      for (int cx = c0; cx <= c1; ++cx)
        for (int i : cells_[static_cast<size_t>(cy) * columns_ + cx])
          if (test(i)) return true;
    return false;
  }

 private:
  static constexpr double kCell = 64, kBand = 512;  // pixels
  static double column_at(double x) { return std::floor((x + kBand) / kCell); }
  static double row_at(double y) { return std::floor((y + kBand) / kCell); }
  static int clamped(double cell, int count) { return cell > 0 ? static_cast<int>(std::min(cell, count - 1.0)) : 0; }
  std::vector<Disc> discs_;
  int columns_ = 0, rows_ = 0;
  double max_radius_ = 0;
  std::vector<std::vector<int>> cells_;
  std::vector<int> outside_;  // beyond the band: few, since the scene leaves out symbols far off the view
};

// True when BOX, meant for the label of symbol OWN (-1: none), covers another symbol or lies nearer one than OWN.
// With OVER_CONTEXT, symbols of layers below OWN's do not count: a story place ringed by context towns (a capital
// and its suburbs) is named over their dots rather than not at all.
bool misleads(const PixelBox& box, int own, const DiscIndex& index, double margin, bool over_context) {
  const std::vector<Disc>& discs = index.all();
  const double own_gap = own >= 0 ? distance(box, discs[own].centre) - discs[own].radius : 0;
  return index.any_near(box, std::max(margin, own_gap), [&](int j) {
    if (j == own || (own >= 0 && same_place(discs[j], discs[own]))) return false;
    if (over_context && own >= 0 && discs[j].layer < discs[own].layer) return false;
    const double gap = distance(box, discs[j].centre) - discs[j].radius;
    return gap < margin || (own >= 0 && gap < own_gap);
  });
}

// True when a label of the same text already stands near L's anchor: the same place named by two layers (a story
// place and the town of the same name) is named once.
bool named_nearby(const Label& l, const std::vector<PlacedLabel>& placed, const std::vector<Label>& labels,
                  const View& view) {
  const XY p = view.to_pixel(l.world);
  for (const PlacedLabel& other : placed) {
    const Label& o = labels[other.index];
    if (o.text != l.text) continue;
    const XY q = view.to_pixel(o.world);
    if (std::hypot(p.x - q.x, p.y - q.y) < 100 * view.ui_scale) return true;
  }
  return false;
}


PixelBox label_box(float x, float y, const TextBox& box, float margin) {
  return {x - margin, y - box.ascent - margin, x + box.width + margin, y + box.descent + margin};
}

// Baseline starts for a label of BOX at pixel P: centred on it (areas), or right, left, above, below its symbol.
std::vector<std::pair<float, float>> beside(XY p, const TextBox& box, float offset_px) {
  const float px = static_cast<float>(p.x), py = static_cast<float>(p.y), mid = (box.ascent - box.descent) / 2;
  if (offset_px <= 0) return {{px - box.width / 2, py + mid}};
  return {{px + offset_px, py + mid},
          {px - offset_px - box.width, py + mid},
          {px - box.width / 2, py - offset_px - box.descent},
          {px - box.width / 2, py + offset_px + box.ascent}};
}

// The nearest point of BOX to P.
XY nearest_on(const PixelBox& b, XY p) {
  return {std::clamp(p.x, static_cast<double>(b.x0), static_cast<double>(b.x1)),
          std::clamp(p.y, static_cast<double>(b.y0), static_cast<double>(b.y1))};
}

// A place for the label of a symbol that lies inside a larger one (a town within a circle of arrivals), outside
// every symbol that encloses it and joined to it by a leader line: tried in eight directions at growing distances, the
// first free box wins. Labels that only lost to other labels get no leader: they are dropped as before.
template <typename Free>
std::optional<PlacedLabel> with_leader(size_t index, int symbol, const TextBox& box, const std::vector<Disc>& discs,
                                       float margin, const Free& free) {
  const Disc& own = discs[symbol];
  double enclosing = own.radius;
  for (const Disc& d : discs)
    enclosing = std::max(enclosing, d.radius - std::hypot(d.centre.x - own.centre.x, d.centre.y - own.centre.y));
  if (enclosing <= own.radius + 1) return std::nullopt;
  static constexpr double kDirections[8][2] = {{1, 0}, {-1, 0}, {0.7, -0.7}, {-0.7, -0.7},
                                               {0.7, 0.7}, {-0.7, 0.7}, {0, -1}, {0, 1}};
  for (double reach : {1.0, 1.5, 2.2})
    for (const auto& dir : kDirections) {
      const double r = (enclosing + 10) * reach;
      // The box's centre goes where the direction leaves it touching the circle of radius R.
      const double cx = own.centre.x + dir[0] * (r + box.width / 2), cy = own.centre.y + dir[1] * (r + box.ascent);
      const float x = static_cast<float>(cx - box.width / 2), y = static_cast<float>(cy + (box.ascent - box.descent) / 2);
      const PixelBox b = label_box(x, y, box, margin);
      if (!free(b, -1)) continue;
      const XY to = nearest_on(b, own.centre);
      const double len = std::hypot(to.x - own.centre.x, to.y - own.centre.y);
      const XY from{own.centre.x + (to.x - own.centre.x) * own.radius / len,
                    own.centre.y + (to.y - own.centre.y) * own.radius / len};
      return PlacedLabel{index, x, y, true, from, to};
    }
  return std::nullopt;
}

}  // namespace

std::vector<PlacedLabel> place_labels(const std::vector<Label>& labels, const std::vector<Symbol>& symbols,
                                      const View& view, const MeasureText& measure, std::vector<PixelBox> taken,
                                      float margin_px) {
  std::vector<Disc> discs;
  for (const Symbol& sym : symbols) discs.push_back({view.to_pixel(sym.world), sym.radius_px, sym.layer});
  const DiscIndex index(std::move(discs), view);
  std::vector<size_t> order(labels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return labels[a].rank != labels[b].rank ? labels[a].rank > labels[b].rank : labels[a].tie < labels[b].tie;
  });
  std::vector<PlacedLabel> placed;
  const float margin = margin_px * view.ui_scale;
  auto free = [&](const PixelBox& b, int own, bool over_context = false) {
    return b.x0 >= 0 && b.y0 >= 0 && b.x1 <= view.width_px && b.y1 <= view.height_px &&
           std::none_of(taken.begin(), taken.end(), [&](const PixelBox& t) { return t.overlaps(b); }) &&
           !misleads(b, own, index, margin, over_context);
  };
  for (size_t i : order) {
    const Label& l = labels[i];
    const TextBox box = measure(l.text, l.style);
    if (l.min_width_px > 0 && box.width > l.min_width_px) continue;
    if (named_nearby(l, placed, labels, view)) continue;
    std::optional<PlacedLabel> spot;
    for (bool over_context : {false, true})
      for (bool second : {false, true}) {
        const XY anchor = second ? l.alternate : l.world;
        const int own = second ? -1 : l.symbol;  // a second anchor lies on an area, away from any symbol
        if (spot || !std::isfinite(anchor.x)) continue;
        if (second && std::max(box.width, box.ascent + box.descent) > 2 * l.alternate_clear_px) continue;
        for (auto [x, y] : beside(view.to_pixel(anchor), box, l.offset_px)) {
          if (!free(label_box(x, y, box, margin), own, over_context)) continue;
          spot = PlacedLabel{i, x, y};
          break;
        }
      }
    if (!spot && l.symbol >= 0 && l.offset_px > 0) spot = with_leader(i, l.symbol, box, index.all(), margin, free);
    if (!spot) continue;
    taken.push_back(label_box(spot->x, spot->y, box, margin));
    placed.push_back(*spot);
  }
  return placed;
}

}  // namespace chronoatlas::render
