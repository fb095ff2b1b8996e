// Dated files from other tools, through the command line: a CSV in ACLED's layout is detected and each event is drawn
// on its own day only, at the place PROJ and the world file give.
#include <array>
#include <cmath>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pixel_diff.h"
#include "png_read.h"
#include "run_command.h"

namespace {

// Both of ACLED's date forms, a note with commas inside quotes, and a row whose date is not a date.
const char* kAcled =
    "event_id_cnty,event_date,year,event_type,actor1,latitude,longitude,fatalities,notes\n"
    "AZE100,19 September 2023,2023,Battles,Military Forces of Azerbaijan,39.8153,46.7519,27,\"Shelling, near "
    "Stepanakert, casualties reported\"\n"
    "AZE101,20 September 2023,2023,Explosions/Remote violence,Military Forces of Azerbaijan,39.60,46.30,5,\"Strikes, "
    "near Lachin\"\n"
    "ARM200,2023-09-25,2023,Protests,Protesters (Armenia),40.1776,44.5126,0,\"Rally in Yerevan, Armenia\"\n"
    "ARM201,soon,2023,Protests,Protesters (Armenia),40.05,45.00,0,no date\n";

struct Event {
  double lon, lat;
  const char* day;
};
const Event kEvents[] = {{46.7519, 39.8153, "2023-09-19"}, {46.30, 39.60, "2023-09-20"}, {44.5126, 40.1776, "2023-09-25"}};

// True when something other than the map's plain background is within 2 pixels of the place.
bool drawn_at(const std::string& png_path, const Png& png, double lon, double lat) {
  auto [x, y] = pixel_of(png_path, lon, lat);
  bool found = false;
  for (int dy = -2; dy <= 2; ++dy)
    for (int dx = -2; dx <= 2; ++dx) {
      const unsigned char* p = png.at(static_cast<int>(std::lround(x)) + dx, static_cast<int>(std::lround(y)) + dy);
      found |= std::abs(p[0] - 0xcc) > 20 || std::abs(p[1] - 0xde) > 20 || std::abs(p[2] - 0xeb) > 20;
    }
  return found;
}

}  // namespace

TEST(DatedData, InfoReportsTheDetectedTimeField) {
  const std::string dir = fresh_dir("dated_info");
  std::ofstream(dir + "/events.csv") << kAcled;
  auto r = run_chronoatlas("info --json " + dir + "/events.csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const auto& t = j["layers"][0]["time"];
  EXPECT_EQ(t["kind"], "instant");
  EXPECT_EQ(t["field"], "event_date");
  EXPECT_EQ(t["first"], "2023-09-19");
  EXPECT_EQ(t["last"], "2023-09-25");
  EXPECT_EQ(t["unparsed"], 1);
  EXPECT_EQ(j["layers"][0]["feature_count"], 4);
  EXPECT_EQ(j["layers"][0]["geometry_type"], "Point");
}

TEST(DatedData, EachEventIsDrawnOnItsOwnDayOnly) {
  const std::string dir = fresh_dir("dated_render");
  std::ofstream(dir + "/events.csv") << kAcled;
  for (const char* day : {"2023-09-19", "2023-09-20", "2023-09-25"}) {
    const std::string out = dir + "/" + day + ".png";
    auto r = run_chronoatlas("render --scenario none --no-basemap --layer " + dir + "/events.csv --date " + day +
                             " --bbox 44,39.2,47.2,40.6 --size 800x500 --no-graticule --out " + out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("'soon'"), std::string::npos) << "the unreadable date is named: " << r.err;
    const Png png = read_png(out);
    ASSERT_EQ(png.width, 800);
    for (const Event& e : kEvents)
      EXPECT_EQ(drawn_at(out, png, e.lon, e.lat), std::string(e.day) == day) << e.day << " on " << day;
  }
}

TEST(DatedData, ATableWithoutCoordinatesIsRefusedWithAReason) {
  const std::string dir = fresh_dir("dated_table");
  std::ofstream(dir + "/table.csv") << "name,event_date\nA,2023-09-19\n";
  auto r = run_chronoatlas("render --scenario none --layer " + dir + "/table.csv --out " + dir + "/x.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("without coordinates"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/x.png"));
}

