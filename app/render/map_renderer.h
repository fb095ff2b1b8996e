#pragma once
// Draws a Frame into whatever framebuffer is bound: the window's or an offscreen target. One path for both.
#include <memory>
#include <string>

#include "base/result.h"
#include "render/frame.h"

namespace chronoatlas::render {

struct PixelBox {
  float x0, y0, x1, y1;  // image pixels
  bool overlaps(const PixelBox& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct PixelRect {
  int x = 0, y = 0, width = 0, height = 0;  // image pixels, top-left origin
};

class MapRenderer {
 public:
  // Compiles the shaders and loads fonts; needs a current GL 3.3 core context.
  static Result<std::unique_ptr<MapRenderer>> create(const std::string& font_dir);

  // Draws FRAME into the bound framebuffer, in the view-sized rectangle whose lower-left corner is at (X, Y)
  // framebuffer pixels (GL's convention): the app's map area beside its panels, or the whole target.
  void draw(const Frame& frame, int x = 0, int y = 0);
  // The same picture as draw(), for the screen: the bottom layers that do not change with the date are kept in a
  // texture and reused while only the date changes or the view pans by less than a quarter screen.
  void draw_cached(const Frame& frame, int x = 0, int y = 0);
  // Draws the part of FRAME inside TILE (image pixels) into the bound framebuffer of the tile's size. Labels and
  // furniture are laid out on the whole image, so tiles join without seams.
  void draw_tile(const Frame& frame, const PixelRect& tile);

 private:
  MapRenderer() = default;
  void begin_target(const Frame& frame, int x, int y, int width, int height);
  void draw_layers(const Frame& frame, const View& view, size_t begin, size_t end);
  void draw_areas(const Frame& frame, const View& view, const LayerDraw& d, const GpuLayer::Level& level,
                  const BoundsXY& seen);
  void draw_lines(const Frame& frame, const View& view, const LayerDraw& d, const GpuLayer::Level& level,
                  const BoundsXY& seen);
  void draw_points(const Frame& frame, const View& view, const LayerDraw& d, const BoundsXY& seen);
  void draw_overlays(const Frame& frame);
  static size_t cacheable_prefix(const Frame& frame);
  static uint64_t cache_key(const Frame& frame, size_t cacheable);
  void draw_labels(const Frame& frame);
  // Lays out title, date, legend, scale bar, sources and north arrow; their boxes keep labels away.
  void layout_furniture(const Frame& frame);
  void add_text(const std::string& text, float x, float y, const TextStyle& style);
  void draw_furniture();
  void flush_shapes();
  PixelRect tile_{};
  int target_x_ = 0, target_y_ = 0;

  GlProgram area_, line_, point_, shape_, blit_;
  struct Cache {
    GlTexture texture;
    GlFramebuffer fbo;
    int width = 0, height = 0;
    View view;              // what the texture shows
    uint64_t key = 0;
  } cache_;
  GlVertexArray shape_vao_;
  GlBuffer shape_vbo_;
  std::vector<float> shapes_;  // x, y, rgba per vertex, image pixels
  std::unique_ptr<TextRenderer> text_;
  struct FurnitureText {
    std::string text;
    float x, y;
    TextStyle style;
  };
  std::vector<FurnitureText> furniture_text_;
  std::vector<PixelBox> reserved_;

  // Queue furniture shapes, in image pixels.
  void add_rect(float x0, float y0, float x1, float y1, Rgba colour);
  void add_triangle(XY a, XY b, XY c, Rgba colour);
};

// Greedy label placement in order of rank, avoiding TAKEN boxes and each other: the labels drawn and where.
struct PlacedLabel {
  size_t index;
  float x, y;  // baseline start, image pixels
};
std::vector<PlacedLabel> place_labels(const std::vector<Label>& labels, const View& view, TextRenderer& text,
                                      std::vector<PixelBox> taken = {});

}  // namespace chronoatlas::render
