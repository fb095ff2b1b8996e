#include "story/scenario.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "base/files.h"
#include "story/json_reader.h"
#include "story/layer_style_json.h"

namespace chronoatlas::story {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

Result<Series> read_series(const Reader& r, const json& j, const std::string& path, const SourceList& sources) {
  Series s;
  TRY_ASSIGN(s.id, r.string(j, "id", path, ""));
  TRY_ASSIGN(s.feature_key, r.string(j, "feature", path));
  std::string interpolation;
  TRY_ASSIGN(interpolation, r.string(j, "interpolation", path, "step"));
  if (interpolation != "step" && interpolation != "linear")
    return Error{r.fail(path + "interpolation", "\"step\" or \"linear\"")};
  s.interpolation = interpolation == "step" ? Interpolation::Step : Interpolation::Linear;
  if (s.interpolation == Interpolation::Linear && (j.contains("radius_px_per_sqrt") || j.contains("label")))
    return Error{r.fail(path + "interpolation",
                        "\"step\" for a series that sizes symbols or labels them: a map shows reported figures, "
                        "never values between them")};
  TRY_ASSIGN(s.derive, r.string(j, "derive", path, ""));
  if (!s.derive.empty() && s.derive != "daily_change") return Error{r.fail(path + "derive", "\"daily_change\"")};
  float k = 0;
  TRY_ASSIGN(k, r.number(j, "radius_px_per_sqrt", path, 0, 0, 100));
  s.radius_px_per_sqrt = k;
  TRY_ASSIGN(k, r.number(j, "width_px_per_unit", path, 0, 0, 100));
  s.width_px_per_unit = k;
  TRY_ASSIGN(s.label, r.string(j, "label", path, ""));
  TRY_ASSIGN(s.label_no_figure, r.string(j, "label_no_figure", path, ""));
  TRY_ASSIGN(s.unit, r.string(j, "unit", path, ""));
  TRY_ASSIGN(s.title, r.string(j, "title", path, s.id));
  if (j.contains("samples_from")) {
    TRY_ASSIGN(s.id_of_samples, r.string(j, "samples_from", path));
    return s;
  }
  if (!j.contains("samples") || !j["samples"].is_array()) return Error{r.fail(path + "samples", "an array")};
  for (size_t i = 0; i < j["samples"].size(); ++i) {
    const json& e = j["samples"][i];
    std::string at = path + "samples[" + std::to_string(i) + "].";
    Sample smp;
    TRY_ASSIGN(smp.at, r.date(e, "date", at));
    smp.has_time = e["date"].get<std::string>().size() > 10;
    if (!smp.has_time) smp.at = end_of_day(smp.at);  // the time rule: known by the end of its day
    TRY_ASSIGN(smp.time_text, r.string(e, "time", at, ""));
    if (smp.has_time && !smp.time_text.empty())
      return Error{r.fail(at + "time", "no \"time\" words when the date has a clock time")};
    if (!e.contains("value") || !(e["value"].is_number() || e["value"].is_null()))
      return Error{r.fail(at + "value", "a number, or null where the source says there is no figure")};
    smp.value = e["value"].is_null() ? NAN : e["value"].get<double>();
    TRY_ASSIGN(smp.source, r.string(e, "source", at));
    TRY_ASSIGN(smp.note, r.string(e, "note", at, ""));
    TRY_ASSIGN(smp.source_ids, read_source_ids(r, e, at, sources));
    s.samples.push_back(smp);
  }
  std::stable_sort(s.samples.begin(), s.samples.end(), [](const Sample& a, const Sample& b) { return a.at < b.at; });
  return s;
}

Result<LayerSpec> read_layer(const Reader& r, const json& j, const std::string& path, const fs::path& dir,
                             const SourceList& sources) {
  LayerSpec l;
  if (!j.is_object()) return Error{r.fail(path.substr(0, path.size() - 1), "an object")};
  TRY_ASSIGN(l.id, r.string(j, "id", path));
  TRY_ASSIGN(l.title, r.string(j, "title", path, l.id));
  std::string source;
  TRY_ASSIGN(source, r.string(j, "source", path));
  l.source = is_database_source(source) ? source : (dir / source).lexically_normal().string();
  TRY_ASSIGN(l.source_layer, r.string(j, "source_layer", path, ""));
  if (j.contains("style")) TRY_ASSIGN(l.style, read_layer_style(r, j["style"], path + "style.", l.style));
  if (j.contains("time")) {
    const nlohmann::json& t = j["time"];
    TRY_ASSIGN(l.time.start_field, r.string(t, "start_field", path + "time.", ""));
    TRY_ASSIGN(l.time.end_field, r.string(t, "end_field", path + "time.", ""));
    TRY_ASSIGN(l.time.instant_field, r.string(t, "instant_field", path + "time.", ""));
    std::string mode;
    TRY_ASSIGN(mode, r.string(t, "mode", path + "time.", "interval"));
    if (!time_mode_from_name(mode, l.time.mode))
      return Error{r.fail(path + "time.mode", "\"interval\", \"instant\" or \"cumulative\"")};
    float days = 1;
    TRY_ASSIGN(days, r.number(t, "duration_days", path + "time.", 1, 1.0f / 1440, 36525));
    l.time.duration_days = days;
    TRY_ASSIGN(days, r.number(t, "fade_days", path + "time.", 0, 0, 36525));
    l.time.fade_days = days;
    if (t.contains("day_first") && !t["day_first"].is_boolean())
      return Error{r.fail(path + "time.day_first", "true or false")};
    l.time.day_first = t.value("day_first", true);
  }
  TRY_ASSIGN(l.key_field, r.string(j, "key_field", path, ""));
  if (j.contains("legend")) l.legend = !j["legend"].is_boolean() || j["legend"].get<bool>();
  TRY_ASSIGN(l.attribution, r.string(j, "attribution", path, ""));
  for (auto [key, target] : {std::pair{"min_m_per_px", &l.min_m_per_px}, std::pair{"max_m_per_px", &l.max_m_per_px}}) {
    if (!j.contains(key)) continue;
    if (!j[key].is_number() || j[key].get<double>() < 0) return Error{r.fail(path + key, "a number of metres, 0 or more")};
    *target = j[key].get<double>();
  }
  if (l.min_m_per_px >= l.max_m_per_px) return Error{r.fail(path + "max_m_per_px", "more than min_m_per_px")};
  if (j.contains("details")) {
    const json& d = j["details"];
    auto bad = [&] { return Error{r.fail(path + "details", "an array of [field, title] pairs of strings")}; };
    if (!d.is_array()) return bad();
    for (const json& pair : d) {
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) return bad();
      l.details.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
    }
  }
  if (j.contains("series")) {
    if (!j["series"].is_array()) return Error{r.fail(path + "series", "an array")};
    for (size_t i = 0; i < j["series"].size(); ++i) {
      Series s;
      TRY_ASSIGN(s, read_series(r, j["series"][i], path + "series[" + std::to_string(i) + "].", sources));
      l.series.push_back(std::move(s));
    }
  }
  return l;
}

