// The prepared-data cache: a hit, a stale source, damaged entries, a format change and processes writing at once.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "temp_dir.h"

#include "base/byte_stream.h"
#include "base/disk_cache.h"
#include "geo/vector_cache.h"
#include "geo/vector_source.h"
#include "geo/projection.h"
#include "render/geometry_cache.h"
#include "render/projected_cache.h"

using namespace chronoatlas;
namespace fs = std::filesystem;

namespace {

std::string fresh_dir(const std::string& name) {
  const fs::path dir = fs::path(scratch_dir()) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// A GeoJSON point named NAME: files of the same length for the same name length.
std::string point_file(const std::string& name) {
  return R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":")" + name +
         R"("},"geometry":{"type":"Point","coordinates":[44.5,40.2]}}]})";
}

std::string first_name(const geo::LoadReport& r) { return r.layers.at(0).features.at(0).values.at(0); }

// The single entry file in DIR of KIND.
std::string entry(const std::string& dir, const std::string& kind) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind(kind + "-", 0) == 0) return e.path().string();
  return "";
}

struct Fixture {
  std::string dir = fresh_dir(testing::UnitTest::GetInstance()->current_test_info()->name());
  std::string source = dir + "/places.geojson";
  DiskCache cache{dir + "/cache"};
  Fixture() { write_file(source, point_file("Goris")); }
};

}  // namespace

// Rewrites PATH with BYTES, keeping its modification time.
void rewrite_keeping_time(const std::string& path, const std::string& bytes) {
  struct stat before {};
  stat(path.c_str(), &before);
  write_file(path, bytes);
  const timespec times[2] = {before.st_atim, before.st_mtim};
  utimensat(AT_FDCWD, path.c_str(), times, 0);
}

// A GeoJSON of two points, NAME's in the middle of 300 KB: the key's content hash reads its first and last 64 KiB.
std::string big_file(const std::string& name) {
  const std::string pad(150'000, 'x');
  return R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"first","pad":")" + pad +
         R"("},"geometry":{"type":"Point","coordinates":[44.5,40.2]}},{"type":"Feature","properties":{"name":")" + name +
         R"(","pad":")" + pad + R"("},"geometry":{"type":"Point","coordinates":[44.6,40.3]}}]})";
}

TEST(PreparedCache, ASecondReadComesFromTheCacheWhileSizeTimeAndEndsAreUnchanged) {
  Fixture f;
  write_file(f.source, big_file("Goris"));
  auto first = geo::load_vector_source(f.source, &f.cache);
  ASSERT_TRUE(first) << first.error();
  ASSERT_FALSE(entry(f.cache.dir(), "vector").empty());
  // Same length, same modification time, same first and last 64 KiB: only a cache hit still says Goris (and this is
  // what the key cannot see, as the README says).
  rewrite_keeping_time(f.source, big_file("Lachi"));
  auto second = geo::load_vector_source(f.source, &f.cache);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->layers.at(0).features.at(1).values.at(0), "Goris");
  EXPECT_TRUE(second->warnings.empty());
}

TEST(PreparedCache, AFileRewrittenWithTheSameSizeAndTimeIsReadAgain) {
  Fixture f;
  ASSERT_TRUE(geo::load_vector_source(f.source, &f.cache));
  rewrite_keeping_time(f.source, point_file("Lachi"));
  auto second = geo::load_vector_source(f.source, &f.cache);
  ASSERT_TRUE(second);
  EXPECT_EQ(first_name(*second), "Lachi");
}

