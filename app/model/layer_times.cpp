#include "model/layer_times.h"

#include <algorithm>
#include <cmath>

#include "base/text.h"
#include "story/data_time.h"

namespace chronoatlas::model {
namespace {

// The moment in FIELD, or nothing when the field is absent or empty (an open end); PROBLEM says why a value is
// unreadable or a placeholder.
std::optional<story::Days> moment(const geo::VectorLayer& layer, const geo::Feature& f, const std::string& field,
                                  bool day_first, std::string& problem) {
  if (field.empty()) return std::nullopt;
  const std::string& text = layer.value(f, field);
  if (text.empty()) return std::nullopt;
  auto d = story::parse_data_time(text, day_first);
  if (!d) problem = "field '" + field + "': " + d.error();
  else if (!story::plausible_date(d->at))
    problem = "field '" + field + "': '" + text + "' is outside 1800 to 2200, taken for a placeholder of an unknown date";
  return d && problem.empty() ? std::optional(d->at) : std::nullopt;
}

story::Interval feature_interval(const story::LayerTime& time, const geo::VectorLayer& layer, const geo::Feature& f,
                                 std::string& problem) {
  const auto start = moment(layer, f, time.start_field, time.day_first, problem);
  if (time.mode == story::TimeMode::Cumulative) return {start.value_or(-story::kNever), story::kNever};
  if (time.mode == story::TimeMode::Instant) {
    if (!start) return {story::kNever, story::kNever};  // no moment: never shown
    return {*start, *start + time.duration_days};
  }
  const auto end = moment(layer, f, time.end_field, time.day_first, problem);
  if (!start && !end)
    if (const auto at = moment(layer, f, time.instant_field, time.day_first, problem)) return {*at, *at + time.duration_days};
  return {start.value_or(-story::kNever), end.value_or(story::kNever)};
}

// "2023-10-12;2023-10-13": the days a feature is ringed.
std::vector<story::Days> highlight_days(const std::string& dates, std::string& problem) {
  std::vector<story::Days> days;
  for (const std::string& date : split(dates, ';')) {
    auto d = story::parse_iso_date(date);
    if (d) days.push_back(*d);
    else problem = d.error();
  }
  return days;
}

constexpr size_t kNamedSkips = 5;

std::string feature_name(const story::LayerSpec& spec, const geo::VectorLayer& data, const geo::Feature& f) {
  return spec.source + ", layer '" + data.name + "', feature " + std::to_string(f.fid);
}

}  // namespace

// A feature whose date cannot be read is never shown (it stays in the data, so other settings can show it).
void index_times(AtlasLayer& l, std::vector<std::string>& warnings) {
  l.times.clear();
  l.by_start.clear();
  l.first_moment = l.last_moment = 0;
  l.dated = false;
  l.unreadable_times = 0;
  if (!l.spec.time.any()) return;
  size_t& skipped = l.unreadable_times;
  story::Days first = story::kNever, last = -story::kNever;
  for (const geo::Feature& f : l.data->features) {
    std::string problem;
    story::Interval t = feature_interval(l.spec.time, *l.data, f, problem);
    if (!problem.empty()) {
      t = {story::kNever, story::kNever};
      if (++skipped <= kNamedSkips) warnings.push_back(feature_name(l.spec, *l.data, f) + ": " + problem + "; feature skipped");
    } else if (std::isfinite(t.start)) {
      first = std::min(first, t.start), last = std::max(last, t.start);
    }
    l.dated |= std::isfinite(t.start) || std::isfinite(t.end);
    l.times.push_back(t);
  }
  if (first <= last) l.first_moment = first, l.last_moment = last;
  l.by_start.resize(l.times.size());
  for (uint32_t i = 0; i < l.by_start.size(); ++i) l.by_start[i] = i;
  std::stable_sort(l.by_start.begin(), l.by_start.end(),
                   [&](uint32_t a, uint32_t b) { return l.times[a].start < l.times[b].start; });
  l.longest = 0;
  for (const story::Interval& t : l.times)
    if (t.start < story::kNever) l.longest = std::max(l.longest, t.end - t.start);
  if (skipped > kNamedSkips)
    warnings.push_back(l.spec.source + ", layer '" + l.data->name + "': " + std::to_string(skipped - kNamedSkips) +
                       " more features skipped for unreadable dates");
}

// The days each feature is ringed, from the layer's highlight field.
void index_highlights(AtlasLayer& l, std::vector<std::string>& warnings) {
  l.highlights.clear();
  const int highlight = l.data->field_index(l.spec.style.highlight_field);
  for (const geo::Feature& f : l.data->features) {
    if (highlight < 0) break;
    std::string bad;
    l.highlights.push_back(highlight_days(f.values[highlight], bad));
    if (!bad.empty()) warnings.push_back(feature_name(l.spec, *l.data, f) + ": highlight " + bad + "; date ignored");
  }
}

bool highlighted_on(const std::vector<story::Days>& days, story::Days day) {
  return std::any_of(days.begin(), days.end(), [day](story::Days d) { return d <= day && day < d + 1; });
}

std::pair<std::vector<uint32_t>::const_iterator, std::vector<uint32_t>::const_iterator> may_be_live(
    const AtlasLayer& layer, story::Days day) {
  const std::vector<uint32_t>& order = layer.by_start;
  const auto started = std::upper_bound(order.begin(), order.end(), day, [&](story::Days d, uint32_t i) {
    return d < layer.times[i].start;
  });
  const story::Days earliest = day - layer.longest;  // -inf where some feature is open-ended: a scan from the start
  const auto first = std::lower_bound(order.begin(), started, earliest, [&](uint32_t i, story::Days d) {
    return layer.times[i].start < d;
  });
  return {first, started};
}

bool any_live(const AtlasLayer& layer, story::Days day) {
  if (layer.times.empty()) return !layer.data->features.empty();
  const auto [first, last] = may_be_live(layer, day);
  return std::any_of(first, last, [&](uint32_t i) { return layer.times[i].contains(day); });
}

}  // namespace chronoatlas::model