TEST(DatedData, ASavedViewKeepsTheAddedFileAndItsTimeSettings) {
  const std::string dir = fresh_dir("dated_view");
  std::ofstream(dir + "/events.csv") << kAcled;
  // The layer set to cumulative in the app: on 25 Sep every event so far is shown.
  std::ofstream(dir + "/events.view.json") << R"({"chronoatlas_view": 1, "scenario": "none", "date": "2023-09-25",
    "crs": "EPSG:4326", "centre_lonlat": [45.6, 39.9], "units_per_pixel": 0.0045, "size": [800, 500],
    "furniture": {"legend": false}, "added_files": [")" + dir + R"(/events.csv"],
    "layer_times": {"events.csv": {"mode": "cumulative", "start_field": "event_date", "end_field": "",
                                   "instant_field": "", "duration_days": 1}}})";
  auto r = run_chronoatlas("render --view " + dir + "/events.view.json --out " + dir + "/v.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Png png = read_png(dir + "/v.png");
  for (const Event& e : kEvents) EXPECT_TRUE(drawn_at(dir + "/v.png", png, e.lon, e.lat)) << e.day;
  // A time mode the app does not know is refused, naming the key.
  std::ofstream(dir + "/bad.view.json") << R"({"chronoatlas_view": 1, "scenario": "none", "date": "2023-09-25",
    "crs": "EPSG:4326", "centre_lonlat": [45.6, 39.9], "units_per_pixel": 0.0045, "size": [800, 500],
    "furniture": {}, "added_files": [")" + dir + R"(/events.csv"],
    "layer_times": {"events.csv": {"mode": "sometimes", "start_field": "event_date", "end_field": "",
                                   "instant_field": "", "duration_days": 1}}})";
  auto bad = run_chronoatlas("render --view " + dir + "/bad.view.json --out " + dir + "/b.png");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("layer_times.events.csv.mode"), std::string::npos) << bad.err;
}

// A saved view of the ACLED events in DIR, coloured by event type (BATTLES, PROTESTS) and sized by fatalities.
void write_styled_view(const std::string& dir, const std::string& battles, const std::string& protests) {
  std::ofstream(dir + "/events.csv") << kAcled;
  std::ofstream(dir + "/styled.view.json") << R"({"chronoatlas_view": 1, "scenario": "none", "date": "2023-09-25",
    "crs": "EPSG:4326", "centre_lonlat": [45.6, 39.9], "units_per_pixel": 0.0045, "size": [800, 500],
    "furniture": {"legend": true, "date": false, "scale_bar": false, "graticule": false}, "added_files": [")" + dir + R"(/events.csv"],
    "layers": {"events.csv": {"fill": "#d95e03", "stroke": "#d95e03", "point_radius": 5,
      "fill_by": {"field": "event_type", "values": {"Battles": ")" + battles + R"(", "Protests": ")" + protests + R"("},
                  "strokes": {}, "legend": true},
      "size_by": {"field": "fatalities", "max": 27, "max_radius": 24}}},
    "layer_times": {"events.csv": {"mode": "cumulative", "start_field": "event_date", "end_field": "",
                                   "instant_field": "", "duration_days": 1}}})";
}

