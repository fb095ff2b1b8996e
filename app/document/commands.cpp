#include "document/commands.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <functional>

namespace chronoatlas::document {
namespace {

// Layers added on top: made by ADD the first time, kept while undone and put back as they were (ids and all) on redo.
class AddLayers : public Command {
 public:
  using Add = std::function<Status(model::Atlas&, std::vector<std::string>&)>;
  AddLayers(std::string name, Add add) : name_(std::move(name)), add_(std::move(add)) {}
  std::string name() const override { return name_; }
  Status apply(model::Atlas& atlas, std::vector<std::string>& warnings) override {
    if (!add_) {
      for (model::AtlasLayer& l : added_) atlas.restore_layer(atlas.layers().size(), std::move(l));
      count_ = added_.size();
      added_.clear();
      return Ok{};
    }
    const size_t before = atlas.layers().size();
    if (auto s = add_(atlas, warnings); !s) return s;
    add_ = nullptr;  // what it held (a file's features) is in the atlas now
    count_ = atlas.layers().size() - before;
    return Ok{};
  }
  void revert(model::Atlas& atlas) override {
    for (size_t i = 0; i < count_; ++i) added_.insert(added_.begin(), *atlas.remove_layer(atlas.layers().size() - 1));
  }

 private:
  std::string name_;
  Add add_;
  size_t count_ = 0;
  std::vector<model::AtlasLayer> added_;  // while undone
};

class RemoveLayer : public Command {
 public:
  explicit RemoveLayer(size_t index) : index_(index) {}
  std::string name() const override { return "Remove " + title_; }
  Status apply(model::Atlas& atlas, std::vector<std::string>&) override {
    auto l = atlas.remove_layer(index_);
    if (!l) return Error{"there is no layer " + std::to_string(index_ + 1) + " to remove"};
    title_ = l->spec.title;
    removed_ = std::move(*l);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override { atlas.restore_layer(index_, std::move(*removed_)); }

 private:
  size_t index_;
  std::string title_ = "layer";
  std::optional<model::AtlasLayer> removed_;
};

class MoveLayer : public Command {
 public:
  MoveLayer(size_t from, size_t to) : from_(from), to_(to) {}
  std::string name() const override { return "Move layer"; }
  Status apply(model::Atlas& atlas, std::vector<std::string>&) override {
    if (from_ >= atlas.layers().size() || to_ >= atlas.layers().size()) return Error{"no such layer to move"};
    atlas.move_layer(from_, to_);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override { atlas.move_layer(to_, from_); }

 private:
  size_t from_, to_;
};

story::LayerStyle byte_colours(story::LayerStyle s) {
  s.fill = byte_colour(s.fill);
  s.stroke = byte_colour(s.stroke);
  s.label_colour = byte_colour(s.label_colour);
  for (auto* by_value : {&s.fill_by_value, &s.stroke_by_value})
    for (auto& [value, colour] : *by_value) colour = byte_colour(colour);
  return s;
}

class SetStyle : public Command {
 public:
  SetStyle(size_t index, story::LayerStyle style) : index_(index), style_(byte_colours(std::move(style))) {}
  std::string name() const override { return "Restyle " + title_; }
  Status apply(model::Atlas& atlas, std::vector<std::string>&) override {
    if (index_ >= atlas.layers().size()) return Error{"no layer " + std::to_string(index_ + 1) + " to restyle"};
    title_ = atlas.layers()[index_].spec.title;
    before_ = atlas.layers()[index_].spec.style;
    atlas.set_style(index_, style_);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override { atlas.set_style(index_, before_); }
  bool absorb(const Command& next) override {
    const auto* same = dynamic_cast<const SetStyle*>(&next);
    if (!same || same->index_ != index_) return false;
    style_ = same->style_;
    return true;
  }

 private:
  size_t index_;
  story::LayerStyle style_, before_;
  std::string title_ = "layer";
};

class SetTime : public Command {
 public:
  SetTime(size_t index, story::LayerTime time) : index_(index), time_(std::move(time)) {}
  std::string name() const override { return "Change the time of " + title_; }
  Status apply(model::Atlas& atlas, std::vector<std::string>& warnings) override {
    if (index_ >= atlas.layers().size()) return Error{"no layer " + std::to_string(index_ + 1) + " to date"};
    title_ = atlas.layers()[index_].spec.title;
    before_ = atlas.layers()[index_].spec.time;
    atlas.set_time(index_, time_, warnings);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override {
    std::vector<std::string> already_reported;
    atlas.set_time(index_, before_, already_reported);
  }

 private:
  size_t index_;
  story::LayerTime time_, before_;
  std::string title_ = "layer";
};

// The story's own layers of what the reporter draws: one per kind, labelled by name, each feature naming its source.
struct AuthoredKind {
  const char* id;
  const char* title;     // legend text
  const char* noun;      // in command names and messages
  size_t min_points;     // a point, a line's two ends, a polygon's three corners
};
constexpr AuthoredKind kMarkers{kMarkerLayerId, "Markers", "marker", 1};
constexpr AuthoredKind kAreas{kAreaLayerId, "Areas", "area", 3};
constexpr AuthoredKind kRoutes{kRouteLayerId, "Routes", "route", 2};

story::LayerSpec authored_spec(const AuthoredKind& kind) {
  story::LayerSpec spec;
  spec.id = kind.id;
  spec.title = kind.title;
  spec.style.label_field = "name";
  spec.style.label_bold = true;
  spec.style.tooltip_fields = {"name", "source"};
  spec.details = {{"name", "Name"}, {"source", "Source"}, {"from", "Shown from"}, {"until", "Gone from"}};
  spec.time.mode = story::TimeMode::Interval;  // each feature from its day to its last, either open
  spec.time.start_field = "from";
  spec.time.end_field = "until";
  if (&kind == &kMarkers) {
    spec.style.fill = *parse_colour("#c0392b");
    spec.style.stroke = *parse_colour("#ffffff");
    spec.style.stroke_width_px = 1.5f;
    spec.style.point_radius_px = 6;
  } else if (&kind == &kAreas) {  // a tint over the map, its edge drawn, so what is under it still reads
    spec.style.fill = *parse_colour("#c0392b33");
    spec.style.stroke = *parse_colour("#c0392b");
    spec.style.stroke_width_px = 1.5f;
  } else {  // routes: a line that shows its direction, as the flows of the bundled story do
    spec.style.stroke = *parse_colour("#2c3e50");
    spec.style.stroke_width_px = 2.5f;
    spec.style.flow = true;
  }
  return spec;
}

// An authored layer's credits: each source its features cite, once, in the order first cited.
std::string authored_sources(const geo::VectorLayer& data) {
  std::vector<std::string> seen;
  for (const geo::Feature& f : data.features)
    if (f.values.size() > 1 && std::find(seen.begin(), seen.end(), f.values[1]) == seen.end()) seen.push_back(f.values[1]);
  std::string text;
  for (const std::string& s : seen) text += (text.empty() ? "" : "; ") + s;
  return text;
}

std::optional<size_t> layer_with_id(const model::Atlas& atlas, const std::string& id) {
  for (size_t i = 0; i < atlas.layers().size(); ++i)
    if (atlas.layers()[i].spec.id == id) return i;
  return std::nullopt;
}

BoundsLonLat extent_of(const std::vector<geo::Feature>& features) {
  BoundsLonLat b;
  for (const geo::Feature& f : features) {
    for (LonLat p : f.points) b.extend(p);
    for (const LineString& l : f.lines)
      for (LonLat p : l) b.extend(p);
    for (const Polygon& poly : f.polygons)
      for (const Ring& r : poly)
        for (LonLat p : r) b.extend(p);
  }
  return b;
}

// Adds a feature the reporter drew (a marker, an area, a route) to its kind's layer, made on top by the first.
// "" when SHOWN's dates are ISO days with the second after the first, else what is wrong.
std::string shown_problem(const Shown& shown) {
  std::optional<story::Days> from, until;
  for (auto [text, day] : {std::pair{&shown.from, &from}, std::pair{&shown.until, &until}}) {
    if (text->empty()) continue;
    auto d = story::parse_iso_date(*text);
    if (!d || *d != std::floor(*d)) return "'" + *text + "' is not a day (YYYY-MM-DD)";
    *day = *d;
  }
  if (from && until && *until <= *from) return "it must be gone after the day it is first shown";
  return "";
}

class AddAuthored : public Command {
 public:
  AddAuthored(const AuthoredKind& kind, std::vector<LonLat> points, std::string label, std::string source, Shown shown)
      : kind_(kind), points_(std::move(points)), label_(std::move(label)), source_(std::move(source)),
        shown_(std::move(shown)) {}
  std::string name() const override { return std::string("Add ") + kind_.noun + " '" + label_ + "'"; }
  Status apply(model::Atlas& atlas, std::vector<std::string>& warnings) override {
    if (points_.size() < kind_.min_points)
      return Error{std::string("a ") + kind_.noun + " needs " + std::to_string(kind_.min_points) + " points or more"};
    if (!all_on_earth(points_)) return Error{std::string("a ") + kind_.noun + " needs places within -180..180, -90..90 degrees"};
    if (label_.empty()) return Error{std::string("a ") + kind_.noun + " needs a name"};
    if (source_.empty()) return Error{std::string(kind_.noun) + " '" + label_ + "': name the source that puts it there"};
    if (const std::string problem = shown_problem(shown_); !problem.empty())
      return Error{std::string(kind_.noun) + " '" + label_ + "': " + problem};
    geo::Feature f;
    if (&kind_ == &kMarkers) f.points = points_;
    else if (&kind_ == &kRoutes) f.lines = {points_};
    else {
      Ring ring = points_;
      ring.push_back(ring.front());  // closed, as every reader's polygons are
      f.polygons = {{ring}};
    }
    f.values = {label_, source_, shown_.from, shown_.until};
    layer_ = layer_with_id(atlas, kind_.id);
    geo::VectorLayer data;
    if (layer_) {
      before_ = *atlas.layers()[*layer_].data;
      before_time_ = atlas.layers()[*layer_].spec.time;
      data = before_;
    } else {
      data.name = kind_.id;
      data.geometry_type = &kind_ == &kMarkers ? "Point" : &kind_ == &kRoutes ? "Line String" : "Polygon";
      data.crs = "EPSG:4326";
    }
    // A layer saved before drawn items had dates gets the date fields, empty for what it holds.
    data.fields = {"name", "source", "from", "until"};
    for (geo::Feature& old : data.features) old.values.resize(4);
    f.fid = static_cast<long long>(data.features.size());
    data.features.push_back(std::move(f));
    data.extent = extent_of(data.features);
    const std::string credits = authored_sources(data);
    if (!layer_) {
      story::LayerSpec spec = authored_spec(kind_);
      spec.attribution = credits;
      atlas.add_layer(std::move(spec), std::move(data), warnings);
      return Ok{};
    }
    atlas.set_features(*layer_, std::move(data), warnings);
    atlas.set_attribution(*layer_, credits);
    if (!(before_time_ == authored_spec(kind_).time)) atlas.set_time(*layer_, authored_spec(kind_).time, warnings);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override {
    if (!layer_) {
      atlas.remove_layer(atlas.layers().size() - 1);
      return;
    }
    std::vector<std::string> already_reported;
    const std::string credits = authored_sources(before_);
    atlas.set_features(*layer_, before_, already_reported);
    atlas.set_attribution(*layer_, credits);
    if (!(before_time_ == atlas.layers()[*layer_].spec.time)) atlas.set_time(*layer_, before_time_, already_reported);
  }

 private:
  const AuthoredKind& kind_;
  std::vector<LonLat> points_;
  std::string label_, source_;
  Shown shown_;
  std::optional<size_t> layer_;  // the layer it joined; nothing when it made it
  geo::VectorLayer before_;      // that layer's data and time before
  story::LayerTime before_time_;
};

// Changes feature FEATURE of the story's own layer INDEX: moved (a marker dragged) or taken out, and back on undo.
class EditAuthored : public Command {
 public:
  EditAuthored(size_t index, size_t feature, std::optional<LonLat> to) : index_(index), feature_(feature), to_(to) {}
  std::string name() const override { return (to_ ? "Move '" : "Remove '") + label_ + "'"; }
  Status apply(model::Atlas& atlas, std::vector<std::string>& warnings) override {
    if (index_ >= atlas.layers().size() || !drawn(atlas.layers()[index_]))
      return Error{"only what was drawn in the story (markers, areas, routes) can be moved or removed"};
    const model::AtlasLayer& layer = atlas.layers()[index_];
    if (feature_ >= layer.data->features.size()) return Error{"no feature " + std::to_string(feature_ + 1) + " there"};
    before_ = *layer.data;
    geo::VectorLayer data = before_;
    geo::Feature& f = data.features[feature_];
    label_ = f.values.empty() ? layer.spec.title : f.values.front();
    if (to_) {
      if (!on_earth(*to_)) return Error{"a marker needs a place within -180..180, -90..90 degrees"};
      if (f.points.size() != 1) return Error{"only a marker (one point) is moved by dragging"};
      f.points.front() = *to_;
    } else {
      data.features.erase(data.features.begin() + static_cast<long>(feature_));
      for (size_t i = 0; i < data.features.size(); ++i) data.features[i].fid = static_cast<long long>(i);
    }
    data.extent = extent_of(data.features);
    const std::string credits = authored_sources(data);
    atlas.set_features(index_, std::move(data), warnings);
    atlas.set_attribution(index_, credits);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override {
    std::vector<std::string> already_reported;
    const std::string credits = authored_sources(before_);
    atlas.set_features(index_, before_, already_reported);
    atlas.set_attribution(index_, credits);
  }

 private:
  size_t index_, feature_;
  std::optional<LonLat> to_;
  geo::VectorLayer before_;
  std::string label_ = "feature";
};

class AddEvent : public Command {
 public:
  explicit AddEvent(story::Event event) : event_(std::move(event)) {}
  std::string name() const override { return "Add event '" + event_.title + "'"; }
  Status apply(model::Atlas& atlas, std::vector<std::string>&) override {
    if (event_.title.empty()) return Error{"an event needs a title"};
    if (event_.source.empty()) return Error{"event '" + event_.title + "': name the source that reports it"};
    for (const std::string& id : event_.source_ids)
      if (!atlas.scenario().sources.count(id)) return Error{"event '" + event_.title + "': no source '" + id + "' in the story"};
    index_ = atlas.add_event(event_);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override { atlas.remove_event(index_); }

 private:
  story::Event event_;
  size_t index_ = 0;
};

class RemoveEvent : public Command {
 public:
  explicit RemoveEvent(size_t index) : index_(index) {}
  std::string name() const override { return "Remove event '" + removed_.title + "'"; }
  Status apply(model::Atlas& atlas, std::vector<std::string>&) override {
    if (index_ >= atlas.scenario().events.size()) return Error{"no event " + std::to_string(index_ + 1) + " to remove"};
    removed_ = atlas.remove_event(index_);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override { atlas.add_event(removed_); }

 private:
  size_t index_;
  story::Event removed_;
};

class AddQuote : public Command {
 public:
  explicit AddQuote(story::Quote quote) : quote_(std::move(quote)) {}
  std::string name() const override { return "Add the quote of " + quote_.speaker; }
  Status apply(model::Atlas& atlas, std::vector<std::string>&) override {
    if (const std::string problem = story::quote_problem(quote_); !problem.empty()) return Error{problem};
    for (const std::string& id : quote_.source_ids)
      if (!atlas.scenario().sources.count(id)) return Error{"quote of " + quote_.speaker + ": no source '" + id + "' in the story"};
    if (quote_.place && !on_earth(*quote_.place)) return Error{"a quote's place needs -180..180, -90..90 degrees"};
    index_ = atlas.scenario().quotes.size();
    atlas.insert_quote(quote_, index_);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override { atlas.remove_quote(index_); }

 private:
  story::Quote quote_;
  size_t index_ = 0;
};

class RemoveQuote : public Command {
 public:
  explicit RemoveQuote(size_t index) : index_(index) {}
  std::string name() const override { return "Remove the quote of " + removed_.speaker; }
  Status apply(model::Atlas& atlas, std::vector<std::string>&) override {
    if (index_ >= atlas.scenario().quotes.size()) return Error{"no quote " + std::to_string(index_ + 1) + " to remove"};
    removed_ = atlas.remove_quote(index_);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override { atlas.insert_quote(removed_, index_); }

 private:
  size_t index_;
  story::Quote removed_;
};

// "news-am-eng-news-734702-html" from "https://news.am/eng/news/734702.html": an id a reader can recognise.
std::string id_from(const std::string& address) {
  std::string rest = address.substr(address.find("://") == std::string::npos ? 0 : address.find("://") + 3);
  if (rest.rfind("www.", 0) == 0) rest = rest.substr(4);
  std::string id;
  for (unsigned char c : rest) {
    if (std::isalnum(c)) id += static_cast<char>(std::tolower(c));
    else if (!id.empty() && id.back() != '-') id += '-';
    if (id.size() >= 60) break;
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "source" : id;
}

class AddSource : public Command {
 public:
  explicit AddSource(story::Source source) : source_(std::move(source)) {}
  std::string name() const override { return "Add the source " + source_.publisher; }
  Status apply(model::Atlas& atlas, std::vector<std::string>&) override {
    if (source_.publisher.empty()) return Error{"a source needs its publisher (who published it)"};
    if (source_.url.empty()) return Error{"a source needs an address a reader can open: a URL, or a document in the story folder"};
    if (source_.url.find("://") == std::string::npos &&
        (source_.url.front() == '/' || source_.url.find("..") != std::string::npos))
      return Error{"a source document must lie inside the story folder: give its path relative to the folder"};
    const auto& sources = atlas.scenario().sources;
    if (source_.id.empty()) {
      const std::string base = id_from(source_.url);
      source_.id = base;
      for (int n = 2; sources.count(source_.id); ++n) source_.id = base + "-" + std::to_string(n);
    } else if (sources.count(source_.id)) {
      return Error{"the story has a source '" + source_.id + "' already"};
    }
    atlas.add_source(source_);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override { atlas.remove_source(source_.id); }

 private:
  story::Source source_;
};

class SetTitle : public Command {
 public:
  explicit SetTitle(std::string title) : title_(std::move(title)) {}
  std::string name() const override { return "Retitle"; }
  Status apply(model::Atlas& atlas, std::vector<std::string>&) override {
    before_ = atlas.scenario().title;
    atlas.set_title(title_);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override { atlas.set_title(before_); }

 private:
  std::string title_, before_;
};

class SetTimeZone : public Command {
 public:
  explicit SetTimeZone(std::string zone) : zone_(std::move(zone)) {}
  std::string name() const override { return "Set the time zone"; }
  Status apply(model::Atlas& atlas, std::vector<std::string>&) override {
    if (zone_.size() > 64 || zone_.find('\n') != std::string::npos) return Error{"a time zone is one short line: UTC+3"};
    if (!atlas.scenario().dated) return Error{"give the story its dates first: a time zone says what its times mean"};
    before_ = atlas.scenario().time_zone;
    atlas.set_time_zone(zone_);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override { atlas.set_time_zone(before_); }

 private:
  std::string zone_, before_;
};

class SetTimeRange : public Command {
 public:
  SetTimeRange(story::Days start, story::Days end, story::Days initial) : start_(start), end_(end), initial_(initial) {}
  std::string name() const override { return "Change the time range"; }
  Status apply(model::Atlas& atlas, std::vector<std::string>&) override {
    if (!(std::isfinite(start_) && std::isfinite(end_) && end_ > start_))
      return Error{"a time range needs an end after its start"};
    const story::Scenario& s = atlas.scenario();
    before_ = {s.start, s.end, s.initial};
    dated_before_ = s.dated;
    atlas.set_time_range(start_, end_, initial_);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override {
    atlas.set_time_range(before_[0], before_[1], before_[2], dated_before_);
  }

 private:
  story::Days start_, end_, initial_;
  std::array<story::Days, 3> before_{};
  bool dated_before_ = true;
};

class FitViewToLayers : public Command {
 public:
  explicit FitViewToLayers(std::vector<size_t> only) : only_(std::move(only)) {}
  std::string name() const override { return "Frame the layers"; }
  Status apply(model::Atlas& atlas, std::vector<std::string>&) override {
    before_ = atlas.scenario().view;
    if (!atlas.fit_default_view_to_layers(only_)) return Error{"no layer has a feature to frame"};
    return Ok{};
  }
  void revert(model::Atlas& atlas) override { atlas.set_default_view(before_); }

 private:
  std::vector<size_t> only_;
  BoundsLonLat before_;
};

class SetDefaultView : public Command {
 public:
  explicit SetDefaultView(BoundsLonLat box) : box_(box) {}
  std::string name() const override { return "Set the story's view"; }
  Status apply(model::Atlas& atlas, std::vector<std::string>&) override {
    if (box_.empty() || !on_earth({box_.west, box_.south}) || !on_earth({box_.east, box_.north}))
      return Error{"a view needs a box on Earth, west of its east and south of its north"};
    before_ = atlas.scenario().view;
    atlas.set_default_view(box_);
    return Ok{};
  }
  void revert(model::Atlas& atlas) override { atlas.set_default_view(before_); }

 private:
  BoundsLonLat box_, before_;
};

}  // namespace

bool drawn(const model::AtlasLayer& layer) {
  const std::string& id = layer.spec.id;
  return id == kMarkerLayerId || id == kAreaLayerId || id == kRouteLayerId;
}

bool authored(const model::AtlasLayer& layer) { return layer.spec.source.empty() || drawn(layer); }

std::unique_ptr<Command> add_file_layers(model::Atlas::ReadFile file) {
  std::string name = "Add " + std::filesystem::path(file.path).filename().string();
  auto shared = std::make_shared<model::Atlas::ReadFile>(std::move(file));  // std::function copies what it holds
  return std::make_unique<AddLayers>(std::move(name), [shared](model::Atlas& atlas, std::vector<std::string>& warnings) {
    return atlas.add_read_file(std::move(*shared), warnings);
  });
}

std::unique_ptr<Command> add_data_layer(story::LayerSpec spec, geo::VectorLayer data) {
  std::string name = "Add " + spec.title;
  auto shared = std::make_shared<std::pair<story::LayerSpec, geo::VectorLayer>>(std::move(spec), std::move(data));
  return std::make_unique<AddLayers>(std::move(name), [shared](model::Atlas& atlas, std::vector<std::string>& warnings) {
    atlas.add_layer(std::move(shared->first), std::move(shared->second), warnings);
    return Status(Ok{});
  });
}
std::unique_ptr<Command> remove_layer(size_t index) { return std::make_unique<RemoveLayer>(index); }
std::unique_ptr<Command> move_layer(size_t from, size_t to) { return std::make_unique<MoveLayer>(from, to); }
std::unique_ptr<Command> set_style(size_t index, story::LayerStyle style) { return std::make_unique<SetStyle>(index, std::move(style)); }
std::unique_ptr<Command> set_time(size_t index, story::LayerTime time) { return std::make_unique<SetTime>(index, std::move(time)); }
std::unique_ptr<Command> add_marker(Marker marker) {
  return std::make_unique<AddAuthored>(kMarkers, std::vector<LonLat>{marker.place}, std::move(marker.label),
                                       std::move(marker.source), std::move(marker.shown));
}
std::unique_ptr<Command> add_area(Drawn area) {
  return std::make_unique<AddAuthored>(kAreas, std::move(area.points), std::move(area.label), std::move(area.source),
                                       std::move(area.shown));
}
std::unique_ptr<Command> move_marker(size_t layer, size_t feature, LonLat to) {
  return std::make_unique<EditAuthored>(layer, feature, to);
}
std::unique_ptr<Command> remove_drawn(size_t layer, size_t feature) {
  return std::make_unique<EditAuthored>(layer, feature, std::nullopt);
}
std::unique_ptr<Command> add_route(Drawn route) {
  return std::make_unique<AddAuthored>(kRoutes, std::move(route.points), std::move(route.label),
                                       std::move(route.source), std::move(route.shown));
}
std::unique_ptr<Command> add_event(story::Event event) { return std::make_unique<AddEvent>(std::move(event)); }
std::unique_ptr<Command> remove_event(size_t index) { return std::make_unique<RemoveEvent>(index); }
std::unique_ptr<Command> add_quote(story::Quote quote) { return std::make_unique<AddQuote>(std::move(quote)); }
std::unique_ptr<Command> remove_quote(size_t index) { return std::make_unique<RemoveQuote>(index); }
std::unique_ptr<Command> add_source(story::Source source) { return std::make_unique<AddSource>(std::move(source)); }
std::unique_ptr<Command> set_title(std::string title) { return std::make_unique<SetTitle>(std::move(title)); }
std::unique_ptr<Command> set_time_zone(std::string zone) { return std::make_unique<SetTimeZone>(std::move(zone)); }
std::unique_ptr<Command> set_time_range(story::Days start, story::Days end, story::Days initial) {
  return std::make_unique<SetTimeRange>(start, end, initial);
}
std::unique_ptr<Command> fit_view_to_layers(std::vector<size_t> only) {
  return std::make_unique<FitViewToLayers>(std::move(only));
}
std::unique_ptr<Command> set_default_view(BoundsLonLat box) { return std::make_unique<SetDefaultView>(box); }

}  // namespace chronoatlas::document