TEST(PreparedCache, AFileChangedWhileItIsReadIsNotCachedAndSaysSo) {
  Fixture f;
  {
    std::ofstream out(f.source);
    out << "name,lat,lon\n";
    for (int i = 0; i < 300000; ++i) out << "p" << i << "," << 39 + i % 1000 * 0.001 << "," << 45 + i / 1000 * 0.001 << "\n";
  }
  f.source = f.dir + "/places.csv";
  fs::rename(f.dir + "/places.geojson", f.source);
  // The file grows by a row a few milliseconds into a read that takes a good part of a second.
  const pid_t writer = fork();
  if (writer == 0) {
    usleep(30'000);
    std::ofstream(f.source, std::ios::app) << "late,40,46\n";
    _exit(0);
  }
  auto read = geo::load_vector_source(f.source, &f.cache);
  waitpid(writer, nullptr, 0);
  ASSERT_TRUE(read) << read.error();
  EXPECT_TRUE(std::any_of(read->warnings.begin(), read->warnings.end(), [](const std::string& w) {
    return w.find("changed while it was read") != std::string::npos;
  }));
  EXPECT_TRUE(!fs::exists(f.cache.dir()) || entry(f.cache.dir(), "vector").empty())
      << "nothing cached for a file read while it changed";
}

TEST(PreparedCache, AChangedSourceIsReadAgainAndReplacesItsEntry) {
  Fixture f;
  ASSERT_TRUE(geo::load_vector_source(f.source, &f.cache));
  const std::string old_entry = read_file(entry(f.cache.dir(), "vector"));
  write_file(f.source, point_file("Stepanakert"));
  auto again = geo::load_vector_source(f.source, &f.cache);
  ASSERT_TRUE(again);
  EXPECT_EQ(first_name(*again), "Stepanakert");
  EXPECT_TRUE(again->warnings.empty()) << "a stale entry is normal, not a warning";
  EXPECT_NE(read_file(entry(f.cache.dir(), "vector")), old_entry);
  EXPECT_EQ(std::distance(fs::directory_iterator(f.cache.dir()), fs::directory_iterator()), 1) << "replaced, not added";
}

TEST(PreparedCache, ADamagedEntryIsRebuiltWithAWarningNeverTrusted) {
  Fixture f;
  ASSERT_TRUE(geo::load_vector_source(f.source, &f.cache));
  const std::string path = entry(f.cache.dir(), "vector");
  const std::string good = read_file(path);
  std::vector<std::string> damaged = {"", "garbage", good.substr(0, good.size() / 2), good + "x"};
  for (size_t at : {size_t{3}, good.size() / 2, good.size() - 1}) {  // magic, header, payload
    std::string flipped = good;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x5a);
    damaged.push_back(flipped);
  }
  for (size_t i = 0; i < damaged.size(); ++i) {
    write_file(path, damaged[i]);
    auto r = geo::load_vector_source(f.source, &f.cache);
    ASSERT_TRUE(r) << "case " << i;
    EXPECT_EQ(first_name(*r), "Goris") << "case " << i;
    // A flipped byte in the header's key reads as another key (out of date): rebuilt without a warning. Every
    // other damage is named.
    if (i != 5) {
      ASSERT_EQ(r->warnings.size(), 1u) << "case " << i;
      EXPECT_NE(r->warnings[0].find("was damaged"), std::string::npos) << r->warnings[0];
    }
    EXPECT_EQ(read_file(path), good) << "case " << i << ": the entry is written again";
  }
}

TEST(PreparedCache, AnEntryOfAnotherFormatVersionIsRebuilt) {
  Fixture f;
  ASSERT_TRUE(geo::load_vector_source(f.source, &f.cache));
  const std::string path = entry(f.cache.dir(), "vector");
  std::string bytes = read_file(path);
  const uint32_t other = kDiskCacheFormat + 1;
  std::memcpy(bytes.data() + 8, &other, sizeof other);  // the format follows the 8-byte magic
  write_file(path, bytes);
  EXPECT_EQ(f.cache.read(fs::path(path).filename(), "any").problem, "cache entry " + path + " is out of date");
  auto r = geo::load_vector_source(f.source, &f.cache);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->warnings.empty());
  uint32_t format = 0;
  std::memcpy(&format, read_file(path).data() + 8, sizeof format);
  EXPECT_EQ(format, kDiskCacheFormat);
}

