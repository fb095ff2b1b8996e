// PostGIS layers against a real server: a private PostgreSQL cluster (Debian's postgresql and postgis) created with
// initdb in a temporary folder, listening only on a Unix socket there, loaded with ogr2ogr and stopped afterwards.
#include <gtest/gtest.h>

#include "required_tool.h"

#include <pwd.h>

#include <regex>

#include "pixel_diff.h"
#include "png_read.h"
#include "run_command.h"

namespace {

std::string postgres_bin() {
  for (const char* v : {"17", "16", "15", "14", "13"}) {
    const std::string dir = std::string("/usr/lib/postgresql/") + v + "/bin";
    if (std::filesystem::exists(dir + "/initdb")) return dir;
  }
  return "";
}

class PostGis : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    bin_ = postgres_bin();
    if (bin_.empty()) return;
    dir_ = fresh_dir("postgis-" + std::to_string(getpid()));
    port_ = std::to_string(40000 + getpid() % 20000);
    // initdb refuses to run as root: as root, the cluster belongs to the postgres user.
    if (getuid() == 0 && getpwnam("postgres")) {
      as_owner_ = "runuser -u postgres -- ";
      // The scratch folder is the tester's alone (mkdtemp): the postgres user may pass through it, not list it.
      namespace fs = std::filesystem;
      fs::permissions(scratch_dir(), fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
      std::system(("chown postgres " + dir_).c_str());
    }
    const std::string log = run_chronoatlas_tool(
        as_owner_ + bin_ + "/initdb -D " + dir_ + "/data --auth=trust -U postgres && " + as_owner_ + bin_ +
        "/pg_ctl -D " + dir_ + "/data -l " + dir_ + "/log -w -o \"-k " + dir_ + " -p " + port_ +
        " -c listen_addresses=''\" start && psql \"" + conninfo() + "\" -c 'CREATE EXTENSION postgis' && ogr2ogr -f "
        "PostgreSQL \"PG:" + conninfo() + "\" " + data("caucasus.geojson") + " -nln caucasus && ogr2ogr -f PostgreSQL "
        "\"PG:" + conninfo() + "\" " + data("caucasus-3857.geojson") + " -nln caucasus_mercator && echo READY");
    ready_ = log.find("READY") != std::string::npos;
    if (!ready_) std::fprintf(stderr, "PostGIS cluster did not start:\n%s\n", log.c_str());
  }
  static void TearDownTestSuite() {
    if (bin_.empty()) return;
    run_chronoatlas_tool(as_owner_ + bin_ + "/pg_ctl -D " + dir_ + "/data -m immediate stop");
    std::filesystem::remove_all(dir_);
  }
  void SetUp() override {
    REQUIRE_TOOL(!bin_.empty(), "PostgreSQL with PostGIS (postgresql, postgresql-15-postgis-3)");
    ASSERT_TRUE(ready_) << "the test cluster did not start";
  }
  static std::string conninfo() { return "host=" + dir_ + " port=" + port_ + " user=postgres dbname=postgres"; }
  static std::string table(const std::string& name) { return "'PG:" + conninfo() + " tables=" + name + "'"; }

  static std::string bin_, dir_, port_, as_owner_;
  static bool ready_;
};
std::string PostGis::bin_, PostGis::dir_, PostGis::port_, PostGis::as_owner_;
bool PostGis::ready_ = false;

// Share of pixels that differ by more than 24 in some channel.
// A database's features are simplified on the server: edges move by a pixel, so colours may differ by 24 levels there.
double differing(const Png& a, const Png& b) { return pixel_diff(a, b, 24).share(); }

// "N features, M vertices" from the render's note on what it fetched.
std::pair<long, long> fetched(const std::string& out) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex(R"((\d+) features, (\d+) vertices)"))) return {-1, -1};
  return {std::stol(m[1]), std::stol(m[2])};
}

constexpr const char* kRegion = " --scenario none --bbox 40,38.3,50.7,43.7 --size 1200x800 --no-furniture --overwrite";

}  // namespace

