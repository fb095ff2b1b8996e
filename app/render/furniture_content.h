#pragma once
// What the map's furniture says, as plain data for the overlay to lay out: legend rows with their size keys, the
// event caption, the scale bar and north arrow, the credits of the layers shown and the time rule.
#include <optional>
#include <string>
#include <vector>

#include "model/atlas.h"
#include "render/density.h"
#include "render/frame.h"
#include "render/map_view.h"

namespace chronoatlas::render {

struct FurnitureOptions {
  bool title = true, date = true, legend = true, scale_bar = true, north_arrow = true, attribution = true;
  bool graticule = true;
  bool caption = true;         // the event the date has reached, on the map
  bool inset = true;           // a locator inset, when the map shows less than a country-sized area
  bool transparent = false;
  std::string title_override;  // "" keeps the scenario's title
};

// The layer's legend rows: one, or with colours by value, one per value ("event_type: Battles") and "other".
std::vector<LegendEntry> legend_entries(const model::AtlasLayer& layer);
// A density view's rows: a class per row up to the highest on the map, the first naming the layer and the cells' size.
std::vector<LegendEntry> density_legend(const model::AtlasLayer& layer, const HexGrid& grid, const View& view,
                                        double metres_per_px);
// The event the date has reached: the last one on the day shown, up to the moment shown.
std::optional<Caption> caption_for(const story::Scenario& scenario, story::Days day);
// The scale at the map's centre (the layout makes the bar of it) and where north points; METRES_PER_PX is the
// view's, measured once a frame.
void add_scale_bar(const MapView& view, double metres_per_px, Furniture& furniture);
// The date stamp with its time rule, and the credits of the layers DRAWN (indices into ATLAS's layers).
void add_credits_and_time(const model::Atlas& atlas, const std::vector<size_t>& drawn, story::Days day,
                          const FurnitureOptions& options, Furniture& furniture);

}  // namespace chronoatlas::render