TEST(PreparedCache, ProcessesWritingOneEntryAtOnceOnlyEverSeeWholeEntries) {
  Fixture f;
  const std::string key = "shared key";
  // Payloads of a few MB, each recognisable and different, so a torn write would show as a foreign payload.
  auto payload = [](int writer) { return std::string(3u << 20, static_cast<char>('a' + writer)); };
  std::vector<pid_t> children;
  for (int w = 0; w < 4; ++w) {
    pid_t pid = fork();
    if (pid == 0) {
      int bad = 0;
      for (int round = 0; round < 15; ++round) {
        if (!f.cache.write("entry", key, payload(w))) ++bad;
        DiskCache::Lookup got = f.cache.read("entry", key);
        if (!got.payload) ++bad;
        else if (got.payload->size() != payload(0).size() ||
                 got.payload->find_first_not_of(got.payload->front()) != std::string::npos)
          ++bad;
      }
      _exit(bad == 0 ? 0 : 1);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a process saw a missing or torn entry";
  }
  EXPECT_TRUE(f.cache.read("entry", key).payload.has_value());
  EXPECT_EQ(std::distance(fs::directory_iterator(f.cache.dir()), fs::directory_iterator()), 1) << "temporaries left";
}

TEST(PreparedCache, CachedGeometryEqualsTheBuiltOneAndDamageIsRebuilt) {
  Fixture f;
  auto report = geo::load_vector_source(std::string(TEST_DATA_DIR) + "/caucasus.geojson");
  ASSERT_TRUE(report);
  const geo::VectorLayer& layer = report->layers[0];
  std::vector<std::string> warnings;
  const render::LayerGeometry built = render::build_layer_geometry(layer, NAN);
  (void)render::cached_layer_geometry(layer, "", NAN, &f.cache, warnings);
  const render::LayerGeometry cached = render::cached_layer_geometry(layer, "", NAN, &f.cache, warnings);
  EXPECT_TRUE(warnings.empty());
  ASSERT_EQ(cached.levels.size(), built.levels.size());
  for (size_t i = 0; i < built.levels.size(); ++i) {
    EXPECT_EQ(cached.levels[i].fill_indices, built.levels[i].fill_indices);
    EXPECT_EQ(cached.levels[i].line_starts, built.levels[i].line_starts);
    EXPECT_EQ(pack_geometry(cached), pack_geometry(built));
  }
  // Every truncation of a packed geometry is refused, not read past its end.
  const std::string packed = render::pack_geometry(built);
  for (size_t n = 0; n < packed.size(); n += 1 + packed.size() / 200)
    EXPECT_FALSE(render::unpack_geometry(packed.substr(0, n))) << n;
  // A payload whose hash is right but whose indices point outside their arrays (a bug elsewhere) is refused too.
  render::LayerGeometry wrong = built;
  wrong.levels[0].fill_indices[0] = 1u << 30;
  EXPECT_FALSE(render::unpack_geometry(render::pack_geometry(wrong)));
  write_file(entry(f.cache.dir(), "geometry"), "damaged");
  const render::LayerGeometry rebuilt = render::cached_layer_geometry(layer, "", NAN, &f.cache, warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("prepared again"), std::string::npos);
  EXPECT_EQ(render::pack_geometry(rebuilt), packed);
}

TEST(PreparedCache, ShapefileSidecarsArePartOfTheKey) {
  Fixture f;
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj"})
    fs::copy_file(std::string(TEST_DATA_DIR) + "/caucasus" + ext, f.dir + "/c" + ext);
  auto first = geo::load_vector_source(f.dir + "/c.shp", &f.cache);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->layers[0].crs.find("EPSG:4326"), 0u);
  // A new .prj alone (the .shp untouched) must not be served from the cache.
  write_file(f.dir + "/c.prj", R"(PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Mercator_1SP"],PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1]])");
  auto second = geo::load_vector_source(f.dir + "/c.shp", &f.cache);
  ASSERT_TRUE(second) << second.error();
  EXPECT_NE(second->layers.size() == 1 ? second->layers[0].crs : "", first->layers[0].crs);
}

