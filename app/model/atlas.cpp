#include "model/atlas.h"

#include <algorithm>
#include <cmath>

namespace chronoatlas::model {
void Atlas::add_layer(story::LayerSpec spec, geo::VectorLayer data, std::vector<std::string>& warnings) {
  AtlasLayer l;
  l.id = next_id_++;
  l.spec = std::move(spec);
  l.data = std::make_shared<const geo::VectorLayer>(std::move(data));
  index_times(l, warnings);
  index_highlights(l, warnings);
  layers_.push_back(std::move(l));
  ++revision_;
}

void Atlas::set_features(size_t index, geo::VectorLayer data, std::vector<std::string>& warnings) {
  AtlasLayer& l = layers_.at(index);
  l.data = std::make_shared<const geo::VectorLayer>(std::move(data));
  l.id = next_id_++;
  index_times(l, warnings);
  index_highlights(l, warnings);
  ++l.time_revision;
  ++revision_;
}

void Atlas::replace_features(size_t index, geo::VectorLayer data, const FetchedView& view,
                             std::vector<std::string>& warnings) {
  set_features(index, std::move(data), warnings);
  layers_[index].fetched = view;
}

void Atlas::set_time_zone(const std::string& zone) {
  scenario_.time_zone = zone;
  ++revision_;
}

void Atlas::set_title(const std::string& title) {
  scenario_.title = title;
  ++revision_;
}

void Atlas::set_time_range(story::Days start, story::Days end, story::Days initial, bool dated) {
  scenario_.start = scenario_.origin = start;
  scenario_.end = end;
  scenario_.initial = std::clamp(initial, start, end);
  scenario_.dated = dated;
  timed_before_ = true;  // the story's range now: added files widen it, they no longer choose it
  ++revision_;
}

size_t Atlas::add_event(story::Event event) {
  auto& events = scenario_.events;
  auto at = std::upper_bound(events.begin(), events.end(), event.at,
                             [](story::Days t, const story::Event& e) { return t < e.at; });
  const auto index = static_cast<size_t>(at - events.begin());
  events.insert(at, std::move(event));
  ++revision_;
  return index;
}

story::Event Atlas::remove_event(size_t index) {
  story::Event e = std::move(scenario_.events.at(index));
  scenario_.events.erase(scenario_.events.begin() + static_cast<long>(index));
  ++revision_;
  return e;
}

void Atlas::add_source(story::Source source) {
  const std::string id = source.id;
  scenario_.sources[id] = std::move(source);
  ++revision_;
}

void Atlas::remove_source(const std::string& id) {
  scenario_.sources.erase(id);
  ++revision_;
}

void Atlas::insert_quote(story::Quote quote, size_t index) {
  auto& quotes = scenario_.quotes;
  quotes.insert(quotes.begin() + static_cast<long>(std::min(index, quotes.size())), std::move(quote));
  ++revision_;
}

story::Quote Atlas::remove_quote(size_t index) {
  story::Quote q = std::move(scenario_.quotes.at(index));
  scenario_.quotes.erase(scenario_.quotes.begin() + static_cast<long>(index));
  ++revision_;
  return q;
}

void Atlas::saved_as(const std::string& dir, const std::vector<story::LayerSpec>& layers) {
  scenario_.dir = dir;
  scenario_.layers = layers;
  for (size_t i = 0; i < layers_.size() && i < layers.size(); ++i) layers_[i].spec = layers[i];
  ++revision_;
}

void Atlas::set_time(size_t index, const story::LayerTime& time, std::vector<std::string>& warnings) {
  AtlasLayer& l = layers_.at(index);
  story::LayerTime same_dates = time;
  same_dates.fade_days = l.spec.time.fade_days;
  const bool dates_change = same_dates != l.spec.time;
  l.spec.time = time;
  ++revision_;
  if (!dates_change) return;  // a fade is drawn on the GPU from the dates already read
  index_times(l, warnings);
  widen_time_range(l, warnings);
  ++l.time_revision;
}

void Atlas::widen_time_range(const AtlasLayer& layer, std::vector<std::string>& notes) {
  story::Days first = story::kNever, last = -story::kNever;
  for (const story::Interval& t : layer.times) {
    if (std::isfinite(t.start)) first = std::min(first, t.start), last = std::max(last, t.start);
    if (std::isfinite(t.end)) last = std::max(last, t.end - 1e-6);  // the end is exclusive
  }
  if (first > last) return;
  story::Scenario& sc = scenario_;
  sc.dated = true;  // dated data gives an undated story its range
  // A map without a story takes its time range from its data; a story's range only grows, and says so.
  const bool own_range = sc.dir.empty() && !timed_before_;
  const story::Days start = own_range ? std::floor(first) : std::min(sc.start, std::floor(first));
  const story::Days end = own_range ? std::floor(last) + 1 : std::max(sc.end, std::floor(last) + 1);
  // GPU times are float days since the origin: an origin in 1970 would leave them a few minutes' precision.
  if (own_range) sc.initial = sc.origin = start;
  timed_before_ = true;
  if (start == sc.start && end == sc.end) return;
  if (!own_range)
    notes.push_back("The timeline now runs from " + story::format_date_short(start) + " to " +
                    story::format_date_short(end - 1) + " to include " + layer.spec.title);
  sc.start = start, sc.end = end;
  ++revision_;
}

bool Atlas::timed() const {
  return std::any_of(layers_.begin(), layers_.end(), [](const AtlasLayer& l) { return l.dated; });
}

std::vector<std::string> Atlas::added_files() const {
  std::vector<std::string> out;
  for (const AtlasLayer& l : layers_) {
    const bool from_scenario = std::any_of(scenario_.layers.begin(), scenario_.layers.end(),
                                           [&](const story::LayerSpec& s) { return s.id == l.spec.id; });
    // A layer without a source is the story's own (markers placed in the app): it has no file to add again.
    if (!from_scenario && !is_basemap(l) && !l.spec.source.empty() &&
        std::find(out.begin(), out.end(), l.spec.source) == out.end())
      out.push_back(l.spec.source);
  }
  return out;
}

std::optional<AtlasLayer> Atlas::remove_layer(size_t index) {
  if (index >= layers_.size()) return std::nullopt;
  AtlasLayer removed = std::move(layers_[index]);
  layers_.erase(layers_.begin() + static_cast<long>(index));
  ++revision_;
  return removed;
}

void Atlas::restore_layer(size_t index, AtlasLayer layer) {
  layers_.insert(layers_.begin() + static_cast<long>(std::min(index, layers_.size())), std::move(layer));
  ++revision_;
}

void Atlas::move_layer(size_t from, size_t to) {
  if (from >= layers_.size() || to >= layers_.size()) return;
  AtlasLayer l = std::move(layers_[from]);
  layers_.erase(layers_.begin() + static_cast<long>(from));
  layers_.insert(layers_.begin() + static_cast<long>(to), std::move(l));
  ++revision_;
}

void Atlas::set_style(size_t index, const story::LayerStyle& style) {
  if (index >= layers_.size() || layers_[index].spec.style == style) return;
  layers_[index].spec.style = style;
  ++layers_[index].style_revision;
  ++revision_;
}

void Atlas::set_attribution(size_t index, const std::string& attribution) {
  layers_.at(index).spec.attribution = attribution;
  ++revision_;
}

bool Atlas::fit_default_view_to_layers(const std::vector<size_t>& only) {
  BoundsLonLat all;
  for (size_t i = 0; i < layers_.size(); ++i)
    if (const BoundsLonLat& e = layers_[i].data->extent;
        !e.empty() && (only.empty() || std::find(only.begin(), only.end(), i) != only.end())) {
      // A margin of a twentieth of the extent (from 0.05 to 1 degree), so no symbol sits on the frame.
      const double mx = std::min(1.0, 0.05 + (e.east - e.west) / 20), my = std::min(1.0, 0.05 + (e.north - e.south) / 20);
      all.extend(LonLat{std::max(-180.0, e.west - mx), std::max(-90.0, e.south - my)});
      all.extend(LonLat{std::min(180.0, e.east + mx), std::min(90.0, e.north + my)});
    }
  if (all.empty()) return false;
  scenario_.view = all;
  ++revision_;
  return true;
}

void Atlas::set_default_view(const BoundsLonLat& view) {
  scenario_.view = view;
  ++revision_;
}

}  // namespace chronoatlas::model
