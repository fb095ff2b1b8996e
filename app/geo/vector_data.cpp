#include "geo/vector_data.h"

#include <strings.h>

namespace chronoatlas::geo {

bool well_formed(const Feature& f) {
  if (!all_on_earth(f.points)) return false;
  for (const LineString& l : f.lines)
    if (l.size() < 2 || !all_on_earth(l)) return false;
  for (const Polygon& p : f.polygons) {
    if (p.empty()) return false;
    for (const Ring& r : p)
      if (r.size() < 4 || !all_on_earth(r)) return false;
  }
  return true;
}

int VectorLayer::field_index(const std::string& field) const {
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i] == field) return static_cast<int>(i);
  // Formats differ in case for the same field (KML's "Name"), so fall back to a case-insensitive match.
  for (size_t i = 0; i < fields.size(); ++i)
    if (strcasecmp(fields[i].c_str(), field.c_str()) == 0) return static_cast<int>(i);
  return -1;
}

const std::string& VectorLayer::value(const Feature& f, const std::string& field) const {
  static const std::string none;
  int i = field_index(field);
  return i < 0 || i >= static_cast<int>(f.values.size()) ? none : f.values[i];
}

bool VectorLayer::has_points() const {
  for (const Feature& f : features)
    if (!f.points.empty()) return true;
  return false;
}

}  // namespace chronoatlas::geo