TEST(PreparedCache, ProjectedLayersComeBackAsProjectedAndBadIndicesAreRefused) {
  Fixture f;
  auto report = geo::load_vector_source(std::string(TEST_DATA_DIR) + "/caucasus.geojson");
  ASSERT_TRUE(report);
  std::vector<std::string> warnings;
  const render::LayerGeometry geometry = render::cached_layer_geometry(report->layers[0], "", NAN, &f.cache, warnings);
  ASSERT_FALSE(geometry.cache_key.empty());
  const geo::Projection conic = *geo::Projection::create("+proj=lcc +lat_1=38 +lat_2=42 +lon_0=45 +datum=WGS84");
  const render::ProjectedLayer direct = render::project_layer(geometry, conic, {}, 0);
  (void)render::cached_projection(geometry, conic, {}, 0, &f.cache, warnings);
  ASSERT_FALSE(entry(f.cache.dir(), "projected").empty());
  // Projected by a copy of the projection (its own PROJ context), read back from the cache: the same bytes.
  const render::ProjectedLayer cached = render::cached_projection(geometry, conic.copy(), {}, 0, &f.cache, warnings);
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(render::pack_projected(cached), render::pack_projected(direct));
  // Another projection is another entry, not the first one's data.
  const geo::Projection mercator = *geo::Projection::create("EPSG:3857");
  EXPECT_EQ(render::pack_projected(render::cached_projection(geometry, mercator, {}, 0, &f.cache, warnings)),
            render::pack_projected(render::project_layer(geometry, mercator, {}, 0)));
  const std::string packed = render::pack_projected(direct);
  for (size_t n = 0; n < packed.size(); n += 1 + packed.size() / 200)
    EXPECT_FALSE(render::unpack_projected(packed.substr(0, n))) << n;
  render::ProjectedLayer wrong = direct;
  wrong.indices[0] = static_cast<uint32_t>(wrong.fill.size());
  EXPECT_FALSE(render::unpack_projected(render::pack_projected(wrong))) << "an index past the vertices";
  wrong = direct;
  wrong.levels[0].segments[0].count = 1 << 30;
  EXPECT_FALSE(render::unpack_projected(render::pack_projected(wrong))) << "a run past the segments";
}

namespace {

// The key in the header of the entry file at PATH (magic, format, key, ...): what an attacker who can write the folder
// knows too, so a lying entry can carry a correct header and hash.
std::string stored_key(const std::string& path) {
  const std::string bytes = read_file(path);
  ByteReader r(bytes);
  char magic[8];
  uint32_t format = 0;
  std::string key;
  r.get(magic);
  r.get(format);
  r.get(key);
  return key;
}

// A report of one polygon feature with the given shell, in a layer with the fixture's one field.
geo::LoadReport lying_report(const Ring& shell) {
  geo::LoadReport report;
  geo::VectorLayer l;
  l.name = "places";
  l.fields = {"name"};
  geo::Feature f;
  if (!shell.empty()) f.polygons.push_back({shell});
  else f.polygons.push_back({});
  f.values = {"Liar"};
  l.features.push_back(f);
  l.extent.extend(LonLat{44, 40});
  report.layers.push_back(l);
  return report;
}

}  // namespace

TEST(PreparedCache, AnEntryWithAGoodHeaderAndHashButLyingContentIsDeletedAndRebuilt) {
  // The hostile-input issue's second row: every default render failed (SIGSEGV in the seam cutter and tessellator,
  // an endless band loop, bad_alloc) until the user deleted the cache.
  Fixture f;
  ASSERT_TRUE(geo::load_vector_source(f.source, &f.cache));
  const std::string path = entry(f.cache.dir(), "vector");
  const std::string name = fs::path(path).filename().string(), key = stored_key(path);
  const double nan = std::nan(""), inf = HUGE_VAL;
  const std::vector<Ring> shells = {
      {},                                                          // an empty polygon
      {{44, 40}, {nan, 40}, {45, 41}, {44, 40}},                   // a NaN coordinate
      {{44, 40}, {inf, 40}, {45, 41}, {44, 40}},                   // an infinite one
      {{44, 40}, {1e8, 40}, {45, 41}, {44, 40}},                   // 1e8 degrees
      {{44, 40}, {45, 41}},                                        // a ring of two points
  };
  for (size_t i = 0; i < shells.size(); ++i) {
    ASSERT_TRUE(f.cache.write(name, key, geo::pack_report(lying_report(shells[i])))) << i;
    auto r = geo::load_vector_source(f.source, &f.cache);
    ASSERT_TRUE(r) << i;
    EXPECT_EQ(first_name(*r), "Goris") << "case " << i << ": the lie was believed";
    ASSERT_EQ(r->warnings.size(), 1u) << i;
    EXPECT_NE(r->warnings[0].find("was damaged"), std::string::npos) << r->warnings[0];
    EXPECT_EQ(stored_key(path), key) << "case " << i << ": rebuilt in place";
  }
}