// J's optional "place", [longitude, latitude] on Earth: where an event happened or a quote was said.
Result<std::optional<LonLat>> read_place(const Reader& r, const json& j, const std::string& path) {
  if (!j.contains("place")) return std::optional<LonLat>{};
  const json& p = j["place"];
  if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number() ||
      !on_earth({p[0].get<double>(), p[1].get<double>()}))
    return Error{r.fail(path + "place", "[longitude, latitude] in degrees")};
  return std::optional<LonLat>{LonLat{p[0].get<double>(), p[1].get<double>()}};
}

Result<Quote> read_quote(const Reader& r, const json& j, const std::string& path, const SourceList& sources) {
  Quote q;
  TRY_ASSIGN(q.text, r.string(j, "text", path));
  TRY_ASSIGN(q.speaker, r.string(j, "speaker", path));
  TRY_ASSIGN(q.via, r.string(j, "via", path));
  TRY_ASSIGN(q.language, r.string(j, "language", path, ""));
  TRY_ASSIGN(q.translation, r.string(j, "translation", path, ""));
  TRY_ASSIGN(q.source, r.string(j, "source", path));
  TRY_ASSIGN(q.source_ids, read_source_ids(r, j, path, sources));
  if (j.contains("date")) TRY_ASSIGN(q.at, r.date(j, "date", path));
  TRY_ASSIGN(q.place, read_place(r, j, path));
  if (const std::string problem = quote_problem(q); !problem.empty()) return Error{r.fail(path + "text", problem)};
  return q;
}

