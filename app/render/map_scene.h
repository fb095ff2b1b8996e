#pragma once
// What the map draws, prepared from the atlas it observes: each layer tessellated once (in lon/lat), projected for the
// view's CRS only when geometry or projection change, its per-feature styles evaluated only when they change, plus the
// graticule. describe() turns a view and a date into a Frame of plain data that any backend draws; nothing here
// touches GL.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/job_pool.h"
#include "geo/projection.h"
#include "model/atlas.h"
#include "render/frame.h"
#include "render/furniture_content.h"
#include "render/graticule.h"
#include "render/map_view.h"
#include "render/prepared_layer.h"

namespace chronoatlas::render {

class MapScene {
 public:
  // Observes ATLAS, which must outlive the scene (the story document owns it), and builds every layer's geometry
  // (CPU only: no GL needed). The scene follows the atlas's changes by revision at the next prepare().
  explicit MapScene(const model::Atlas& atlas);

  const model::Atlas& atlas() const { return atlas_; }
  const story::Scenario& scenario() const { return atlas_.scenario(); }

  // Follows the atlas (new layers get geometry, removed ones go) and projects everything for PROJECTION when it
  // differs from the last. CPU only. With IN_BACKGROUND, new layers are tessellated and projected on worker threads
  // and appear at a later call once ready (the window stays responsive while a big file is prepared); without it,
  // everything is ready on return (exports).
  void prepare(const geo::Projection& projection, bool in_background = false);
  // True while some layer is being prepared in the background; IS_LOADING for one layer (by atlas id).
  bool loading() const { return !loading_.empty(); }
  bool is_loading(uint64_t atlas_id) const;
  // Evaluates the per-feature styles for DAY where they changed (a series, a restyle). CPU only.
  void style(story::Days day);
  // Everything to draw at DAY in VIEW, as of the last prepare(). No GL: testable without a context.
  Frame describe(const MapView& view, story::Days day, const FurnitureOptions& options) const;
  // prepare(), style() and describe(): what the app and the exporter call for each image.
  Frame frame(const MapView& view, story::Days day, const FurnitureOptions& options);

  // The scenario's default extent in PROJECTION at the given size.
  MapView default_view(const geo::Projection& projection, int width_px, int height_px, float ui_scale) const;
  // The prepared form of the atlas layer at INDEX, or null when the atlas changed since prepare().
  const PreparedLayer* prepared(size_t index) const;
  // Messages from preparing layers since the last call (a damaged cache entry rebuilt), for the caller to show.
  std::vector<std::string> take_warnings() { return std::move(warnings_); }

 private:
  struct Loading {
    uint64_t atlas_id;
    Job<std::unique_ptr<PreparedLayer>> result;
    std::shared_ptr<std::vector<std::string>> warnings;
  };
  // Moves finished background preparations into prepared_; true when some arrived.
  bool install_loaded();
  // The current projection's seam, degrees; NaN before a projection is set.
  double seam() const;
  // Moves the label anchors of areas covered by an upper layer's area off it (render/uncovered_anchors.h).
  void uncover_anchors();
  const Graticule& pick_graticule(double deg_per_px) const;

  const model::Atlas& atlas_;
  std::vector<std::unique_ptr<PreparedLayer>> prepared_;  // in atlas order after prepare()
  std::vector<std::unique_ptr<Graticule>> graticules_;
  std::optional<geo::Projection> projection_;
  uint64_t prepared_revision_ = 0;  // the atlas revision prepare() last followed
  uint64_t generation_ = 1;
  std::vector<std::string> warnings_;
  std::vector<Loading> loading_;    // background preparations; each job holds copies of all it reads
};

// The scenario's projection: its own definition, or a Lambert conformal conic fitted to its default view.
Result<geo::Projection> scenario_projection(const story::Scenario& scenario);

}  // namespace chronoatlas::render
