#include "model/time_detection.h"

#include <algorithm>

#include "base/text.h"
#include "story/data_time.h"

namespace chronoatlas::model {
namespace {

bool named(const std::string& field, std::initializer_list<const char*> names) {
  const std::string f = ascii_lower(field);
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return f == n; });
}

bool start_name(const std::string& f) {
  return named(f, {"begin", "start", "start_date", "startdate", "date_start", "start_time", "from", "date_from",
                   "valid_from", "begin_date", "timespan_begin", "since"});
}
bool end_name(const std::string& f) {
  return named(f, {"end", "end_date", "enddate", "date_end", "end_time", "to", "date_to", "valid_to", "until",
                   "timespan_end"});
}
bool instant_name(const std::string& f) {
  const std::string l = ascii_lower(f);
  return l == "when" || l == "timestamp" || l == "time" || l.find("date") != std::string::npos ||
         l.find("time") != std::string::npos;
}

// The first 2,000 non-empty values of FIELD: a 100,000-row table is judged by its head, as a person would.
std::vector<std::string> head_values(const geo::VectorLayer& layer, size_t field) {
  std::vector<std::string> values;
  for (const geo::Feature& f : layer.features) {
    const std::string& v = f.values[field];
    if (v.empty()) continue;
    values.push_back(v);
    if (values.size() == 2000) break;
  }
  return values;
}

// How many of VALUES read as dates that are not placeholders, numeric ones read in ORDER.
size_t dates_among(const std::vector<std::string>& values, const story::DayOrder& order) {
  size_t read = 0;
  for (const std::string& v : values) {
    const auto t = story::parse_data_time(v, order.day_first);
    read += t && story::plausible_date(t->at);
  }
  return read;
}

std::string first_of(const std::vector<std::string>& fields, bool (*kind)(const std::string&)) {
  auto it = std::find_if(fields.begin(), fields.end(), kind);
  return it == fields.end() ? "" : *it;
}

}  // namespace

TimeDetection measure_time(const geo::VectorLayer& layer, const story::LayerTime& time) {
  TimeDetection d;
  d.time = time, d.first = story::kNever, d.last = -story::kNever;
  const std::string* fields[] = {&time.start_field, &time.end_field, &time.instant_field};
  for (const geo::Feature& f : layer.features) {
    bool bad = false, placeholder = false, offset = false;
    for (const std::string* field : fields) {
      if (field->empty()) continue;
      const std::string& v = layer.value(f, *field);
      if (v.empty()) continue;
      auto t = story::parse_data_time(v, time.day_first);
      if (!t) {
        bad = true;
        continue;
      }
      offset |= t->offset;
      if (!story::plausible_date(t->at)) {
        placeholder = true;
        continue;
      }
      d.first = std::min(d.first, t->at), d.last = std::max(d.last, t->at);
    }
    d.unparsed += bad, d.placeholders += placeholder, d.offsets += offset;
  }
  if (d.first > d.last) d.first = d.last = 0;
  return d;
}

std::string day_order_text(const story::DayOrder& order) {
  const std::string read = order.day_first ? "numeric dates read day first" : "numeric dates read month first";
  if (order.assumed)
    return read + ", assumed: every one could be read either way (switch it in the layer's Time section)";
  return read + (order.day_first ? " (a day past 12 shows the order)" : " (a month past 12 shows the order)");
}

TimeDetection detect_time(const geo::VectorLayer& layer) {
  std::vector<std::string> dated_fields, dated_values;
  std::string undated;
  size_t undated_values = 0;
  for (size_t i = 0; i < layer.fields.size(); ++i) {
    const std::vector<std::string> values = head_values(layer, i);
    const story::DayOrder order = story::numeric_day_first(values);
    const size_t read = dates_among(values, order);
    if (read > 0 && read * 2 > values.size()) {
      dated_fields.push_back(layer.fields[i]);
      dated_values.insert(dated_values.end(), values.begin(), values.end());
    } else if (undated.empty() && !values.empty() &&
               (instant_name(layer.fields[i]) || start_name(layer.fields[i]) || end_name(layer.fields[i]))) {
      undated = layer.fields[i], undated_values = values.size() - read;
    }
  }
  story::LayerTime t;
  const std::string start = first_of(dated_fields, start_name), end = first_of(dated_fields, end_name);
  const std::string instant = first_of(dated_fields, instant_name);
  if (!start.empty() || !end.empty()) {
    t.mode = story::TimeMode::Interval;
    t.start_field = start, t.end_field = end;
    if (instant != start && instant != end) t.instant_field = instant;
  } else if (!dated_fields.empty()) {
    t.mode = story::TimeMode::Instant;
    t.start_field = instant.empty() ? dated_fields.front() : instant;
  }
  const story::DayOrder order = story::numeric_day_first(dated_values);
  t.day_first = order.day_first;
  TimeDetection d = measure_time(layer, t);
  d.day_order = order;
  if (!t.any()) d.undated_field = undated, d.undated_values = undated_values;
  return d;
}

}  // namespace chronoatlas::model
