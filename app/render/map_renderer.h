#pragma once
// The OpenGL backend: draws a Frame into whatever framebuffer is bound, the window's or an offscreen target, one path
// for both. It keeps the GPU's copies of the frame's layers itself, uploaded when the frame brings new geometry or
// styles, so the scene never holds a GL object.
#include <memory>
#include <string>
#include <unordered_map>

#include "base/result.h"
#include "render/frame.h"
#include "render/gpu_layer.h"
#include "render/overlay_layout.h"
#include "render/text_renderer.h"

namespace chronoatlas::render {

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
  // FRAME's labels and furniture laid out on the whole image, measured with this renderer's fonts.
  OverlayLayout layout(const Frame& frame);
  // Draws the part of FRAME inside TILE (image pixels) into the bound framebuffer of the tile's size, with the
  // overlay laid out once for the whole image, so tiles join without seams.
  void draw_tile(const Frame& frame, const OverlayLayout& overlay, const PixelRect& tile);
  // Characters the text had that no installed font has (each once), since the last call.
  std::vector<std::string> take_text_warnings() { return text_->take_warnings(); }
  text::Shaper& shaper() { return text_->shaper(); }

 private:
  // A texture drawn once and copied from while its key stays the same.
  struct CacheTarget {
    GlTexture texture;
    GlFramebuffer fbo;
    int width = 0, height = 0;
    uint64_t key = 0;
    void resize(int w, int h);  // makes the texture and framebuffer again when the size changes
  };
  MapRenderer() = default;
  void begin_target(const Frame& frame, int x, int y, int width, int height);
  void set_target_state(int x, int y, int width, int height);
  // Copies SOURCE's pixels from (FROM_X, FROM_Y) onward to the target's rectangle at (X, Y).
  void copy_cache(const CacheTarget& source, int x, int y, int width, int height, int from_x, int from_y);
  // Uploads what FRAME brings that the GPU lacks, and drops the copies of sources the scene no longer holds.
  void upload(const Frame& frame);
  void draw_layers(const Frame& frame, const View& view, const std::vector<LayerDraw>& layers, size_t begin, size_t end);
  void draw_areas(const Frame& frame, const View& view, const LayerDraw& d, const GpuLayer& gpu,
                  const GpuLayer::Level& level, const BoundsXY& seen);
  void draw_lines(const Frame& frame, const View& view, const LayerDraw& d, const GpuLayer& gpu,
                  const GpuLayer::Level& level, const BoundsXY& seen);
  void draw_points(const Frame& frame, const View& view, const LayerDraw& d, const GpuLayer& gpu, const BoundsXY& seen);
  void draw_cells(const LayerDraw& d);
  void draw_overlay(const Frame& frame, const OverlayLayout& overlay);
  // The frame's highlight, under the labels and the furniture.
  void draw_highlight(const Frame& frame);
  // The locator inset's map in its box, then its frame and the main map's outline over it.
  void draw_inset(const Frame& frame, const InsetPlacement& placed);
  static size_t cacheable_prefix(const Frame& frame);
  static uint64_t cache_key(const Frame& frame, size_t cacheable);
  // Draws the first CACHEABLE layers of FRAME into the cache texture, MARGIN pixels wider on each side.
  void refresh_cache(const Frame& frame, size_t cacheable, int margin);
  // Queue for flush_shapes: a shape as GL draws it (a circle as 32 slices, a polyline as a quad a segment), and one
  // triangle of it.
  void add_shape(const OverlayShape& shape);
  void add_triangle(XY a, XY b, XY c, Rgba colour);
  void flush_shapes();
  PixelRect tile_{};
  int target_x_ = 0, target_y_ = 0;

  GlProgram area_, line_, point_, shape_;
  // A source's layer on the GPU, with the objects it was uploaded from: held, so none can be freed and its address
  // reused for another while the comparison depends on it.
  struct Resident {
    GpuLayer gpu;
    std::shared_ptr<const ProjectedLayer> geometry;
    std::shared_ptr<const std::vector<model::FeatureStyle>> styles;
  };
  std::unordered_map<uint64_t, Resident> resident_;
  struct Cache : CacheTarget {
    View view;              // what the texture shows
  } cache_;
  CacheTarget inset_cache_;   // the locator inset's map: it changes only with the view
  GlVertexArray shape_vao_;
  GlBuffer shape_vbo_;
  std::vector<float> shapes_;  // x, y, rgba per vertex, image pixels
  std::unique_ptr<TextRenderer> text_;
};

}  // namespace chronoatlas::render
