#include "render/offscreen.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace chronoatlas::render {

Result<OffscreenTarget> OffscreenTarget::create(int width, int height) {
  OffscreenTarget t;
  GLuint fbo = 0, colour = 0;
  glGenFramebuffers(1, &fbo);
  glGenRenderbuffers(1, &colour);
  t.fbo_ = GlFramebuffer(fbo);
  t.colour_ = GlRenderbuffer(colour);
  t.width_ = width, t.height_ = height;
  glBindRenderbuffer(GL_RENDERBUFFER, colour);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
  bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (!complete) return Error{"offscreen framebuffer of " + std::to_string(width) + "x" + std::to_string(height) +
                              " could not be created"};
  return t;
}

void OffscreenTarget::bind() const { glBindFramebuffer(GL_FRAMEBUFFER, fbo_.id()); }

void OffscreenTarget::read(int width, int height, std::vector<uint8_t>& out) const {
  std::vector<uint8_t> rows(static_cast<size_t>(width) * height * 4);
  out.resize(rows.size());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
  const size_t stride = static_cast<size_t>(width) * 4;
  for (int y = 0; y < height; ++y) std::memcpy(&out[y * stride], &rows[(height - 1 - y) * stride], stride);
}

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

  auto target = OffscreenTarget::create(std::min(tile, w), std::min(tile, h));
  if (!target) return Error{target.error()};
  target->bind();
  const OverlayLayout overlay = renderer.layout(frame);  // once, for every tile
  std::vector<uint8_t> rows;
  for (int ty = 0; ty < h; ty += tile) {
    for (int tx = 0; tx < w; tx += tile) {
      PixelRect r{tx, ty, std::min(tile, w - tx), std::min(tile, h - ty)};
      renderer.draw_tile(frame, overlay, r);
      target->read(r.width, r.height, rows);
      for (int y = 0; y < r.height; ++y)
        std::memcpy(&img.rgba[(static_cast<size_t>(ty + y) * w + tx) * 4], &rows[static_cast<size_t>(y) * r.width * 4],
                    static_cast<size_t>(r.width) * 4);
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
