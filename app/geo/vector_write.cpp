#include "geo/vector_write.h"

#include <memory>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/gdal_setup.h"

namespace chronoatlas::geo {
namespace {

OGRLinearRing ring_of(const Ring& ring) {
  OGRLinearRing out;
  for (LonLat p : ring) out.addPoint(p.lon, p.lat);
  return out;
}

// The feature's parts as one OGR geometry: a single part stays single, several of one kind become a multi-geometry.
std::unique_ptr<OGRGeometry> geometry_of(const Feature& f) {
  std::vector<std::unique_ptr<OGRGeometry>> kinds;
  if (!f.polygons.empty()) {
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (const Polygon& p : f.polygons) {
      OGRPolygon polygon;
      for (const Ring& r : p) {
        OGRLinearRing ring = ring_of(r);
        polygon.addRing(&ring);
      }
      multi->addGeometry(&polygon);
    }
    kinds.push_back(std::move(multi));
  }
  if (!f.lines.empty()) {
    auto multi = std::make_unique<OGRMultiLineString>();
    for (const LineString& l : f.lines) {
      OGRLineString line;
      for (LonLat p : l) line.addPoint(p.lon, p.lat);
      multi->addGeometry(&line);
    }
    kinds.push_back(std::move(multi));
  }
  if (!f.points.empty()) {
    auto multi = std::make_unique<OGRMultiPoint>();
    for (LonLat p : f.points) {
      OGRPoint point(p.lon, p.lat);
      multi->addGeometry(&point);
    }
    kinds.push_back(std::move(multi));
  }
  for (auto& k : kinds) {
    auto* collection = static_cast<OGRGeometryCollection*>(k.get());
    if (collection->getNumGeometries() == 1) k.reset(collection->getGeometryRef(0)->clone());
  }
  if (kinds.empty()) return nullptr;
  if (kinds.size() == 1) return std::move(kinds.front());
  auto all = std::make_unique<OGRGeometryCollection>();
  for (auto& k : kinds) all->addGeometry(k.get());
  return all;
}

}  // namespace

Status write_geojson(const VectorLayer& layer, const std::string& path) {
  init_gdal();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
  if (!driver) return Error{"GDAL has no GeoJSON driver: cannot write " + path};
  VSIStatBufL stat;
  if (VSIStatL(path.c_str(), &stat) == 0) return Error{path + " already exists"};
  struct Close {
    void operator()(GDALDataset* d) const { GDALClose(d); }
  };
  std::unique_ptr<GDALDataset, Close> ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) return Error{"cannot create " + path + ": " + CPLGetLastErrorMsg()};
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const char* options[] = {"RFC7946=NO", "WRITE_NAME=NO", "COORDINATE_PRECISION=17", nullptr};
  OGRLayer* out = ds->CreateLayer(layer.name.empty() ? "layer" : layer.name.c_str(), &wgs84, wkbUnknown,
                                  const_cast<char**>(options));
  if (!out) return Error{"cannot create a layer in " + path + ": " + CPLGetLastErrorMsg()};
  for (const std::string& field : layer.fields) {
    OGRFieldDefn defn(field.c_str(), OFTString);
    if (out->CreateField(&defn) != OGRERR_NONE) return Error{path + ": cannot add field '" + field + "'"};
  }
  for (const Feature& f : layer.features) {
    OGRFeature feature(out->GetLayerDefn());
    // An empty value is written as null, never left out: a field empty in every feature (a date not yet given) is
    // still a field of the layer when it is read back.
    for (size_t i = 0; i < layer.fields.size(); ++i)
      if (i < f.values.size() && !f.values[i].empty()) feature.SetField(static_cast<int>(i), f.values[i].c_str());
      else feature.SetFieldNull(static_cast<int>(i));
    if (auto g = geometry_of(f)) feature.SetGeometry(g.get());
    if (out->CreateFeature(&feature) != OGRERR_NONE) return Error{path + ": cannot write feature " + std::to_string(f.fid)};
  }
  ds.reset();
  return Ok{};
}

}  // namespace chronoatlas::geo
