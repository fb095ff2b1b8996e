#include <cmath>
#include <cstdio>
#include <sstream>

#include <gtest/gtest.h>

#include "geo/projection.h"

using namespace chronoatlas;

namespace {

// PROJ's own command-line tool, run independently of our wrapper.
XY cs2cs(const std::string& target, LonLat p) {
  // cs2cs reads a quoted PROJ string as something else; PROJ strings go after +to, unquoted.
  std::string to = target[0] == '+' ? "+to " + target : "'" + target + "'";
  std::string cmd = "echo '" + std::to_string(p.lat) + " " + std::to_string(p.lon) + "' | cs2cs -f %.6f EPSG:4326 " + to;
  FILE* f = popen(cmd.c_str(), "r");
  XY out{NAN, NAN};
  if (f && std::fscanf(f, "%lf %lf", &out.x, &out.y) != 2) out = {NAN, NAN};
  if (f) pclose(f);
  return out;
}

}  // namespace

TEST(Projection, MatchesCs2csForEachPreset) {
  BoundsLonLat region;
  region.extend(LonLat{25, 34});
  region.extend(LonLat{80, 62});
  const LonLat places[] = {{49.892, 40.3777}, {74.6122, 42.8747}, {37.6178, 55.7517}, {44.5126, 40.1777}};
  for (const auto& preset : geo::projection_presets(region, {46.75, 39.82})) {
    if (preset.definition == "EPSG:4326") continue;  // cs2cs prints lat/lon order for geographic targets
    auto p = geo::Projection::create(preset.definition);
    ASSERT_TRUE(p) << p.error();
    for (LonLat ll : places) {
      XY ours;
      ASSERT_TRUE(p->forward(ll, ours));
      XY theirs = cs2cs(preset.definition, ll);
      EXPECT_NEAR(ours.x, theirs.x, 0.01) << preset.name;
      EXPECT_NEAR(ours.y, theirs.y, 0.01) << preset.name;
      LonLat back;
      ASSERT_TRUE(p->inverse(ours, back));
      EXPECT_NEAR(back.lon, ll.lon, 1e-7);
      EXPECT_NEAR(back.lat, ll.lat, 1e-7);
    }
  }
}

TEST(Projection, AcceptsEpsgCodesProjStringsAndWkt) {
  EXPECT_TRUE(geo::Projection::create("EPSG:3035"));
  EXPECT_TRUE(geo::Projection::create("+proj=robin +datum=WGS84"));
  auto merc = geo::Projection::create("EPSG:3857");
  ASSERT_TRUE(merc);
  EXPECT_TRUE(geo::Projection::create(merc->wkt()));
  EXPECT_NEAR(geo::Projection::create("+proj=lcc +lat_1=40 +lat_2=50 +lon_0=52")->central_meridian(), 52, 1e-9);
}

TEST(Projection, ABareNumberIsAnEpsgCodeAndAnUnknownCodeIsSaidSo) {
  auto utm = geo::Projection::create("32638");
  ASSERT_TRUE(utm) << utm.error();
  EXPECT_EQ(utm->definition(), "EPSG:32638");
  auto unknown = geo::Projection::create("EPSG:99999");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error(), "'EPSG:99999' is not a known CRS (PROJ's database has no such code)");
  auto garbage = geo::Projection::create("hello");
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().find("Unknown error"), std::string::npos) << garbage.error();
}

TEST(Projection, RejectsNonsenseWithAMessage) {
  for (const char* bad : {"EPSG:999999", "+proj=nonsense", "hello", ""}) {
    auto p = geo::Projection::create(bad);
    EXPECT_FALSE(p) << bad;
    if (!p) {
      EXPECT_NE(p.error().find(std::string("'") + bad + "'"), std::string::npos) << p.error();
    }
  }
}

TEST(Projection, GeodesicDistanceBakuToYerevan) {
  // About 457 km between the two GeoNames points (great-circle distance on the WGS 84 ellipsoid).
  double d = geo::geodesic_distance_m({49.892, 40.3777}, {44.5126, 40.1777});
  EXPECT_NEAR(d, 457000, 15000);
}

TEST(Projection, TheDefaultSuitsEveryValidExtent) {
  struct Case {
    BoundsLonLat box;
    const char* proj;  // the family expected
  };
  auto box = [](double w, double s, double e, double n) {
    BoundsLonLat b;
    b.extend(LonLat{w, s});
    b.extend(LonLat{e, n});
    return b;
  };
  const Case cases[] = {
      {box(-20, -10, 20, 10), "+proj=merc"},     {box(30, -5, 40, 5), "+proj=merc"},
      {box(-180, -90, 180, 90), "+proj=eqearth"}, {box(-180, -89, 180, 90), "+proj=eqearth"},
      {box(25, 34, 80, 62), "+proj=lcc"},         {box(-80, -60, -30, 15), "+proj=tmerc"},
      {box(-180, 65, 180, 90), "+proj=stere"},    {box(10, -45, 20, -30), "+proj=lcc"},
  };
  for (const Case& c : cases) {
    const geo::NamedProjection chosen = geo::default_projection(c.box);
    EXPECT_EQ(chosen.definition.rfind(c.proj, 0), 0u) << chosen.definition;
    auto p = geo::Projection::create(chosen.definition);
    ASSERT_TRUE(p) << chosen.definition << ": " << p.error();
    // The extent's corners and centre project, and the extent is not a dot: under 2,000 km per 1,000 px would do for
    // any map; here, its projected width is at least a tenth of the geodesic width along its middle parallel.
    XY a, b, m;
    const double mid = (c.box.south + c.box.north) / 2;
    ASSERT_TRUE(p->forward({c.box.west + 1e-6, mid}, a) && p->forward({c.box.east - 1e-6, mid}, b) &&
                p->forward({(c.box.west + c.box.east) / 2, mid}, m))
        << chosen.definition;
    EXPECT_GT(std::hypot(b.x - a.x, b.y - a.y) + std::hypot(m.x - a.x, m.y - a.y), 1000) << chosen.definition;
  }
}