TEST(DatedData, ColourByACategoryAndSizeByANumberWithTheirLegend) {
  const std::string dir = fresh_dir("dated_style");
  write_styled_view(dir, "#e69f00", "#56b4e9");
  auto r = run_chronoatlas("render --view " + dir + "/styled.view.json --out " + dir + "/s.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("\"events.csv: Battles\" and \"events.csv: Protests\" look alike"), std::string::npos)
      << "Okabe-Ito orange and sky blue stay apart:\n" << r.err;
  const std::string png_path = dir + "/s.png";
  const Png png = read_png(png_path);
  auto colour_at = [&](double lon, double lat, double dx_px) {
    auto [x, y] = pixel_of(png_path, lon, lat);
    return png.at(static_cast<int>(std::lround(x + dx_px)), static_cast<int>(std::lround(y)));
  };
  auto near = [](const unsigned char* p, int red, int green, int blue) {
    return std::abs(p[0] - red) < 16 && std::abs(p[1] - green) < 16 && std::abs(p[2] - blue) < 16;
  };
  // The battle with 27 dead is the largest symbol (24 px radius): its colour 15 px from its centre; the explosion
  // (5 dead, "other": the layer's own colour) is about 10 px; the protest with none keeps a 3 px dot.
  EXPECT_TRUE(near(colour_at(kEvents[0].lon, kEvents[0].lat, 15), 0xe6, 0x9f, 0x00));
  EXPECT_TRUE(near(colour_at(kEvents[1].lon, kEvents[1].lat, 6), 0xd9, 0x5e, 0x03));
  EXPECT_FALSE(near(colour_at(kEvents[1].lon, kEvents[1].lat, 15), 0xd9, 0x5e, 0x03));
  EXPECT_TRUE(near(colour_at(kEvents[2].lon, kEvents[2].lat, 0), 0x56, 0xb4, 0xe9));
  EXPECT_FALSE(near(colour_at(kEvents[2].lon, kEvents[2].lat, 6), 0x56, 0xb4, 0xe9));
  // The legend names each category and "other"; its rows are drawn in the lower left.
  int orange = 0, blue = 0;
  for (int y = 300; y < 500; ++y)
    for (int x = 0; x < 60; ++x) orange += near(png.at(x, y), 0xe6, 0x9f, 0x00), blue += near(png.at(x, y), 0x56, 0xb4, 0xe9);
  EXPECT_GT(orange, 20);
  EXPECT_GT(blue, 20);
}

TEST(DatedData, ARedAndAGreenCategoryAreNamedForReadersWithColourBlindness) {
  const std::string dir = fresh_dir("dated_red_green");
  write_styled_view(dir, "#d62728", "#2ca02c");
  auto r = run_chronoatlas("render --view " + dir + "/styled.view.json --out " + dir + "/s.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: legend: \"events.csv: Battles\" and \"events.csv: Protests\" look alike with deuteranopia"),
            std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Okabe-Ito"), std::string::npos) << r.err;
}

