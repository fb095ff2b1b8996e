#include "story/scenario_json.h"

#include <cmath>

#include "story/layer_style_json.h"

namespace chronoatlas::story {
namespace {

using nlohmann::json;

json samples_json(const std::vector<Sample>& samples) {
  json out = json::array();
  for (const Sample& smp : samples) {
    json j = {{"date", smp.has_time ? manifest_date(smp.at) : format_date(smp.at)},
              {"value", std::isnan(smp.value) ? json(nullptr) : json(smp.value)},
              {"source", smp.source}};
    if (!smp.time_text.empty()) j["time"] = smp.time_text;
    if (!smp.note.empty()) j["note"] = smp.note;
    if (!smp.source_ids.empty()) j["sources"] = smp.source_ids;
    out.push_back(std::move(j));
  }
  return out;
}

json series_json(const Series& s) {
  json j = {{"feature", s.feature_key},
            {"interpolation", s.interpolation == Interpolation::Step ? "step" : "linear"},
            {"title", s.title}};
  if (!s.id.empty()) j["id"] = s.id;
  if (!s.derive.empty()) j["derive"] = s.derive;
  if (s.radius_px_per_sqrt > 0) j["radius_px_per_sqrt"] = s.radius_px_per_sqrt;
  if (s.width_px_per_unit > 0) j["width_px_per_unit"] = s.width_px_per_unit;
  if (!s.label.empty()) j["label"] = s.label;
  if (!s.label_no_figure.empty()) j["label_no_figure"] = s.label_no_figure;
  if (!s.unit.empty()) j["unit"] = s.unit;
  if (!s.id_of_samples.empty()) j["samples_from"] = s.id_of_samples;
  else j["samples"] = samples_json(s.samples);
  return j;
}

json style_json(const LayerStyle& s) {
  json j = editable_style_json(s);
  j["label_rank_field"] = s.label_rank_field;
  j["label_size"] = s.label_size_px;
  j["label_bold"] = s.label_bold;
  j["label_colour"] = format_colour(s.label_colour);
  j["highlight_dates_field"] = s.highlight_field;
  j["flow"] = s.flow;
  return j;
}

json layer_json(const LayerSpec& l, const std::string& source) {
  json j = {{"id", l.id}, {"title", l.title}, {"source", source}, {"style", style_json(l.style)},
            {"legend", l.legend}};
  if (!l.source_layer.empty()) j["source_layer"] = l.source_layer;
  if (l.time.any())
    j["time"] = {{"mode", time_mode_name(l.time.mode)}, {"start_field", l.time.start_field},
                 {"end_field", l.time.end_field},       {"instant_field", l.time.instant_field},
                 {"duration_days", l.time.duration_days}, {"fade_days", l.time.fade_days},
                 {"day_first", l.time.day_first}};
  if (!l.key_field.empty()) j["key_field"] = l.key_field;
  if (!l.attribution.empty()) j["attribution"] = l.attribution;
  if (l.min_m_per_px > 0) j["min_m_per_px"] = l.min_m_per_px;
  if (std::isfinite(l.max_m_per_px)) j["max_m_per_px"] = l.max_m_per_px;
  if (!l.details.empty()) {
    j["details"] = json::array();
    for (const auto& [field, title] : l.details) j["details"].push_back({field, title});
  }
  if (!l.series.empty()) {
    j["series"] = json::array();
    for (const Series& s : l.series) j["series"].push_back(series_json(s));
  }
  return j;
}

json event_json(const Event& e) {
  json j = {{"date", manifest_date(e.at)}, {"title", e.title}, {"source", e.source}};
  if (!e.time_text.empty()) j["time"] = e.time_text;
  if (!e.detail.empty()) j["detail"] = e.detail;
  if (!e.source_ids.empty()) j["sources"] = e.source_ids;
  if (e.place) j["place"] = {e.place->lon, e.place->lat};
  return j;
}

json quote_json(const Quote& q) {
  json j = {{"text", q.text}, {"speaker", q.speaker}, {"via", q.via}, {"source", q.source}};
  if (!q.language.empty()) j["language"] = q.language;
  if (!q.translation.empty()) j["translation"] = q.translation;
  if (!q.source_ids.empty()) j["sources"] = q.source_ids;
  if (q.at) j["date"] = manifest_date(*q.at);
  if (q.place) j["place"] = {q.place->lon, q.place->lat};
  return j;
}

}  // namespace

std::string manifest_date(Days t, bool at_end_of_day) {
  const bool whole_day = at_end_of_day ? is_end_of_day(t) : t == std::floor(t);
  if (whole_day) return format_date(t);
  std::string text = format_date_time(t);  // "YYYY-MM-DD HH:MM", rounded to the minute
  text[10] = 'T';
  return text;
}

json scenario_json(const Scenario& s, const std::vector<std::string>& sources) {
  json j = {{"title", s.title},
            {"time", {{"start", manifest_date(s.start)}, {"end", manifest_date(s.end)}, {"initial", manifest_date(s.initial)}}},
            {"view", {{"bbox", {s.view.west, s.view.south, s.view.east, s.view.north}}}},
            {"layers", json::array()},
            {"events", json::array()}};
  if (!s.attribution.empty()) j["attribution"] = s.attribution;
  if (!s.dated) j.erase("time");  // no range of its own: none invented
  else if (!s.time_zone.empty()) j["time"]["zone"] = s.time_zone;
  if (!s.projection.empty()) j["view"]["projection"] = s.projection;
  for (size_t i = 0; i < s.layers.size(); ++i) j["layers"].push_back(layer_json(s.layers[i], sources.at(i)));
  for (const Event& e : s.events) j["events"].push_back(event_json(e));
  if (!s.quotes.empty()) j["quotes"] = json::array();
  for (const Quote& q : s.quotes) j["quotes"].push_back(quote_json(q));
  return j;
}

json sources_json(const SourceList& sources) {
  json list = json::array();
  for (const auto& [id, s] : sources) {
    json j = {{"id", s.id}, {"publisher", s.publisher}, {"url", s.url}};
    if (!s.title.empty()) j["title"] = s.title;
    if (!s.date.empty()) j["date"] = s.date;
    if (!s.licence.empty()) j["licence"] = s.licence;
    if (!s.note.empty()) j["note"] = s.note;
    list.push_back(std::move(j));
  }
  return {{"sources", list}};
}

}  // namespace chronoatlas::story
