#pragma once
// Draws a Frame into whatever framebuffer is bound: the window's or an offscreen target. One path for both.
#include <memory>
#include <string>

#include "base/result.h"
#include "render/frame.h"

namespace chronoatlas::render {

struct PixelRect {
  int x = 0, y = 0, width = 0, height = 0;  // image pixels, top-left origin
};

class MapRenderer {
 public:
  // Compiles the shaders and loads fonts; needs a current GL 3.3 core context.
  static Result<std::unique_ptr<MapRenderer>> create(const std::string& font_dir);

  // Draws FRAME into the bound framebuffer, whose size is the view's.
  void draw(const Frame& frame);
  // Draws the part of FRAME inside TILE (image pixels) into the bound framebuffer of the tile's size. Labels and
  // furniture are laid out on the whole image, so tiles join without seams.
  void draw_tile(const Frame& frame, const PixelRect& tile);
  TextRenderer& text() { return *text_; }

 private:
  MapRenderer() = default;
  void draw_layers(const Frame& frame, const View& tile_view);
  void draw_labels(const Frame& frame);
  void draw_furniture(const Frame& frame);
  void flush_shapes();
  PixelRect tile_{};

  GlProgram area_, line_, point_, shape_;
  GlVertexArray shape_vao_;
  GlBuffer shape_vbo_;
  std::vector<float> shapes_;  // x, y, rgba per vertex, image pixels
  std::unique_ptr<TextRenderer> text_;

  // Queue furniture shapes, in image pixels.
  void add_rect(float x0, float y0, float x1, float y1, Rgba colour);
  void add_triangle(XY a, XY b, XY c, Rgba colour);
};

// Greedy label placement: returns, for each label in order of rank, whether it is drawn and its top-left pixel.
struct PlacedLabel {
  size_t index;
  float x, y;  // baseline start, image pixels
};
std::vector<PlacedLabel> place_labels(const std::vector<Label>& labels, const View& view, TextRenderer& text);

}  // namespace chronoatlas::render