TEST(DatedData, AFadeLeavesTheNewestEventsBrightest) {
  const std::string dir = fresh_dir("dated_fade");
  std::ofstream(dir + "/events.csv") << kAcled;
  // Cumulative with a six-day fade, seen on 25 Sep, that is at the end of that day (the map's time rule): the protest
  // of 25 Sep is a day old, at 1 - 0.75 / 6 of its strength; the battle of 19 Sep, a week old, is down to a quarter.
  // Each is blended over the background like any translucent symbol.
  std::ofstream(dir + "/fade.view.json") << R"({"chronoatlas_view": 1, "scenario": "none", "date": "2023-09-25",
    "crs": "EPSG:4326", "centre_lonlat": [45.6, 39.9], "units_per_pixel": 0.0045, "size": [800, 500],
    "furniture": {"legend": false, "date": false, "scale_bar": false, "graticule": false},
    "added_files": [")" + dir + R"(/events.csv"],
    "layers": {"events.csv": {"fill": "#d95e03", "stroke": "#d95e03", "point_radius": 6}},
    "layer_times": {"events.csv": {"mode": "cumulative", "start_field": "event_date", "end_field": "",
                                   "instant_field": "", "duration_days": 1, "fade_days": 6}}})";
  auto r = run_chronoatlas("render --no-basemap --view " + dir + "/fade.view.json --out " + dir + "/f.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string png_path = dir + "/f.png";
  const Png png = read_png(png_path);
  auto centre = [&](const Event& e) {
    auto [x, y] = pixel_of(png_path, e.lon, e.lat);
    return png.at(static_cast<int>(std::lround(x)), static_cast<int>(std::lround(y)));
  };
  auto near = [](const unsigned char* p, double red, double green, double blue) {
    return std::abs(p[0] - red) < 12 && std::abs(p[1] - green) < 12 && std::abs(p[2] - blue) < 12;
  };
  auto over_background = [](int colour, int background, double strength) {
    return strength * colour + (1 - strength) * background;
  };
  auto expect_strength = [&](const unsigned char* p, double k) {
    EXPECT_TRUE(near(p, over_background(0xd9, 0xcc, k), over_background(0x5e, 0xde, k), over_background(0x03, 0xeb, k)))
        << "strength " << k << ": " << int(p[0]) << "," << int(p[1]) << "," << int(p[2]);
  };
  expect_strength(centre(kEvents[2]), 1 - 0.75 / 6);
  expect_strength(centre(kEvents[0]), 0.25);
  // A negative fade is refused, naming the key.
  std::ofstream(dir + "/bad.view.json") << R"({"chronoatlas_view": 1, "scenario": "none", "date": "2023-09-25",
    "crs": "EPSG:4326", "centre_lonlat": [45.6, 39.9], "units_per_pixel": 0.0045, "size": [800, 500],
    "furniture": {}, "added_files": [")" + dir + R"(/events.csv"],
    "layer_times": {"events.csv": {"mode": "cumulative", "start_field": "event_date", "end_field": "",
                                   "instant_field": "", "duration_days": 1, "fade_days": -3}}})";
  auto bad = run_chronoatlas("render --view " + dir + "/bad.view.json --out " + dir + "/b.png");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("fade_days"), std::string::npos) << bad.err;
}

TEST(DatedData, TheDensityViewCountsTheEventsLiveOnTheDateInHexagons) {
  const std::string dir = fresh_dir("dated_density");
  // Five events at one place, the last a week later than the others; one event alone elsewhere.
  std::ofstream(dir + "/events.csv") << "event_date,latitude,longitude\n"
                                        "2023-09-19,39.8153,46.7519\n2023-09-19,39.8153,46.7519\n"
                                        "2023-09-20,39.8153,46.7519\n2023-09-21,39.8153,46.7519\n"
                                        "2023-09-28,39.8153,46.7519\n2023-09-20,40.1776,44.5126\n";
  auto render_on = [&](const std::string& date) {
    const std::string view = dir + "/" + date + ".view.json", out = dir + "/" + date + ".png";
    std::ofstream(view) << R"({"chronoatlas_view": 1, "scenario": "none", "date": ")" + date + R"(",
      "crs": "EPSG:4326", "centre_lonlat": [45.6, 39.9], "units_per_pixel": 0.0045, "size": [800, 500],
      "furniture": {"legend": true, "date": false, "scale_bar": false, "graticule": false},
      "added_files": [")" + dir + R"(/events.csv"], "layers": {"events.csv": {"density": true}},
      "layer_times": {"events.csv": {"mode": "cumulative", "start_field": "event_date", "end_field": "",
                                     "instant_field": "", "duration_days": 1}}})";
    auto r = run_chronoatlas("render --view " + view + " --out " + out);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return out;
  };
  // The classes' colours: 1 light yellow (255, 237, 161), 2-4 (252, 199, 97), 5-9 (247, 145, 61), each at 90 % over
  // the background (204, 222, 235).
  auto shade = [](int r, int g, int b) {
    return std::array<double, 3>{0.9 * r + 0.1 * 204, 0.9 * g + 0.1 * 222, 0.9 * b + 0.1 * 235};
  };
  const auto one = shade(255, 237, 161), two_to_four = shade(252, 199, 97), five_to_nine = shade(247, 145, 61);
  // True when a pixel within 3 of the place has COLOUR: the place may lie in the gap between two cells.
  auto coloured_near = [](const std::string& png_path, const Png& png, double lon, double lat,
                          const std::array<double, 3>& colour) {
    auto [x, y] = pixel_of(png_path, lon, lat);
    for (int dy = -3; dy <= 3; ++dy)
      for (int dx = -3; dx <= 3; ++dx) {
        const unsigned char* p = png.at(static_cast<int>(std::lround(x)) + dx, static_cast<int>(std::lround(y)) + dy);
        if (std::abs(p[0] - colour[0]) < 6 && std::abs(p[1] - colour[1]) < 6 && std::abs(p[2] - colour[2]) < 6)
          return true;
      }
    return false;
  };
  const std::string before = render_on("2023-09-25"), after = render_on("2023-09-28");
  const Png a = read_png(before), b = read_png(after);
  // On 25 Sep four events have happened at the first place, on 28 Sep five.
  EXPECT_TRUE(coloured_near(before, a, 46.7519, 39.8153, two_to_four));
  EXPECT_FALSE(coloured_near(before, a, 46.7519, 39.8153, five_to_nine));
  EXPECT_TRUE(coloured_near(after, b, 46.7519, 39.8153, five_to_nine));
  EXPECT_TRUE(coloured_near(before, a, 44.5126, 40.1776, one));
  // No symbol is drawn in the density view: its stroke colour appears nowhere.
  int strokes = 0;
  for (int y = 0; y < a.height; ++y)
    for (int x = 0; x < a.width; ++x) strokes += a.at(x, y)[0] == 0x73 && a.at(x, y)[1] == 0x6b && a.at(x, y)[2] == 0x61;
  EXPECT_EQ(strokes, 0);
}

