#pragma once
// Vector layers as read from any GDAL source, in geographic WGS84 (degrees), attributes kept as text.
#include <string>
#include <vector>

#include "base/geometry_types.h"

namespace chronoatlas::geo {

struct Feature {
  long long fid = -1;
  std::vector<Polygon> polygons;       // any polygon or multipolygon parts
  std::vector<LineString> lines;       // any line or multiline parts; polygon rings are not repeated here
  std::vector<LonLat> points;          // any point or multipoint parts
  std::vector<std::string> values;     // one per VectorLayer::fields, "" for null
};

// True when F is what the reader makes of a usable feature: every coordinate on_earth, each line of two points or
// more, each polygon with an outer ring and every ring closed over three points or more. Prepared data read back
// from the cache must pass it before any geometry code sees it.
bool well_formed(const Feature& f);

struct VectorLayer {
  std::string name;
  std::string geometry_type;           // OGR's name for the layer's declared type, e.g. "Multi Polygon"
  std::string crs;                     // source CRS as "AUTHORITY:CODE" or its name; "EPSG:4326 (assumed)" if none
  std::vector<std::string> fields;
  std::vector<Feature> features;
  BoundsLonLat extent;                 // of the usable features, degrees

  // Index of a field by name (exact, else ignoring case), or -1.
  int field_index(const std::string& field) const;
  // A feature's value of a field, or "" when the field is absent.
  const std::string& value(const Feature& f, const std::string& field) const;
  // True when some feature has a point (so the layer draws symbols).
  bool has_points() const;
};

struct LoadReport {
  std::vector<VectorLayer> layers;
  std::vector<std::string> warnings;   // skipped features and layers, each naming the file, layer and feature
  bool cacheable = true;               // false when what was read depends on more than the file (a memory cap)
};

}  // namespace chronoatlas::geo
