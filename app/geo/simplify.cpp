#include "geo/simplify.h"

#include <cmath>

#include "geo/planar.h"

namespace chronoatlas::geo {
std::vector<LonLat> simplify(const std::vector<LonLat>& line, double tolerance, bool ring) {
  if (line.size() < 3 || tolerance <= 0) return line;
  std::vector<char> keep(line.size(), 0);
  keep.front() = keep.back() = 1;
  // A closed ring's chord from first to last point is degenerate: split it at its farthest point first.
  std::vector<std::pair<size_t, size_t>> stack;
  if (ring) {
    size_t far = 0;
    double best = -1;
    for (size_t i = 1; i + 1 < line.size(); ++i) {
      double d = std::hypot(line[i].lon - line[0].lon, line[i].lat - line[0].lat);
      if (d > best) best = d, far = i;
    }
    keep[far] = 1;
    stack = {{0, far}, {far, line.size() - 1}};
  } else {
    stack = {{0, line.size() - 1}};
  }
  while (!stack.empty()) {
    auto [a, b] = stack.back();
    stack.pop_back();
    double best = -1;
    size_t at = a;
    for (size_t i = a + 1; i < b; ++i) {
      double d = std::sqrt(squared_distance_to_segment(line[i], line[a], line[b]));
      if (d > best) best = d, at = i;
    }
    if (best > tolerance) {
      keep[at] = 1;
      stack.push_back({a, at});
      stack.push_back({at, b});
    }
  }
  std::vector<LonLat> out;
  for (size_t i = 0; i < line.size(); ++i)
    if (keep[i]) out.push_back(line[i]);
  if (ring && out.size() < 4) out.clear();
  return out;
}

}  // namespace chronoatlas::geo
