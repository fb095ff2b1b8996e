// The bundled boundary data, checked with GDAL alone (not the app's reader): the approximations the scenario's notes
// promise must hold in the files.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

namespace {

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};

std::unique_ptr<OGRGeometry> first_geometry(const std::string& file) {
  GDALAllRegister();
  std::unique_ptr<GDALDataset, DatasetCloser> ds(
      GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds || ds->GetLayerCount() < 1) return nullptr;
  OGRFeatureUniquePtr f(ds->GetLayer(0)->GetNextFeature());
  if (!f || !f->GetGeometryRef()) return nullptr;
  return std::unique_ptr<OGRGeometry>(f->GetGeometryRef()->clone());
}

bool contains(const OGRGeometry& g, double lon, double lat) {
  OGRPoint p(lon, lat);
  return g.Contains(&p);
}

// The names of FILE's features whose geometry contains LON, LAT.
std::vector<std::string> names_at(const std::string& file, double lon, double lat) {
  GDALAllRegister();
  std::unique_ptr<GDALDataset, DatasetCloser> ds(
      GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  std::vector<std::string> names;
  if (!ds || ds->GetLayerCount() < 1) return names;
  for (auto& f : *ds->GetLayer(0))
    if (f->GetGeometryRef() && contains(*f->GetGeometryRef(), lon, lat)) names.push_back(f->GetFieldAsString("name"));
  return names;
}

}  // namespace

TEST(Geodata, LachinTownIsInLachinDistrictAndShushaInSusa) {
  // Natural Earth stretches Şuşa west over Lachin town; the districts follow the Nagorno-Karabakh outline's cut at
  // 46.60 E. Lachin town as the corridor layer draws it (39.6374 N 46.5498 E) and as GeoNames 147625 has it; Shushi,
  // GeoNames 147105 (both in towns-*.geojson).
  const std::string districts = GEODATA_DIR "/admin1-arm-aze.geojson";
  EXPECT_EQ(names_at(districts, 46.5498, 39.6374), std::vector<std::string>{"Laçın"});
  EXPECT_EQ(names_at(districts, 46.55045, 39.59881), std::vector<std::string>{"Laçın"});
  EXPECT_EQ(names_at(districts, 46.74989, 39.76006), std::vector<std::string>{"Şuşa"});
  // The cut leaves no gap or overlap: just either side of it, one district each.
  EXPECT_EQ(names_at(districts, 46.5990, 39.70).size(), 1u);
  EXPECT_EQ(names_at(districts, 46.6010, 39.70).size(), 1u);
}

TEST(Geodata, NagornoKarabakhOutlineApproximatesTheFormerOblast) {
  auto nk = first_geometry(std::string(GEODATA_DIR) + "/karabakh-2023/nagorno-karabakh.geojson");
  ASSERT_TRUE(nk);
  EXPECT_TRUE(contains(*nk, 46.8214, 40.2113)) << "Martakert/Ağdərə was in the oblast";
  EXPECT_TRUE(contains(*nk, 46.7528, 39.8153)) << "Stepanakert/Xankəndi";
  EXPECT_FALSE(contains(*nk, 46.5498, 39.6374)) << "Lachin town was outside the oblast";

  OGRSpatialReference wgs84, equal_area;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  equal_area.importFromEPSG(6933);  // WGS 84 / NSIDC EASE-Grid 2.0 Global: equal-area
  equal_area.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  nk->assignSpatialReference(&wgs84);
  ASSERT_EQ(nk->transformTo(&equal_area), OGRERR_NONE);
  const double km2 = nk->toMultiPolygon()->get_Area() / 1e6;
  EXPECT_NEAR(km2, 4388.0, 438.8) << "the oblast had 4,388 km²";
}

TEST(Geodata, DetailedBordersHaveNoLakeHoles) {
  auto borders = first_geometry(std::string(GEODATA_DIR) + "/karabakh-2023/borders-osm.geojson");
  ASSERT_TRUE(borders);
  ASSERT_EQ(wkbFlatten(borders->getGeometryType()), wkbMultiPolygon);
  for (const OGRPolygon* part : *borders->toMultiPolygon()) EXPECT_EQ(part->getNumInteriorRings(), 0);
}

namespace {

// NAME of every feature of FILE, by GeoNames id.
std::map<long long, std::string> names_by_geonameid(const std::string& file) {
  GDALAllRegister();
  std::unique_ptr<GDALDataset, DatasetCloser> ds(
      GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  std::map<long long, std::string> names;
  if (!ds || ds->GetLayerCount() < 1) return names;
  for (auto& f : *ds->GetLayer(0)) names[f->GetFieldAsInteger64("geonameid")] = f->GetFieldAsString("name");
  return names;
}

}  // namespace

TEST(Geodata, TownsAreNamedInTheirLocalOfficialFormsAndTheStorysTownsShowFromTheRegionalZoom) {
  // GeoNames' main names are Soviet or Russian forms; the Azerbaijani official names come from its alternate names.
  // The story's towns are in the band shown from the regional zoom, with the dual names the story needs.
  const auto major = names_by_geonameid(GEODATA_DIR "/karabakh-2023/towns-major.geojson");
  const auto minor = names_by_geonameid(GEODATA_DIR "/karabakh-2023/towns-minor.geojson");
  const std::map<long long, std::string> expected = {
      {148340, "Biləsuvar"}, {587384, "Ağcabədi"}, {584871, "Tərtər"}, {148106, "Füzuli"},
      {147625, "Lachin / Berdzor"}, {147105, "Shusha / Shushi"}, {587379, "Martakert / Ağdərə"}, {147774, "Khojaly"}};
  for (const auto& [id, name] : expected) {
    ASSERT_EQ(major.count(id), 1u) << id;
    EXPECT_EQ(major.at(id), name);
    EXPECT_EQ(minor.count(id), 0u) << id << " is in one band only";
  }
}