Result<Event> read_event(const Reader& r, const json& j, const std::string& path, const SourceList& sources) {
  Event e;
  TRY_ASSIGN(e.at, r.date(j, "date", path));
  TRY_ASSIGN(e.time_text, r.string(j, "time", path, ""));
  if (!e.time_text.empty() && e.at != std::floor(e.at))
    return Error{r.fail(path + "time", "no \"time\" words when the date has a clock time")};
  TRY_ASSIGN(e.title, r.string(j, "title", path));
  TRY_ASSIGN(e.detail, r.string(j, "detail", path, ""));
  TRY_ASSIGN(e.source, r.string(j, "source", path));
  TRY_ASSIGN(e.source_ids, read_source_ids(r, j, path, sources));
  TRY_ASSIGN(e.place, read_place(r, j, path));
  return e;
}

// Series with "samples_from" take the samples of the series with that id.
Status resolve_shared_samples(Scenario& s, const Reader& r) {
  for (LayerSpec& l : s.layers)
    for (Series& target : l.series) {
      if (target.id_of_samples.empty()) continue;
      const Series* from = nullptr;
      for (const LayerSpec& l2 : s.layers)
        for (const Series& c : l2.series)
          if (c.id == target.id_of_samples && c.id_of_samples.empty()) from = &c;
      if (!from) return Error{r.fail("samples_from", "the id of a series with samples, not '" + target.id_of_samples + "'")};
      target.samples = from->samples;
    }
  return Ok{};
}

}  // namespace

const char* time_mode_name(TimeMode mode) {
  switch (mode) {
    case TimeMode::Instant: return "instant";
    case TimeMode::Cumulative: return "cumulative";
    default: return "interval";
  }
}

bool time_mode_from_name(const std::string& name, TimeMode& mode) {
  for (TimeMode m : {TimeMode::Interval, TimeMode::Instant, TimeMode::Cumulative})
    if (name == time_mode_name(m)) return mode = m, true;
  return false;
}

Scenario no_scenario() {
  Scenario s;
  s.view.extend(LonLat{-180, -90});
  s.view.extend(LonLat{180, 90});
  s.end = 1;
  s.dated = false;
  return s;
}

Result<Scenario> load_scenario(const std::string& dir) {
  auto text = read_text_file((fs::path(dir) / "scenario.json").string());
  if (!text) return Error{text.error() + " (is '" + dir + "' a scenario folder?)"};
  return parse_scenario(*text, dir);
}

Result<Scenario> parse_scenario(const std::string& text, const std::string& dir) {
  fs::path folder(dir);
  fs::path file = folder / "scenario.json";
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return Error{file.string() + ": not valid JSON"};
  if (!j.is_object()) return Error{file.string() + ": expected a JSON object at the top"};
  Reader r(file.string());
  Scenario s;
  s.dir = fs::absolute(folder).lexically_normal().string();
  TRY_ASSIGN(s.sources, load_sources(s.dir));
  TRY_ASSIGN(s.title, r.string(j, "title", ""));
  TRY_ASSIGN(s.attribution, r.string(j, "attribution", "", ""));
  if (!j.contains("time")) {  // a story of places alone: one day that no date furniture states
    s.dated = false;
    s.end = 1;
  } else {
    if (!j["time"].is_object()) return Error{r.fail("time", "an object with start and end")};
    TRY_ASSIGN(s.start, r.date(j["time"], "start", "time."));
    TRY_ASSIGN(s.end, r.date(j["time"], "end", "time."));
    if (s.end <= s.start) return Error{r.fail("time.end", "a date after time.start")};
    s.origin = s.start;
    s.initial = s.start;
    if (j["time"].contains("initial")) TRY_ASSIGN(s.initial, r.date(j["time"], "initial", "time."));
    TRY_ASSIGN(s.time_zone, r.string(j["time"], "zone", "time.", ""));
  }
  if (!j.contains("view") || !j["view"].contains("bbox") || !j["view"]["bbox"].is_array() ||
      j["view"]["bbox"].size() != 4)
    return Error{r.fail("view.bbox", "[west, south, east, north] in degrees")};
  const json& b = j["view"]["bbox"];
  for (const json& v : b)
    if (!v.is_number()) return Error{r.fail("view.bbox", "[west, south, east, north] in degrees")};
  const double west = b[0].get<double>(), south = b[1].get<double>(), east = b[2].get<double>(),
               north = b[3].get<double>();
  if (!(west >= -180 && west < east && east <= 180 && south >= -90 && south < north && north <= 90))
    return Error{r.fail("view.bbox", "west < east within -180..180 and south < north within -90..90, not " + b.dump())};
  s.view.extend(LonLat{b[0].get<double>(), b[1].get<double>()});
  s.view.extend(LonLat{b[2].get<double>(), b[3].get<double>()});
  TRY_ASSIGN(s.projection, r.string(j["view"], "projection", "view.", ""));
  if (!j.contains("layers") || !j["layers"].is_array()) return Error{r.fail("layers", "an array of layers")};
  for (size_t i = 0; i < j["layers"].size(); ++i) {
    LayerSpec l;
    TRY_ASSIGN(l, read_layer(r, j["layers"][i], "layers[" + std::to_string(i) + "].", folder, s.sources));
    s.layers.push_back(std::move(l));
  }
  if (auto s2 = resolve_shared_samples(s, r); !s2) return Error{s2.error()};
  if (j.contains("events")) {
    if (!j["events"].is_array()) return Error{r.fail("events", "an array of events")};
    for (size_t i = 0; i < j["events"].size(); ++i) {
      Event e;
      TRY_ASSIGN(e, read_event(r, j["events"][i], "events[" + std::to_string(i) + "].", s.sources));
      s.events.push_back(std::move(e));
    }
    std::stable_sort(s.events.begin(), s.events.end(), [](const Event& x, const Event& y) { return x.at < y.at; });
  }
  if (j.contains("quotes")) {
    if (!j["quotes"].is_array()) return Error{r.fail("quotes", "an array of quotes")};
    for (size_t i = 0; i < j["quotes"].size(); ++i) {
      Quote q;
      TRY_ASSIGN(q, read_quote(r, j["quotes"][i], "quotes[" + std::to_string(i) + "].", s.sources));
      s.quotes.push_back(std::move(q));
    }
  }
  return s;
}

