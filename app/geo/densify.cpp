#include "geo/densify.h"

#include <cmath>

namespace chronoatlas::geo {

std::vector<LonLat> densify(const std::vector<LonLat>& line, double max_step_deg) {
  std::vector<LonLat> out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    if (i > 0) {
      LonLat a = line[i - 1], b = line[i];
      double len = std::hypot(b.lon - a.lon, b.lat - a.lat);
      int steps = static_cast<int>(std::ceil(len / max_step_deg));
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
