#include "geo/densify.h"

#include <algorithm>
#include <cmath>

namespace chronoatlas::geo {
namespace {

// A segment round the whole earth at the finest step the app asks for needs well under this.
constexpr double kMostSteps = 1 << 16;

}  // namespace

std::vector<LonLat> densify(const std::vector<LonLat>& line, double max_step_deg) {
  std::vector<LonLat> out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    if (i > 0) {
      LonLat a = line[i - 1], b = line[i];
      // Bounded for any input: a non-finite length adds no points, and no segment gets more than kMostSteps.
      const double steps_wanted = std::ceil(std::hypot(b.lon - a.lon, b.lat - a.lat) / max_step_deg);
      const int steps = steps_wanted >= 1 ? static_cast<int>(std::min(steps_wanted, kMostSteps)) : 1;
      for (int s = 1; s < steps; ++s) {
        double f = static_cast<double>(s) / steps;
        out.push_back({a.lon + (b.lon - a.lon) * f, a.lat + (b.lat - a.lat) * f});
      }
    }
    out.push_back(line[i]);
  }
  return out;
}

}  // namespace chronoatlas::geo
