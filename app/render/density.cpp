#include "render/density.h"

#include <cmath>
#include <cstdint>
#include <algorithm>

namespace chronoatlas::render {
namespace {

constexpr double kHexPx = 14;  // centre to corner, pixels at UI scale 1: a cell reads as a patch, not a dot
const double kSqrt3 = std::sqrt(3.0);

// P in fractional axial coordinates (x: q, y: r) of pointy-top hexagons of RADIUS laid from the origin.
XY axial(XY p, double radius) { return {(kSqrt3 / 3 * p.x - p.y / 3) / radius, (2.0 / 3 * p.y) / radius}; }

}  // namespace

std::pair<int64_t, int64_t> hexagon_of(XY p, double radius) {
  // Fractional axial coordinates rounded in cube space.
  const XY a = axial(p, radius);
  const double qf = a.x, rf = a.y, sf = -qf - rf;
  double q = std::round(qf), r = std::round(rf), s = std::round(sf);
  const double dq = std::fabs(q - qf), dr = std::fabs(r - rf), ds = std::fabs(s - sf);
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  return {static_cast<int64_t>(q), static_cast<int64_t>(r)};
}

double hex_radius(const View& view) {
  const double wanted = kHexPx * view.ui_scale * view.units_per_px;
  return std::exp2(std::round(std::log2(wanted)));
}

HexCounter::HexCounter(double radius, const BoundsXY& seen) : radius_(radius), seen_(seen) {
  // The axial range of every hexagon that reaches SEEN: from the corners' coordinates, a cell wider on each side.
  double q_lo = 1e300, q_hi = -1e300, r_lo = 1e300, r_hi = -1e300;
  for (XY c : {XY{seen.min_x, seen.min_y}, XY{seen.max_x, seen.min_y}, XY{seen.min_x, seen.max_y}, XY{seen.max_x, seen.max_y}}) {
    const auto [q, r] = axial(c, radius);
    q_lo = std::min(q_lo, q), q_hi = std::max(q_hi, q), r_lo = std::min(r_lo, r), r_hi = std::max(r_hi, r);
  }
  // A view far larger than its cells (a bad radius) or not finite must not allocate without bound: it counts nothing.
  if (!(std::isfinite(q_lo) && std::isfinite(q_hi) && std::isfinite(r_lo) && std::isfinite(r_hi)) ||
      (q_hi - q_lo + 5) * (r_hi - r_lo + 5) > kMaxCells)
    return;
  q0_ = static_cast<int64_t>(std::floor(q_lo)) - 2, r0_ = static_cast<int64_t>(std::floor(r_lo)) - 2;
  columns_ = static_cast<int64_t>(std::ceil(q_hi)) + 2 - q0_ + 1;
  rows_ = static_cast<int64_t>(std::ceil(r_hi)) + 2 - r0_ + 1;
  counts_.assign(static_cast<size_t>(columns_ * rows_), 0);
}

void HexCounter::add(XY p) {
  if (counts_.empty() || !std::isfinite(p.x) || !std::isfinite(p.y) || p.x < seen_.min_x - radius_ || p.x > seen_.max_x + radius_ || p.y < seen_.min_y - radius_ ||
      p.y > seen_.max_y + radius_)
    return;
  auto [q, r] = hexagon_of(p, radius_);
  const int64_t col = q - q0_, row = r - r0_;
  if (col >= 0 && row >= 0 && col < columns_ && row < rows_) ++counts_[static_cast<size_t>(row * columns_ + col)];
}

HexGrid HexCounter::grid() const {
  HexGrid grid;
  grid.radius = radius_;
  for (int64_t row = 0; row < rows_ && !counts_.empty(); ++row)
    for (int64_t col = 0; col < columns_; ++col) {
      const int count = counts_[static_cast<size_t>(row * columns_ + col)];
      if (count == 0) continue;
      const double q = static_cast<double>(col + q0_), r = static_cast<double>(row + r0_);
      const XY c{radius_ * kSqrt3 * (q + r / 2), radius_ * 1.5 * r};
      if (c.x + radius_ < seen_.min_x || c.x - radius_ > seen_.max_x || c.y + radius_ < seen_.min_y ||
          c.y - radius_ > seen_.max_y)
        continue;
      grid.cells.push_back({c, count});
    }
  return grid;
}

const std::vector<DensityClass>& density_classes() {
  static const std::vector<DensityClass> classes = {
      {1, 1, {1.00f, 0.93f, 0.63f, 0.9f}},    {2, 4, {0.99f, 0.78f, 0.38f, 0.9f}},
      {5, 9, {0.97f, 0.57f, 0.24f, 0.9f}},    {10, 24, {0.90f, 0.33f, 0.17f, 0.9f}},
      {25, 99, {0.74f, 0.11f, 0.15f, 0.9f}},  {100, -1, {0.45f, 0.02f, 0.16f, 0.9f}}};
  return classes;
}

size_t density_class(int count) {
  const auto& classes = density_classes();
  for (size_t i = 0; i + 1 < classes.size(); ++i)
    if (count <= classes[i].to) return i;
  return classes.size() - 1;
}

std::string density_class_text(const DensityClass& c) {
  if (c.to < 0) return std::to_string(c.from) + " or more";
  if (c.from == c.to) return std::to_string(c.from);
  return std::to_string(c.from) + "\u2013" + std::to_string(c.to);
}

}  // namespace chronoatlas::render