TEST(DatedData, APlaceholderYearIsSkippedWithAMessageAndTheOtherDaysStayExact) {
  // One 0001-01-01 row moved the time origin to year 1: float times stepped in 1/16 day, and the event of 26 Sep
  // was hidden while the one of 27 Sep was drawn on the 26th.
  const std::string dir = fresh_dir("dated_placeholder");
  std::ofstream(dir + "/ev.csv") << "name,event_date,latitude,longitude\nunknown,0001-01-01,39.5,44.5\n"
                                    "sixth,2023-09-26,39.8153,46.7519\nseventh,2023-09-27,39.60,46.30\n";
  const std::string out = dir + "/m.png";
  auto r = run_chronoatlas("render --scenario none --no-basemap --layer " + dir + "/ev.csv --date 2023-09-26"
                           " --bbox 44,39.2,47.2,40.6 --size 800x500 --no-graticule --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("'0001-01-01' is outside 1800 to 2200"), std::string::npos) << r.err;
  const Png png = read_png(out);
  EXPECT_TRUE(drawn_at(out, png, 46.7519, 39.8153)) << "the event of the day is drawn";
  EXPECT_FALSE(drawn_at(out, png, 46.30, 39.60)) << "the next day's event is not";
  EXPECT_FALSE(drawn_at(out, png, 44.5, 39.5)) << "the placeholder is not drawn as a date";
}

TEST(DatedData, ADateForUndatedLayersIsAcceptedWithAWarningAndNoStamp) {
  // Undated data has no date: --date changes nothing, and says so rather than stamp a made-up "as of".
  const std::string dir = fresh_dir("undated_date");
  const auto r = run_chronoatlas("render --scenario none --no-basemap --size 320x200 --layer " + data("caucasus.geojson") +
                                 " --date 2023-09-26 --out " + dir + "/a.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("--date 2023-09-26: no layer has dates"), std::string::npos) << r.err;
  const auto plain = run_chronoatlas("render --scenario none --no-basemap --size 320x200 --layer " +
                                     data("caucasus.geojson") + " --out " + dir + "/b.png");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.err.find("no layer has dates"), std::string::npos) << "no warning without --date";
  EXPECT_EQ(pixel_diff(read_png(dir + "/a.png"), read_png(dir + "/b.png"), 0).differing, 0u)
      << "the same map, with no date stamped";
}
