#include "render/offscreen.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace chronoatlas::render {

Result<Image> render_image(MapRenderer& renderer, const Frame& frame) {
  const int w = frame.view.width_px, h = frame.view.height_px;
  if (w <= 0 || h <= 0 || w > kMaxImageSide || h > kMaxImageSide)
    return Error{"image size " + std::to_string(w) + "x" + std::to_string(h) + " is outside 1.." +
                 std::to_string(kMaxImageSide) + " pixels a side"};
  GLint max_rb = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_rb);
  const int tile = std::min(4096, static_cast<int>(max_rb));

  Image img;
  img.width = w;
  img.height = h;
  try {
    img.rgba.resize(static_cast<size_t>(w) * h * 4);
  } catch (const std::bad_alloc&) {
    return Error{"image size " + std::to_string(w) + "x" + std::to_string(h) + ": not enough memory"};
  }

  GLuint fbo = 0, colour = 0;
  glGenFramebuffers(1, &fbo);
  glGenRenderbuffers(1, &colour);
  GlFramebuffer fbo_owner(fbo);
  GlRenderbuffer rb_owner(colour);
  glBindRenderbuffer(GL_RENDERBUFFER, colour);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, std::min(tile, w), std::min(tile, h));
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return Error{"offscreen framebuffer could not be created"};
  }
  std::vector<uint8_t> rows;
  for (int ty = 0; ty < h; ty += tile) {
    for (int tx = 0; tx < w; tx += tile) {
      PixelRect r{tx, ty, std::min(tile, w - tx), std::min(tile, h - ty)};
      renderer.draw_tile(frame, r);
      rows.resize(static_cast<size_t>(r.width) * r.height * 4);
      glPixelStorei(GL_PACK_ALIGNMENT, 1);
      glReadPixels(0, 0, r.width, r.height, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
      // GL rows run bottom to top.
      for (int y = 0; y < r.height; ++y)
        std::memcpy(&img.rgba[(static_cast<size_t>(ty + y) * w + tx) * 4],
                    &rows[static_cast<size_t>(r.height - 1 - y) * r.width * 4], static_cast<size_t>(r.width) * 4);
    }
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  // Blending leaves premultiplied colour where the background is transparent; PNG wants straight alpha.
  for (size_t i = 0; i < img.rgba.size(); i += 4) {
    unsigned a = img.rgba[i + 3];
    if (a == 255 || a == 0) continue;
    for (int k = 0; k < 3; ++k) img.rgba[i + k] = static_cast<uint8_t>(std::min(255u, (img.rgba[i + k] * 255u + a / 2) / a));
  }
  return img;
}

}  // namespace chronoatlas::render
