#pragma once
// The map as drawn: a scenario's layers loaded, tessellated once, projected and uploaded once per projection, plus the
// graticule. Turns a view and a date into a Frame. Shared by the app, the render command and the benchmark.
#include <memory>
#include <string>
#include <vector>

#include "geo/projection.h"
#include "geo/vector_data.h"
#include "render/frame.h"
#include "render/gpu_layer.h"
#include "render/layer_geometry.h"
#include "story/scenario.h"

namespace chronoatlas::render {

struct SceneLayer {
  story::LayerSpec spec;
  geo::VectorLayer data;
  std::vector<story::Interval> times;  // per feature, days since 1970
  LayerGeometry geometry;
  GpuLayer gpu;
  bool uploaded = false;
  std::vector<float> symbol_radius_px;  // per feature, as last styled (series can size symbols by date)
  std::vector<LonLat> focus_anchor;     // per feature: label point within the scenario's view, NaN where not needed
};

struct FurnitureOptions {
  bool title = true, date = true, legend = true, scale_bar = true, north_arrow = true, attribution = true;
  bool graticule = true;
  bool transparent = false;
  std::string title_override;  // "" keeps the scenario's title
};

class MapScene {
 public:
  // Loads every layer of SCENARIO (CPU only: no GL needed). Warnings name skipped features and layers.
  static Result<std::unique_ptr<MapScene>> load(const story::Scenario& scenario, std::vector<std::string>& warnings);

  // Adds every layer of a vector file with a default style; fails if the file cannot be read.
  Status add_file(const std::string& path, std::vector<std::string>& warnings);
  void remove_layer(size_t index);
  void move_layer(size_t from, size_t to);

  // Sets the projection and (re)uploads all geometry; needs the GL context.
  void use_projection(geo::Projection projection);
  const geo::Projection& projection() const { return *projection_; }
  // Uploads layers added since the last upload; needs the GL context.
  void upload_pending();

  // A view of the scenario's default extent at the given size.
  View default_view(int width_px, int height_px, float ui_scale) const;
  // Projected bounds of a lon/lat box (its edges sampled, so conic curvature is included).
  BoundsXY project_bounds(const BoundsLonLat& box) const;

  // Everything to draw at DAY (days since 1970) in VIEW.
  Frame frame(const View& view, story::Days day, const FurnitureOptions& options);

  const story::Scenario& scenario() const { return scenario_; }
  // True when a visible animated flow is shown at DAY, so the app must keep redrawing.
  bool animating(story::Days day) const;
  std::vector<std::unique_ptr<SceneLayer>>& layers() { return layers_; }
  // Recomputes per-feature colours and symbol sizes of LAYER (after a style edit or a date change); needs GL.
  void restyle(SceneLayer& layer, story::Days day);

 private:
  void restyle_all(story::Days day);
  // The current projection's seam, degrees; NaN before a projection is set.
  double seam() const;
  // True when LAYER's geometry was built for another seam and the current one crosses it (or it was cut before).
  bool needs_recut(const SceneLayer& layer) const;
  void add_scale_bar(const View& view, Furniture& f) const;

  story::Scenario scenario_;
  std::vector<std::unique_ptr<SceneLayer>> layers_;
  std::unique_ptr<geo::Projection> projection_;
  struct Graticule {
    double step_deg;
    LayerGeometry geometry;
    GpuLayer gpu;
    std::vector<std::vector<XY>> projected;  // per line, for degree labels
  };
  std::vector<std::unique_ptr<Graticule>> graticules_;
  const Graticule* pick_graticule(double deg_per_px) const;
  // Degrees of longitude/latitude per image pixel at the view's centre.
  double degrees_per_pixel(const View& view) const;
  size_t level_for(const GpuLayer& layer, double deg_per_px) const;
  std::vector<Label> graticule_labels(const View& view, const Graticule& g, double bottom_px) const;
  float feature_size_px(LonLat anchor, double area_deg2, const View& view) const;
  // Second label points for features whose own lies outside the scenario's default view.
  void find_focus_anchors(SceneLayer& layer) const;
  // Labels of LAYER's features shown at DAY: attribute or series text, ranked by layer order and area.
  void add_labels(const SceneLayer& layer, size_t layer_index, const View& view, story::Days day,
                  std::vector<Label>& out) const;
  story::Days styled_day_ = -1e300;
  uint64_t generation_ = 1;  // bumped by every change to geometry or styles of layers that do not change with time
};

// The label a series gives FEATURE of LAYER at DAY ("100,625 arrived in Armenia"), or "".
std::string series_label_of(const SceneLayer& layer, size_t feature, story::Days day);

// True when LAYER looks the same on every date (no times, series, highlights or flows).
bool is_static(const SceneLayer& layer);

// Builds a scene layer from one loaded vector layer: feature times from the spec's fields (a malformed date skips
// that feature with a warning) and tessellated geometry.
std::unique_ptr<SceneLayer> make_scene_layer(story::LayerSpec spec, geo::VectorLayer data,
                                             std::vector<std::string>& warnings);

}  // namespace chronoatlas::render

namespace chronoatlas::render {

// The scenario's projection: its own definition, or a Lambert conformal conic fitted to its default view.
Result<geo::Projection> scenario_projection(const story::Scenario& scenario);

}  // namespace chronoatlas::render
