#include "render/scale_bar.h"

#include <cmath>
#include <cstdio>

namespace chronoatlas::render {

ScaleBar choose_scale_bar(double metres_per_px, float map_width_px) {
  if (!(metres_per_px > 0) || !std::isfinite(metres_per_px) || !(map_width_px > 0)) return {};
  const double longest = map_width_px / 3.0 * metres_per_px;
  const double decade = std::pow(10.0, std::floor(std::log10(longest)));
  double metres = decade;
  for (double step : {2.0, 2.5, 5.0, 10.0})
    if (step * decade <= longest) metres = step * decade;
  char text[32];
  if (metres >= 1000) std::snprintf(text, sizeof text, "%g km", metres / 1000);
  else std::snprintf(text, sizeof text, "%g m", metres);
  return {static_cast<float>(metres / metres_per_px), text};
}

}  // namespace chronoatlas::render