TEST(PreparedCache, AFifoOrALinkAtAnEntrysNameIsRefusedWithoutBlockingOrFollowing) {
  Fixture f;
  ASSERT_TRUE(geo::load_vector_source(f.source, &f.cache));
  const std::string path = entry(f.cache.dir(), "vector");
  // A FIFO: opening it for reading would wait for a writer forever.
  fs::remove(path);
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  auto r = geo::load_vector_source(f.source, &f.cache);
  ASSERT_TRUE(r);
  EXPECT_EQ(first_name(*r), "Goris");
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(path))) << "the FIFO is replaced by the rebuilt entry";
  // A link to a file elsewhere: neither read nor written through.
  const std::string elsewhere = f.dir + "/elsewhere";
  write_file(elsewhere, "someone else's file");
  fs::remove(path);
  fs::create_symlink(elsewhere, path);
  ASSERT_TRUE(geo::load_vector_source(f.source, &f.cache));
  EXPECT_EQ(read_file(elsewhere), "someone else's file");
  EXPECT_FALSE(fs::is_symlink(fs::symlink_status(path)));
}

TEST(PreparedCache, ALinkPlantedAtTheNextTemporaryNameIsNotWrittenThrough) {
  Fixture f;
  const std::string elsewhere = f.dir + "/elsewhere";
  write_file(elsewhere, "someone else's file");
  fs::create_directories(f.cache.dir());
  // The counter starts anywhere in this process; plant links at the next few names.
  for (int serial = 0; serial < 64; ++serial)
    fs::create_symlink(elsewhere, f.cache.path_of("x.tmp-" + std::to_string(getpid()) + "-" + std::to_string(serial)));
  for (int i = 0; i < 64; ++i) (void)f.cache.write("x", "key", "payload");
  EXPECT_EQ(read_file(elsewhere), "someone else's file");
}

TEST(PreparedCache, TheFolderIsCappedAndTheEntriesUsedLongestAgoGoFirst) {
  Fixture f;
  const DiskCache small{f.dir + "/small", 3000};
  const std::string kb(1000, 'x');
  ASSERT_TRUE(small.write("a", "k", kb));
  ASSERT_TRUE(small.write("b", "k", kb));
  // "a" is used again: "b" is now the one used longest ago.
  const timespec old[2] = {{1000000000, 0}, {1000000000, 0}};
  utimensat(AT_FDCWD, small.path_of("b").c_str(), old, 0);
  ASSERT_TRUE(small.read("a", "k").payload);
  ASSERT_TRUE(small.write("c", "k", kb));
  EXPECT_TRUE(fs::exists(small.path_of("a")));
  EXPECT_FALSE(fs::exists(small.path_of("b")));
  EXPECT_TRUE(fs::exists(small.path_of("c")));
}

TEST(PreparedCache, AVrtsEntryIsKeyedByTheFilesItReadsFromToo) {
  // The old geometry came back forever: the key saw the VRT, not its sources.
  Fixture f;
  for (const bool relative : {true, false}) {
    const std::string vrt = f.dir + (relative ? "/rel.vrt" : "/abs.vrt");
    write_file(f.source, point_file("Goris"));
    write_file(vrt, std::string("<OGRVRTDataSource><OGRVRTLayer name=\"places\"><SrcDataSource relativeToVRT=\"") +
                        (relative ? "1\">places.geojson" : "0\">" + f.source) + "</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>");
    auto first = geo::load_vector_source(vrt, &f.cache);
    ASSERT_TRUE(first) << first.error();
    EXPECT_EQ(first_name(*first), "Goris");
    write_file(f.source, point_file("Stepanakert"));
    auto second = geo::load_vector_source(vrt, &f.cache);
    ASSERT_TRUE(second) << second.error();
    EXPECT_EQ(first_name(*second), "Stepanakert") << (relative ? "relative" : "absolute") << " source";
  }
}
