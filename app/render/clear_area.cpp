#include "render/clear_area.h"

#include <algorithm>

namespace chronoatlas::render {
namespace {

// The edges a largest clear rectangle can have: the image's and the boxes', clipped to the image.
std::vector<float> edges(const std::vector<PixelBox>& taken, float size, bool horizontal) {
  std::vector<float> out{0, size};
  for (const PixelBox& b : taken) {
    out.push_back(std::clamp(horizontal ? b.x0 : b.y0, 0.f, size));
    out.push_back(std::clamp(horizontal ? b.x1 : b.y1, 0.f, size));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

PixelBox clear_area(const std::vector<PixelBox>& taken, float width, float height, double aspect) {
  const PixelBox whole{0, 0, width, height};
  if (taken.empty() || !(aspect > 0)) return whole;
  const std::vector<float> xs = edges(taken, width, true), ys = edges(taken, height, false);
  PixelBox best = whole;
  double best_height = -1, best_area = 0;  // of the subject's box fitted into the candidate; the candidate's
  // A handful of furniture boxes: every pair of edges on each axis is a candidate.
  for (size_t a = 0; a < xs.size(); ++a)
    for (size_t b = a + 1; b < xs.size(); ++b)
      for (size_t c = 0; c < ys.size(); ++c)
        for (size_t d = c + 1; d < ys.size(); ++d) {
          const PixelBox cand{xs[a], ys[c], xs[b], ys[d]};
          const double fitted = std::min<double>((cand.x1 - cand.x0) / aspect, cand.y1 - cand.y0);
          const double area = double(cand.x1 - cand.x0) * (cand.y1 - cand.y0);
          // Of two where the subject shows as large, the larger keeps more around it.
          if (fitted < best_height || (fitted == best_height && area <= best_area)) continue;
          if (std::any_of(taken.begin(), taken.end(), [&](const PixelBox& t) { return t.overlaps(cand); })) continue;
          best = cand, best_height = fitted, best_area = area;
        }
  return best_height > 0 ? best : whole;
}

void fit_clear_of_furniture(MapView& view, const BoundsLonLat& box, double margin, const FurnitureBoxes& furniture) {
  view.fit(box, margin);
  const PixelBox clear = clear_area(furniture(view), static_cast<float>(view.width_px()),
                                    static_cast<float>(view.height_px()), view.aspect_of(box));
  view.fit_within(box, clear, margin);
}

}  // namespace chronoatlas::render
