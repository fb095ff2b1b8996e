#pragma once
// A scenario is data: a folder with scenario.json naming layers, styles, time range, view and events.
#include <optional>
#include <string>
#include <vector>

#include "base/geometry_types.h"
#include "base/result.h"
#include "story/layer_style.h"
#include "story/time.h"

namespace chronoatlas::story {

struct Sample {
  Days at;             // days since 1970
  double value;
  std::string source;  // where the figure comes from
  std::string note;
};

// A numeric series over time, attached to one feature of a layer (by the value of a key field).
struct Series {
  std::string feature_key;         // value of the layer's key field that names the feature
  std::string interpolation;       // "step" or "linear"
  std::vector<Sample> samples;     // sorted by time
  double radius_px_per_sqrt = 0;   // proportional symbol: radius = k * sqrt(value)
};

struct LayerSpec {
  std::string id;
  std::string title;               // legend text
  std::string source;              // absolute path to a vector source
  std::string source_layer;        // OGR layer name; "" for the first
  LayerStyle style;
  std::string time_start_field;    // ISO 8601 dates; "" for none
  std::string time_end_field;
  std::string key_field;           // names features for series
  std::vector<Series> series;
  bool legend = true;
};

struct Event {
  Days at = 0;
  std::string title;
  std::string detail;
  std::string source;
  std::optional<LonLat> place;
};

struct Scenario {
  std::string dir;                 // folder of scenario.json
  std::string title;
  std::string attribution;
  Days origin = 0;                 // GPU times are days since this
  Days start = 0, end = 0;         // timeline [start, end)
  Days initial = 0;                // date shown first
  BoundsLonLat view;               // default view, degrees
  std::string projection;          // "" means a Lambert conformal conic fitted to the view
  std::vector<LayerSpec> layers;   // bottom first
  std::vector<Event> events;       // sorted by time
};

// Reads DIR/scenario.json. Errors name the file, the key and what was expected.
Result<Scenario> load_scenario(const std::string& dir);

// A series' value at T: step holds the last sample, linear interpolates; nothing before the first sample.
std::optional<double> series_value(const Series& series, Days t);
// The sample in effect at T (the last at or before T), or null.
const Sample* sample_at(const Series& series, Days t);

}  // namespace chronoatlas::story
