#pragma once
// The one pixel comparison of every test: render cases, CLI outputs and desktop screenshots alike. IMAGE is any type
// with width, height and rgba (four bytes a pixel, rows top to bottom): the PNG reader's and the renderer's.
#include <algorithm>
#include <cstddef>
#include <cstdlib>

struct PixelRect {
  int x0, y0, x1, y1;  // [x0, x1) x [y0, y1), pixels
};

struct PixelDiff {
  size_t differing = 0;  // pixels off by more than the channel tolerance in some channel
  size_t total = 0;
  int worst = 0;         // largest channel difference seen
  double share() const { return total ? static_cast<double>(differing) / static_cast<double>(total) : 0; }
};

// A and B (of one size) compared in RECT, or everywhere; CHANNEL is the tolerance in levels out of 255. With
// PICTURE, each pixel is marked there: red where it differs, a faded copy of A elsewhere.
template <class Image>
PixelDiff pixel_diff(const Image& a, const Image& b, int channel, PixelRect rect = {0, 0, -1, -1},
                     Image* picture = nullptr) {
  PixelDiff d;
  if (rect.x1 < 0) rect = {0, 0, a.width, a.height};
  rect.x1 = std::min(rect.x1, std::min(a.width, b.width)), rect.y1 = std::min(rect.y1, std::min(a.height, b.height));
  if (picture) *picture = a;
  for (int y = rect.y0; y < rect.y1; ++y)
    for (int x = rect.x0; x < rect.x1; ++x) {
      const size_t i = (static_cast<size_t>(y) * a.width + x) * 4, j = (static_cast<size_t>(y) * b.width + x) * 4;
      int worst = 0;
      for (int k = 0; k < 4; ++k) worst = std::max(worst, std::abs(int(a.rgba[i + k]) - int(b.rgba[j + k])));
      d.worst = std::max(d.worst, worst);
      ++d.total;
      d.differing += worst > channel;
      if (!picture) continue;
      auto* p = &picture->rgba[i];
      if (worst > channel) p[0] = 255, p[1] = 0, p[2] = 0;
      else
        for (int k = 0; k < 3; ++k) p[k] = static_cast<unsigned char>(200 + p[k] / 5);
      p[3] = 255;
    }
  return d;
}
