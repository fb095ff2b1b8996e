#include "model/fetched_view.h"

#include <algorithm>

namespace chronoatlas::model {

FetchedView fetch_for(const BoundsLonLat& shown, double deg_per_px) {
  const double dx = (shown.east - shown.west) * 0.25, dy = (shown.north - shown.south) * 0.25;
  FetchedView f;
  f.box.extend(LonLat{std::max(-180.0, shown.west - dx), std::max(-90.0, shown.south - dy)});
  f.box.extend(LonLat{std::min(180.0, shown.east + dx), std::min(90.0, shown.north + dy)});
  f.tolerance_deg = deg_per_px / 2;  // half a pixel: the simplification cannot be seen
  return f;
}

Result<geo::VectorLayer> fetch_features(const std::string& source, const std::string& source_layer,
                                        const FetchedView& view, geo::FetchStats& stats) {
  auto report = geo::load_database_view(source, view.box, view.tolerance_deg, stats, source_layer);
  if (!report) return Error{report.error()};
  for (geo::VectorLayer& l : report->layers)
    if (source_layer.empty() || l.name == source_layer) return std::move(l);
  return Error{source + ": no table '" + source_layer + "' with features to draw"};
}

bool needs_fetch(const FetchedView& have, const BoundsLonLat& shown, double deg_per_px) {
  const bool inside = shown.west >= have.box.west && shown.east <= have.box.east && shown.south >= have.box.south &&
                      shown.north <= have.box.north;
  const double wanted = deg_per_px / 2;
  return !inside || have.tolerance_deg > wanted * 2 || have.tolerance_deg < wanted / 4;
}

}  // namespace chronoatlas::model