TEST_F(PostGis, ARenderOfATableMatchesTheRenderOfTheSameFile) {
  const std::string dir = fresh_dir("postgis-match");
  for (const char* name : {"caucasus", "caucasus_mercator"}) {
    auto db = run_chronoatlas(std::string("render --layer ") + table(name) + kRegion + " --out " + dir + "/db.png");
    ASSERT_EQ(db.exit_code, 0) << db.err;
    auto file = run_chronoatlas("render --layer " + data("caucasus.geojson") + kRegion + " --out " + dir + "/file.png");
    ASSERT_EQ(file.exit_code, 0) << file.err;
    const Png a = read_png(dir + "/db.png"), b = read_png(dir + "/file.png");
    ASSERT_EQ(a.width, 1200);
    ASSERT_EQ(b.width, 1200);
    // Simplified on the server to half a pixel: edges may move by a pixel's antialiasing, nothing more.
    EXPECT_LT(differing(a, b), 0.005) << name;
    EXPECT_EQ(fetched(db.out).first, 3) << db.out;
  }
}

TEST_F(PostGis, TheDatabaseIsAskedOnlyForTheFeaturesInViewAtTheDetailShown) {
  const std::string dir = fresh_dir("postgis-view");
  auto region = run_chronoatlas("render --layer " + table("caucasus") + kRegion + " --out " + dir + "/region.png");
  ASSERT_EQ(region.exit_code, 0) << region.err;
  // Over the western Black Sea, far from the three: nothing is fetched.
  auto sea = run_chronoatlas("render --layer " + table("caucasus") +
                             " --scenario none --bbox 30,42,33,44 --size 600x400 --overwrite --out " + dir + "/sea.png");
  ASSERT_EQ(sea.exit_code, 0) << sea.err;
  EXPECT_EQ(fetched(sea.out).first, 0) << sea.out;
  // The whole world at 600 px: the three countries, with far fewer vertices than at the region's detail.
  auto world = run_chronoatlas("render --layer " + table("caucasus") +
                               " --scenario none --bbox -180,-70,180,80 --size 600x300 --overwrite --out " + dir + "/w.png");
  ASSERT_EQ(world.exit_code, 0) << world.err;
  EXPECT_EQ(fetched(world.out).first, 3) << world.out;
  EXPECT_LT(fetched(world.out).second * 4, fetched(region.out).second) << world.out << region.out;
}

TEST_F(PostGis, AServerThatIsNotThereIsAClearErrorAndNoImage) {
  const std::string dir = fresh_dir("postgis-down");
  auto r = run_chronoatlas("render --layer 'PG:host=" + dir + " port=1 user=postgres dbname=postgres tables=x'" +
                           std::string(kRegion) + " --out " + dir + "/x.png");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("PG:host="), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/x.png"));
}

TEST_F(PostGis, ATableInACustomSridAndATableWithADotInItsNameAreDrawnLikeTheFile) {
  // A custom SRID (a row of spatial_ref_sys): "1 features fetched", nothing drawn, exit 0, the envelope and the
  // tolerance left in degrees. A table named "my.table": queried as "my"."table", and every table failed with it.
  const std::string dir = fresh_dir("postgis-srid");
  const std::string sql =
      "INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) VALUES (990001, 'chronoatlas', "
      "990001, '', '+proj=utm +zone=38 +datum=WGS84 +units=m +no_defs'); "
      "CREATE TABLE custom_utm AS SELECT name, ST_SetSRID(ST_Transform(wkb_geometry, 32638), 990001)::geometry(MultiPolygon, 990001) "
      "AS geom FROM caucasus; CREATE TABLE \"my.table\" AS SELECT * FROM caucasus;";
  std::ofstream(dir + "/setup.sql") << sql;
  const std::string setup = run_chronoatlas_tool("psql \"" + conninfo() + "\" -v ON_ERROR_STOP=1 -f " + dir + "/setup.sql && echo DONE");
  ASSERT_NE(setup.find("DONE"), std::string::npos) << setup;
  auto file = run_chronoatlas("render --layer " + data("caucasus.geojson") + kRegion + " --out " + dir + "/file.png");
  ASSERT_EQ(file.exit_code, 0) << file.err;
  const Png expected = read_png(dir + "/file.png");
  for (const char* name : {"custom_utm", "my.table"}) {
    // All tables of the connection, as GDAL lists them: the dotted name is one of them.
    const std::string layer = std::string(name) == "my.table" ? "'PG:" + conninfo() + "'" : table(name);
    auto db = run_chronoatlas("render --layer " + layer + kRegion + " --out " + dir + "/db.png");
    ASSERT_EQ(db.exit_code, 0) << name << ": " << db.err;
    EXPECT_EQ(db.err.find("failed"), std::string::npos) << db.err;
    EXPECT_EQ(fetched(db.out).first, 3) << name << ": " << db.out;
    if (std::string(name) == "custom_utm") {
      EXPECT_LT(differing(read_png(dir + "/db.png"), expected), 0.01) << name;
    }
  }
  std::ofstream(dir + "/teardown.sql") << "DROP TABLE custom_utm; DROP TABLE \"my.table\"; DELETE FROM spatial_ref_sys WHERE srid = 990001;";
  run_chronoatlas_tool("psql \"" + conninfo() + "\" -f " + dir + "/teardown.sql");
}