std::string quote_problem(const Quote& q) {
  if (q.text.empty()) return "a quote needs its words, verbatim";
  if (q.speaker.empty()) return "a quote needs its speaker";
  if (q.via.empty()) return "a quote needs the agency or outlet that reported it";
  if (q.source.empty()) return "a quote needs the document it was read in";
  // A cut is marked "[…]" so a reader knows words are missing; a bare ellipsis reads as the speaker's own.
  std::string unmarked = q.text;
  for (const std::string cut : {"[…]", "[...]"})
    for (size_t at; (at = unmarked.find(cut)) != std::string::npos;) unmarked.erase(at, cut.size());
  if (unmarked.find("…") != std::string::npos || unmarked.find("...") != std::string::npos)
    return "mark a cut in a quote as […], not as a bare ellipsis";
  return "";
}

std::string format_quote(const Quote& q) { return "«" + q.text + "» — " + q.speaker + " (" + q.via + ")"; }

const Sample* sample_at(const Series& series, Days t) {
  auto it = std::upper_bound(series.samples.begin(), series.samples.end(), t,
                             [](Days v, const Sample& s) { return v < s.at; });
  return it == series.samples.begin() ? nullptr : &*(it - 1);
}

namespace {

std::optional<double> raw_value(const Series& series, Days t) {
  const Sample* s = sample_at(series, t);
  if (!s) return std::nullopt;
  const Sample* next = s + 1;
  if (series.interpolation == Interpolation::Step || next == series.samples.data() + series.samples.size()) return s->value;
  double f = (t - s->at) / (next->at - s->at);
  return s->value + (next->value - s->value) * f;
}

}  // namespace

std::optional<double> series_value(const Series& series, Days t) {
  auto now = raw_value(series, t);
  if (series.derive.empty() || !now) return now;
  return *now - raw_value(series, t - 1).value_or(0.0);
}

std::string format_count(double value) {
  if (std::isnan(value)) return "no figure";
  std::string digits = std::to_string(static_cast<long long>(std::llround(std::fabs(value))));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string format_sample_time(const Sample& s) {
  std::string text = format_date_short(s.at);
  if (!s.time_text.empty()) return text + ", " + s.time_text;
  return s.has_time ? text + ", " + format_date_time(s.at).substr(11) : text;
}

std::string series_label(const Series& series, Days t) {
  const Sample* s = sample_at(series, t);
  if (!s) return "";
  std::string text = std::isnan(s->value) ? series.label_no_figure : series.label;
  if (text.empty()) return "";
  if (auto at = text.find("{value}"); at != std::string::npos) text.replace(at, 7, format_count(s->value));
  if (auto at = text.find("{when}"); at != std::string::npos) text.replace(at, 6, format_sample_time(*s));
  return text;
}

}  // namespace chronoatlas::story
