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

// More than half of the field's values (and at least one) read as dates that are not placeholders. The first 2,000 values decide: a 100,000-row table is
// judged by its head, as a person would.
bool dated(const geo::VectorLayer& layer, size_t field) {
  size_t filled = 0, read = 0;
  for (const geo::Feature& f : layer.features) {
    const std::string& v = f.values[field];
    if (v.empty()) continue;
    const auto t = story::parse_data_time(v);
    read += t && story::plausible_date(t->at);
    if (++filled == 2000) break;
  }
  return read > 0 && read * 2 > filled;
}

std::string first_of(const std::vector<std::string>& fields, bool (*kind)(const std::string&)) {
  auto it = std::find_if(fields.begin(), fields.end(), kind);
  return it == fields.end() ? "" : *it;
}

}  // namespace

TimeDetection measure_time(const geo::VectorLayer& layer, const story::LayerTime& time) {
  TimeDetection d{time, story::kNever, -story::kNever};
  const std::string* fields[] = {&time.start_field, &time.end_field, &time.instant_field};
  for (const geo::Feature& f : layer.features) {
    bool bad = false, placeholder = false, offset = false;
    for (const std::string* field : fields) {
      if (field->empty()) continue;
      const std::string& v = layer.value(f, *field);
      if (v.empty()) continue;
      auto t = story::parse_data_time(v);
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

TimeDetection detect_time(const geo::VectorLayer& layer) {
  std::vector<std::string> dated_fields;
  for (size_t i = 0; i < layer.fields.size(); ++i)
    if (dated(layer, i)) dated_fields.push_back(layer.fields[i]);
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
  return measure_time(layer, t);
}

}  // namespace chronoatlas::model
