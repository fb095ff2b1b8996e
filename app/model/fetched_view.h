#pragma once
// What a database layer's features were fetched for, and when a view needs them fetched again: the database is asked
// for a margin around what is shown, at the resolution shown, so panning within the margin or zooming within a
// factor of two asks nothing.
#include <string>
#include <vector>

#include "base/geometry_types.h"
#include "base/result.h"
#include "geo/database_source.h"

namespace chronoatlas::model {

struct FetchedView {
  BoundsLonLat box;            // degrees
  double tolerance_deg = 0;    // simplification on the server
};

// The fetch for a view showing SHOWN at DEG_PER_PX degrees a pixel.
FetchedView fetch_for(const BoundsLonLat& shown, double deg_per_px);
// True when what was fetched (HAVE) does not serve a view showing SHOWN at DEG_PER_PX: part of it lies outside, or
// the detail is too coarse for it or needlessly fine.
bool needs_fetch(const FetchedView& have, const BoundsLonLat& shown, double deg_per_px);

// The features of layer SOURCE_LAYER ("" for the first) of database SOURCE for VIEW. Thread-safe: the app runs it in
// the background while the map keeps the features it has.
Result<geo::VectorLayer> fetch_features(const std::string& source, const std::string& source_layer,
                                        const FetchedView& view, geo::FetchStats& stats);

}  // namespace chronoatlas::model
