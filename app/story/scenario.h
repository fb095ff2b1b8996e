#pragma once
// A scenario is data: a folder with scenario.json naming layers, styles, time range, view and events.
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "base/geometry_types.h"
#include "base/result.h"
#include "story/layer_style.h"
#include "story/sources.h"
#include "story/time.h"

namespace chronoatlas::story {

struct Sample {
  Days at;             // days since 1970; a date without a time of day counts from the end of that day
  bool has_time;       // the source gave a clock time
  std::string time_text;  // the source's own words for a time it gave without a clock ("evening"); "" for none
  double value;
  std::string source;  // where the figure comes from, as cited
  std::string note;
  std::vector<std::string> source_ids;  // into Scenario::sources
};

enum class Interpolation { Step, Linear };

// A numeric series over time, attached to one feature of a layer (by the value of its key field), and how it shows.
struct Series {
  std::string id;                  // optional; lets another series reuse these samples ("samples_from")
  std::string feature_key;         // value of the layer's key field that names the feature
  Interpolation interpolation = Interpolation::Step;
  std::string derive;              // "" for the value itself; "daily_change": value(t) - value(t - 1 day)
  std::vector<Sample> samples;     // sorted by time
  double radius_px_per_sqrt = 0;   // point symbol: radius = k * sqrt(value)
  double width_px_per_unit = 0;    // line: width = k * value
  std::string label;               // map label for the feature; "{value}" is replaced by the value
  std::string label_no_figure;     // the label while the last sample has no figure (value null); "{when}" allowed
  std::string unit;                // what is counted ("arrivals"), for legend size keys
  std::string title;               // for charts and tooltips
  std::string id_of_samples;       // "samples_from": resolved at load
};

// How a layer's features live on the timeline.
enum class TimeMode {
  Interval,    // [start, end): either field may be empty (an open end)
  Instant,     // one moment each, live for DURATION_DAYS from it (a date alone: its whole day)
  Cumulative,  // from its moment on: everything up to the current date
};

struct LayerTime {
  TimeMode mode = TimeMode::Interval;
  std::string start_field;    // Instant and Cumulative read their moment here
  std::string end_field;      // Interval only
  std::string instant_field;  // Interval only: a moment for features with neither start nor end (KML's TimeStamp)
  double duration_days = 1;   // Instant, and the instant field of Interval layers
  // >0: each feature fades from full strength to a quarter over this many days after its start, so the newest stand
  // out (cumulative layers of events); 0: no fade.
  double fade_days = 0;
  // Numeric dates (13.02.2023, 3/4/23) read day before month, as most of the world writes them; false: month first
  // (the US). Detection sets it from the column (model/time_detection.h).
  bool day_first = true;
  bool any() const { return !start_field.empty() || !end_field.empty() || !instant_field.empty(); }
  bool operator==(const LayerTime&) const = default;
};
// "interval", "instant", "cumulative"; and back, false for an unknown name.
const char* time_mode_name(TimeMode mode);
bool time_mode_from_name(const std::string& name, TimeMode& mode);

struct LayerSpec {
  std::string id;
  std::string title;               // legend text
  std::string source;              // absolute path to a vector source
  std::string source_layer;        // OGR layer name; "" for the first
  LayerStyle style;
  LayerTime time;                  // none: the layer looks the same on every date
  std::string key_field;           // names features for series
  std::vector<Series> series;
  bool legend = true;
  std::string attribution;         // this layer's sources, in the credits while it is shown
  // Scales at which the layer is drawn, as ground metres per pixel at UI scale 1 (so a 2x export uses the same data
  // as the screen): [min, max). Detailed data for close views, generalised data for overviews.
  double min_m_per_px = 0, max_m_per_px = std::numeric_limits<double>::infinity();
  bool drawn_at(double m_per_px) const { return m_per_px >= min_m_per_px && m_per_px < max_m_per_px; }
  std::vector<std::pair<std::string, std::string>> details;  // field, title: what Details shows, in order; empty: all
};

struct Event {
  Days at = 0;
  std::string time_text;                // the source's words for a time without a clock ("evening"); "" for none
  std::string title;
  std::string detail;
  std::string source;                   // as cited
  std::vector<std::string> source_ids;  // into Scenario::sources
  std::optional<LonLat> place;
};

// Words someone said, as an outlet reported them: verbatim, a cut marked "[…]", with the speaker and the agency or
// outlet that carried them. Attached to a day (its event's) or a place, or both.
struct Quote {
  std::string text;         // verbatim, in the language spoken or reported
  std::string speaker;      // "Yuri Ushakov"
  std::string via;          // the agency or outlet that reported it ("Tass")
  std::string language;     // BCP 47 code of TEXT ("ru", "it"); "" where not recorded
  std::string translation;  // ours, into English; "" for none
  std::string source;       // the document it was read in, as cited
  std::vector<std::string> source_ids;  // into Scenario::sources
  std::optional<Days> at;   // the day of the event it belongs to: shown as the caption's line on that day
  std::optional<LonLat> place;
};
// "" when QUOTE keeps the rules of a quote (text, speaker, via and source given; a cut marked "[…]", never a bare
// ellipsis), else what is wrong, for the person typing it.
std::string quote_problem(const Quote& quote);
// «text» — speaker (via), in the form captions and Details show.
std::string format_quote(const Quote& quote);

struct Scenario {
  std::string dir;                 // folder of scenario.json
  std::string title;
  std::string attribution;         // all sources; the credits on the map list only those of the layers shown
  std::string time_zone;           // what local time means here ("UTC+4"), stated with the time rule on the map
  Days origin = 0;                 // GPU times are days since this
  Days start = 0, end = 0;         // timeline [start, end)
  bool dated = true;               // false: a story of places alone, with no time range of its own (none is saved)
  Days initial = 0;                // date shown first
  BoundsLonLat view;               // default view, degrees
  std::string projection;          // "" means a Lambert conformal conic fitted to the view
  std::vector<LayerSpec> layers;   // bottom first
  std::vector<Event> events;       // sorted by time
  std::vector<Quote> quotes;       // in the order added
  SourceList sources;              // sources.json in the folder: what features, figures and events cite
};

// Reads DIR/scenario.json (its "time" optional: without it, an undated story). Errors name the file, the key and what was expected.
Result<Scenario> load_scenario(const std::string& dir);
// The same from TEXT, the manifest's contents, with DIR the folder its paths are relative to.
Result<Scenario> parse_scenario(const std::string& text, const std::string& dir);

// "none" as a scenario: no layers, events or time of its own; a map of the files a user adds, and nothing else.
inline constexpr const char* kNoScenario = "none";
Scenario no_scenario();

// A series' value at T: step holds the last sample, linear interpolates; nothing before the first sample. With
// derive "daily_change", the change over the 24 hours before T (our arithmetic on the sourced samples).
std::optional<double> series_value(const Series& series, Days t);
// VALUE rounded, with thousands separators: 100,625; "no figure" for NaN.
std::string format_count(double value);
// The series' label with {value} and {when} filled from the last reported sample (never an interpolated number),
// its no-figure label when that sample has no figure, or "" before the first sample.
std::string series_label(const Series& series, Days t);
// "26 Sep 2023, 20:00", "1 Oct 2023, evening" (the source's words), or the date alone when the source gave no time.
std::string format_sample_time(const Sample& sample);
// The sample in effect at T (the last at or before T), or null.
const Sample* sample_at(const Series& series, Days t);

}  // namespace chronoatlas::story