TEST_F(PostGis, RowsInAnotherSridAndRowsWithoutGeometryAreSkippedWithACount) {
  // An untyped geometry column holds 4326 rows, a 3857 row and NULL rows: PostGIS refuses an operation that mixes
  // SRIDs, so the whole table failed; NULL rows vanished without a word.
  const std::string dir = fresh_dir("postgis-mixed");
  std::ofstream(dir + "/setup.sql")
      << "CREATE TABLE mixed (name text, geom geometry); INSERT INTO mixed VALUES "
         "('Stepanakert', ST_SetSRID(ST_MakePoint(46.75, 39.82), 4326)), ('Goris', ST_SetSRID(ST_MakePoint(46.34, 39.51), 4326)), "
         "('Baku', ST_SetSRID(ST_MakePoint(49.87, 40.41), 4326)), ('Yerevan', ST_Transform(ST_SetSRID(ST_MakePoint(44.51, 40.18), 4326), 3857)), "
         "('unknown', NULL), ('also unknown', NULL);";
  const std::string setup = run_chronoatlas_tool("psql \"" + conninfo() + "\" -v ON_ERROR_STOP=1 -f " + dir + "/setup.sql && echo DONE");
  ASSERT_NE(setup.find("DONE"), std::string::npos) << setup;
  auto db = run_chronoatlas("render --layer " + table("mixed") + kRegion + " --out " + dir + "/db.png");
  EXPECT_EQ(db.exit_code, 0) << db.err;
  EXPECT_EQ(fetched(db.out).first, 3) << db.out << db.err;
  EXPECT_NE(db.err.find("2 rows without a geometry and 1 row in another SRID than 4326 skipped"), std::string::npos) << db.err;
  run_chronoatlas_tool("psql \"" + conninfo() + "\" -c 'DROP TABLE mixed'");
}

TEST_F(PostGis, ATableNamedWithQuotesAndSemicolonsIsAnIdentifierNotSql) {
  // Its name would end the statement and drop a table if it were pasted into SQL text.
  const std::string dir = fresh_dir("postgis-hostile-name");
  std::ofstream(dir + "/setup.sql") << "CREATE TABLE \"x\"\"; DROP TABLE caucasus; --'\" AS SELECT * FROM caucasus;";
  const std::string setup = run_chronoatlas_tool("psql \"" + conninfo() + "\" -v ON_ERROR_STOP=1 -f " + dir + "/setup.sql && echo DONE");
  ASSERT_NE(setup.find("DONE"), std::string::npos) << setup;
  auto db = run_chronoatlas("render --layer 'PG:" + conninfo() + "'" + kRegion + " --out " + dir + "/db.png");
  EXPECT_EQ(db.exit_code, 0) << db.err;
  EXPECT_EQ(db.err.find("failed"), std::string::npos) << db.err;
  EXPECT_EQ(db.err.find("syntax"), std::string::npos) << db.err;
  EXPECT_NE(db.out.find("x\"; DROP TABLE caucasus; --'"), std::string::npos) << "the table is drawn under its name:\n" << db.out;
  const std::string count = run_chronoatlas_tool("psql -At \"" + conninfo() + "\" -c 'SELECT count(*) FROM caucasus'");
  EXPECT_EQ(count, "3\n") << "caucasus is still there";
  std::ofstream(dir + "/teardown.sql") << "DROP TABLE \"x\"\"; DROP TABLE caucasus; --'\";";
  run_chronoatlas_tool("psql \"" + conninfo() + "\" -f " + dir + "/teardown.sql");
}
