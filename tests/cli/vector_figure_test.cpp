// SVG and PDF figures as a graphics desk gets them: layers named, text as text in embedded fonts, paths Illustrator
// keeps, and the same picture as the PNG of the same view once rasterised (rsvg-convert, pdftoppm).
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <cpl_minixml.h>
#include <gtest/gtest.h>

#include "pixel_diff.h"
#include "png_read.h"
#include "required_tool.h"
#include "run_command.h"

namespace fs = std::filesystem;

namespace {

// What the tests read of an SVG: top-level group names, every text's string, the longest path in points.
struct SvgSummary {
  bool parsed = false;
  std::vector<std::string> layers;
  std::vector<std::string> texts;
  std::vector<std::string> right_to_left_texts;  // set with direction="rtl"
  std::set<std::string> font_families;
  size_t longest_path_points = 0, paths = 0;
};

size_t path_points(const char* d) {
  size_t numbers = 0;
  std::istringstream in(d);
  std::string token;
  while (in >> token) {
    while (!token.empty() && (token[0] == 'M' || token[0] == 'L')) token.erase(0, 1);
    if (!token.empty() && token.back() == 'Z') token.pop_back();
    if (!token.empty()) ++numbers;
  }
  return numbers / 2;
}

void walk(const CPLXMLNode* n, int depth, SvgSummary& s) {
  for (; n; n = n->psNext) {
    if (n->eType != CXT_Element) continue;
    const std::string name = n->pszValue;
    if (name == "g" && depth == 0) s.layers.push_back(CPLGetXMLValue(n, "inkscape:label", ""));
    if (name == "text") {
      s.texts.push_back(CPLGetXMLValue(n, "", ""));
      if (std::string(CPLGetXMLValue(n, "direction", "")) == "rtl") s.right_to_left_texts.push_back(s.texts.back());
      s.font_families.insert(CPLGetXMLValue(n, "font-family", ""));
    }
    if (name == "path") {
      ++s.paths;
      s.longest_path_points = std::max(s.longest_path_points, path_points(CPLGetXMLValue(n, "d", "")));
    }
    walk(n->psChild, depth + (name == "g"), s);
  }
}

SvgSummary read_svg(const std::string& path) {
  SvgSummary s;
  CPLXMLNode* root = CPLParseXMLString(read_all(path).c_str());
  if (!root) return s;
  s.parsed = true;
  const CPLXMLNode* svg = CPLGetXMLNode(root, "=svg");
  if (svg) walk(svg->psChild, 0, s);
  CPLDestroyXMLNode(root);
  return s;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool any_contains(const std::vector<std::string>& v, const std::string& x) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.find(x) != std::string::npos; });
}

// IMAGE averaged over blocks of 4 x 4 pixels: what a reader sees at a glance, without the anti-aliasing of edges.
Png block_means(const Png& image) {
  Png out;
  out.width = image.width / 4, out.height = image.height / 4;
  out.rgba.assign(static_cast<size_t>(out.width) * out.height * 4, 0);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      for (int k = 0; k < 4; ++k) {
        int sum = 0;
        for (int dy = 0; dy < 4; ++dy)
          for (int dx = 0; dx < 4; ++dx) sum += image.at(4 * x + dx, 4 * y + dy)[k];
        out.rgba[(static_cast<size_t>(y) * out.width + x) * 4 + k] = static_cast<unsigned char>(sum / 16);
      }
  return out;
}

// The share of 4 x 4 blocks of A and B (one size) whose means differ by more than 48 levels: the rasterisers' own
// glyph edges stay under it, a missing, misplaced or mirrored shape or glyph does not.
double differing_share(const Png& a, const Png& b) {
  if (a.width != b.width || a.height != b.height) return 1;
  return pixel_diff(block_means(a), block_means(b), 48).share();
}

std::string shell(const std::string& command) {
  const std::string out = scratch_dir() + "shell-" + std::to_string(getpid()) + ".txt";
  if (std::system((command + " >" + out + " 2>&1").c_str()) != 0) return "FAILED: " + read_all(out);
  return read_all(out);
}

struct PdfFont {
  std::string name;
  bool embedded = false, unicode = false;
};

// The fonts pdffonts lists for the PDF at PATH.
std::vector<PdfFont> pdf_fonts(const std::string& path) {
  std::istringstream rows(shell("pdffonts " + path));
  std::vector<PdfFont> out;
  std::string row;
  for (int i = 0; std::getline(rows, row); ++i) {
    std::istringstream in(row);
    std::vector<std::string> c;
    for (std::string w; in >> w;) c.push_back(w);
    // name, type (one or two words), encoding, emb, sub, uni, object, ID; after the two header rows.
    if (i < 2 || c.size() < 7) continue;
    out.push_back({c[0], c[c.size() - 5] == "yes", c[c.size() - 3] == "yes"});
  }
  return out;
}

// The bundled story at one view, as DIR/m.png and DIR/m.EXT.
CommandResult render_png_and(const std::string& dir, const std::string& ext) {
  const std::string view = " --size 1280x720 --date 2023-10-01";
  auto png = run_chronoatlas("render" + view + " --out " + dir + "/m.png");
  if (png.exit_code != 0) return png;
  return run_chronoatlas("render" + view + " --out " + dir + "/m." + ext);
}

// The share of pixels that differ between DIR/m.png and DIR/RASTER once RASTERISE (a shell command) has made it; 1
// when it failed.
double rasterised_share(const std::string& dir, const std::string& rasterise, const std::string& raster) {
  if (shell(rasterise).rfind("FAILED", 0) == 0) return 1;
  const double share = differing_share(read_png(dir + "/m.png"), read_png(dir + "/" + raster));
  std::printf("%s: %.4f of 4x4 blocks differ by more than 48 levels from the PNG\n", raster.c_str(), share);
  return share;
}

// The every-script render case drawn in DIR as m.png and as SVG; returns its view's options for more renders.
std::string render_every_script(const std::string& dir, const std::string& svg) {
  const std::string story = std::string(RENDER_CASES_DIR) + "/labels-every-script-48px";
  const std::string view = " --scenario " + story + " --date 2020-06-01 --size 1600x950 --no-furniture";
  EXPECT_EQ(run_chronoatlas("render" + view + " --out " + dir + "/m.png").exit_code, 0);
  EXPECT_EQ(run_chronoatlas("render" + view + " --out " + dir + "/" + svg).exit_code, 0);
  return view;
}

class VectorFigure : public ::testing::Test {
 protected:
  void SetUp() override { REQUIRE_TOOL(missing_tools("rsvg-convert pdffonts pdftotext pdftoppm pdfinfo gdalinfo ogrinfo").empty(), "librsvg2-bin / poppler-utils / gdal-bin"); }
};

}  // namespace

TEST_F(VectorFigure, SvgOfTheStoryHasALayerPerMapLayerAndFurniturePartTextAsTextAndMatchesThePng) {
  const std::string dir = fresh_dir("vector_svg");
  auto r = render_png_and(dir, "svg");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("wrote " + dir + "/m.svg"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir + "/m.svg.pgw"));

  const SvgSummary s = read_svg(dir + "/m.svg");
  ASSERT_TRUE(s.parsed);
  for (const char* layer : {"Countries", "Places named or implied in the article", "Graticule",
                            "Labels: Places named or implied in the article", "Title", "Date", "Legend", "Scale bar",
                            "Sources", "Caption"})
    EXPECT_TRUE(has(s.layers, layer)) << layer;
  EXPECT_TRUE(any_contains(s.layers, "Exodus to Armenia"));
  for (const char* name : {"Baku", "Yerevan", "Moscow", "as of 1 October 2023", "Karabakh 2020–2024"})
    EXPECT_TRUE(any_contains(s.texts, name)) << name;
  EXPECT_TRUE(s.font_families.count("NotoSans-Regular") && s.font_families.count("NotoSans-Bold"));
  EXPECT_GT(s.paths, 100u);
  EXPECT_LE(s.longest_path_points, 30000u);

  EXPECT_LT(rasterised_share(dir, "rsvg-convert " + dir + "/m.svg -o " + dir + "/svg.png", "svg.png"), 0.01);
}

TEST_F(VectorFigure, PdfEmbedsEveryFontHasExtractableTextAndMatchesThePng) {
  const std::string dir = fresh_dir("vector_pdf");
  auto r = render_png_and(dir, "pdf");
  ASSERT_EQ(r.exit_code, 0) << r.err;

  const std::vector<PdfFont> fonts = pdf_fonts(dir + "/m.pdf");
  for (const PdfFont& f : fonts) {
    // Subset too, but GDAL's composition writes the subset tag with '_' where pdffonts looks for '+'.
    EXPECT_TRUE(f.embedded) << f.name << " is not embedded";
    EXPECT_TRUE(f.unicode) << f.name << " has no Unicode map";
  }
  EXPECT_GE(fonts.size(), 2u);

  // Georeferenced as the PNG's world file says (at the page's 72 dpi: 0.75 PDF pixel a PNG pixel), and layered.
  const std::string info = shell("gdalinfo -mdd LAYERS " + dir + "/m.pdf");
  EXPECT_NE(info.find("Lambert Conic Conformal"), std::string::npos) << info;
  std::ifstream world(dir + "/m.pgw");
  double a, d, b, e, c0, f0;
  world >> a >> d >> b >> e >> c0 >> f0;
  double ox = NAN, oy = NAN, sx = NAN, sy = NAN;
  const size_t at_origin = info.find("Origin = ("), at_size = info.find("Pixel Size = (");
  ASSERT_NE(at_origin, std::string::npos) << info;
  ASSERT_NE(at_size, std::string::npos) << info;
  std::sscanf(info.c_str() + at_origin, "Origin = (%lf,%lf)", &ox, &oy);
  std::sscanf(info.c_str() + at_size, "Pixel Size = (%lf,%lf)", &sx, &sy);
  // A world file names the first pixel's centre; GDAL the corner.
  EXPECT_NEAR(ox, c0 - a / 2, std::fabs(a) * 0.01);
  EXPECT_NEAR(oy, f0 - e / 2, std::fabs(a) * 0.01);
  EXPECT_NEAR(sx, a * 1280 / 960, std::fabs(a) * 0.001);
  EXPECT_NEAR(sy, e * 1280 / 960, std::fabs(a) * 0.001);
  for (const char* layer : {"Countries", "Places_named_or_implied_in_the_article", "Labels:_Countries", "Title", "Legend"})
    EXPECT_NE(info.find("_NAME=" + std::string(layer) + "\n"), std::string::npos) << layer << " in\n" << info;
  const std::string text = shell("pdftotext " + dir + "/m.pdf -");
  for (const char* name : {"Baku", "Yerevan", "Moscow", "as of 1 October 2023", "Karabakh 2020–2024"})
    EXPECT_NE(text.find(name), std::string::npos) << name << " in:\n" << text;

  // The logical structure lists each drawn layer's features with their attributes (Acrobat's Model Tree).
  const std::string structure = shell("ogrinfo -ro -q " + dir + "/m.pdf \"Places named or implied in the article\"");
  EXPECT_NE(structure.find("label (String) = Baku"), std::string::npos) << structure.substr(0, 2000);
  EXPECT_NE(structure.find("POINT ("), std::string::npos);
  for (const auto& entry : fs::directory_iterator(dir))
    EXPECT_EQ(entry.path().filename().string().find("chronoatlas-tmp"), std::string::npos) << "left behind: " << entry.path();
  // Glyph edges: poppler's text rasteriser is lighter than FreeType's hinted bitmaps.
  EXPECT_LT(rasterised_share(dir, "pdftoppm -r 96 -png -singlefile " + dir + "/m.pdf " + dir + "/pdf", "pdf.png"), 0.02);
}

TEST_F(VectorFigure, ArabicHebrewAndCjkNamesStayTextInSvgAndPdf) {
  const std::string dir = fresh_dir("vector_scripts");
  const std::string view = render_every_script(dir, "s.svg");
  ASSERT_EQ(run_chronoatlas("render" + view + " --out " + dir + "/s.pdf").exit_code, 0);
  // The PDF sets our glyphs; rsvg-convert lays out the SVG's text itself, with Pango's hinted advances, which run a
  // few pixels a word wider than HarfBuzz's outside Latin: a looser bound, still far below a missing label.
  EXPECT_LT(rasterised_share(dir, "pdftoppm -r 96 -png -singlefile " + dir + "/s.pdf " + dir + "/pdf", "pdf.png"), 0.015);
  EXPECT_LT(rasterised_share(dir, "rsvg-convert " + dir + "/s.svg -o " + dir + "/svg.png", "svg.png"), 0.03);
  const SvgSummary s = read_svg(dir + "/s.svg");
  ASSERT_TRUE(s.parsed);
  const std::string pdf = shell("pdftotext " + dir + "/s.pdf -");
  for (const char* name : {"حلب", "ירושלים", "東京都", "北京"}) {
    EXPECT_TRUE(has(s.texts, name)) << name << " as one <text> of the SVG";
    EXPECT_NE(pdf.find(name), std::string::npos) << name << " in the PDF's text:\n" << pdf;
  }
  EXPECT_TRUE(any_contains({s.font_families.begin(), s.font_families.end()}, "Arabic"));
  // Right-to-left runs are set right to left, so "(Aleppo) حلب" keeps its brackets mirrored and "ירושלים 2023" its
  // space between the words; the Latin run beside them stays left to right.
  for (const char* name : {"حلب", "ירושלים"}) EXPECT_TRUE(has(s.right_to_left_texts, name)) << name;
  EXPECT_TRUE(has(s.right_to_left_texts, "ירושלים ")) << "the space belongs to the Hebrew run, at its left end";
  EXPECT_FALSE(any_contains(s.right_to_left_texts, "Aleppo"));
  const std::vector<PdfFont> fonts = pdf_fonts(dir + "/s.pdf");
  EXPECT_TRUE(std::any_of(fonts.begin(), fonts.end(), [](const PdfFont& f) { return f.name.find("NotoSansArabic") != std::string::npos; }));
  for (const PdfFont& f : fonts) EXPECT_TRUE(f.embedded) << f.name << " is not embedded";
}

TEST_F(VectorFigure, AnAreaOfManyPointsIsSplitIntoPathsIllustratorKeepsAndStillFilled) {
  const std::string dir = fresh_dir("vector_long");
  // A disc of 80,000 vertices around (45E, 40N), radius 3 degrees.
  std::ofstream g(dir + "/disc.geojson");
  g << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"disc"},"geometry":{"type":"Polygon","coordinates":[[)";
  const int n = 80000;
  for (int i = 0; i <= n; ++i) {
    const double a = 2 * M_PI * (i % n) / n;
    g << (i ? "," : "") << "[" << 45 + 3 * std::cos(a) << "," << 40 + 3 * std::sin(a) << "]";
  }
  g << "]]}}]}";
  g.close();
  const std::string view = " --scenario none --layer " + dir + "/disc.geojson --size 3000x3000 --no-furniture --no-graticule";
  ASSERT_EQ(run_chronoatlas("render" + view + " --out " + dir + "/d.png").exit_code, 0);
  auto r = run_chronoatlas("render" + view + " --out " + dir + "/d.svg");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const SvgSummary s = read_svg(dir + "/d.svg");
  ASSERT_TRUE(s.parsed);
  EXPECT_LE(s.longest_path_points, 30000u);
  EXPECT_GT(s.paths, 2u) << "the outline alone has more points than one path may hold";
  ASSERT_EQ(shell("rsvg-convert " + dir + "/d.svg -o " + dir + "/svg.png").rfind("FAILED", 0), std::string::npos);
  EXPECT_LT(differing_share(read_png(dir + "/d.png"), read_png(dir + "/svg.png")), 0.002);
}

TEST(VectorFigureNames, AnUnknownExtensionIsRefusedBeforeAnythingIsDrawn) {
  const std::string dir = fresh_dir("vector_names");
  auto r = run_chronoatlas("render --out " + dir + "/m.eps");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("must end in .png, .svg or .pdf"), std::string::npos) << r.err;
  auto g = run_chronoatlas("render --geotiff --out " + dir + "/m.svg");
  EXPECT_NE(g.exit_code, 0);
  EXPECT_NE(g.err.find("--geotiff"), std::string::npos) << g.err;
  EXPECT_TRUE(fs::is_empty(dir));
}

TEST_F(VectorFigure, EveryFormatCarriesADraftAltTextNamingTheDateAndThePlaces) {
  const std::string dir = fresh_dir("vector_alt");
  const std::string view = " --size 1280x720 --date 2023-09-28 --out " + dir;
  for (const char* ext : {"png", "svg", "pdf"}) ASSERT_EQ(run_chronoatlas("render" + view + "/m." + ext).exit_code, 0) << ext;
  const std::string png = read_png(dir + "/m.png").text["Description"];
  const std::string svg = read_all(dir + "/m.svg");
  const std::string desc = svg.substr(svg.find("<desc>"), svg.find("</desc>") - svg.find("<desc>"));
  const std::string pdf = shell("pdfinfo " + dir + "/m.pdf");
  for (const std::string& alt : {png, desc, pdf}) {
    EXPECT_NE(alt.find("28 September 2023"), std::string::npos) << alt;
    for (const char* place : {"Baku", "Yerevan", "Stepanakert"}) EXPECT_NE(alt.find(place), std::string::npos) << place << " in " << alt;
    EXPECT_NE(alt.find("Largest symbol: 76,407 arrived in Armenia"), std::string::npos) << alt;
  }
  EXPECT_EQ(png.find("Named on the map: 76,407"), std::string::npos) << "a figure is not a place name";
}

TEST_F(VectorFigure, AMapWithoutAStoryHasTheCountriesUnderItUnlessAskedNot) {
  const std::string dir = fresh_dir("vector_basemap");
  std::ofstream(dir + "/cities.csv") << "name,latitude,longitude\nAleppo,36.2,37.16\nGaziantep,37.07,37.38\n";
  const std::string view = " --scenario none --layer " + dir + "/cities.csv --size 800x500";
  ASSERT_EQ(run_chronoatlas("render" + view + " --out " + dir + "/with.svg").exit_code, 0);
  ASSERT_EQ(run_chronoatlas("render" + view + " --no-basemap --out " + dir + "/without.svg").exit_code, 0);
  const SvgSummary with = read_svg(dir + "/with.svg"), without = read_svg(dir + "/without.svg");
  EXPECT_TRUE(has(with.layers, "Countries (basemap)"));
  EXPECT_TRUE(has(with.layers, "cities.csv"));
  EXPECT_TRUE(has(with.texts, "Syria") || has(with.texts, "Turkey"));
  EXPECT_TRUE(any_contains(with.texts, "Natural Earth")) << "the sources line credits the basemap";
  EXPECT_FALSE(has(without.layers, "Countries (basemap)"));
  EXPECT_FALSE(any_contains(without.texts, "Natural Earth"));
}

TEST_F(VectorFigure, ARegionalMapHasALocatorInsetWithItsFrameOutlinedAndTheWholeRegionDoesNot) {
  const std::string dir = fresh_dir("vector_inset");
  const std::string region = "render --bbox 44.5,38.8,48,40.8 --size 1280x720 --date 2023-09-28";
  ASSERT_EQ(run_chronoatlas(region + " --out " + dir + "/region.svg").exit_code, 0);
  ASSERT_EQ(run_chronoatlas(region + " --no-inset --out " + dir + "/plain.svg").exit_code, 0);
  ASSERT_EQ(run_chronoatlas("render --size 1280x720 --out " + dir + "/wide.svg").exit_code, 0);
  const SvgSummary with = read_svg(dir + "/region.svg");
  EXPECT_TRUE(has(with.layers, "Inset"));
  EXPECT_FALSE(has(read_svg(dir + "/plain.svg").layers, "Inset"));
  EXPECT_FALSE(has(read_svg(dir + "/wide.svg").layers, "Inset")) << "a map of several countries needs no locator";
  // The inset's group: its background, the countries of the wider area, then the map's outline in red.
  const std::string svg = read_all(dir + "/region.svg");
  const size_t from = svg.find("inkscape:label=\"Inset\""), to = svg.find("</g>", from);
  ASSERT_NE(from, std::string::npos);
  const std::string inset = svg.substr(from, to - from);
  size_t paths = 0;
  for (size_t at = inset.find("<path"); at != std::string::npos; at = inset.find("<path", at + 1)) ++paths;
  EXPECT_GT(paths, 20u) << "the wider area's countries";
  EXPECT_NE(inset.find("stroke=\"#bf261f\""), std::string::npos) << "the main map's outline";
}

TEST_F(VectorFigure, ComplexScriptsCanLeaveAsTheShapedGlyphsOutlines) {
  const std::string dir = fresh_dir("vector_outlines");
  const std::string view = render_every_script(dir, "text.svg");
  ASSERT_EQ(run_chronoatlas("render" + view + " --outline-complex-scripts --out " + dir + "/outlined.svg").exit_code, 0);
  const SvgSummary s = read_svg(dir + "/outlined.svg");
  ASSERT_TRUE(s.parsed);
  for (const char* complex : {"حلب", "ירושלים", "दिल्ली"}) EXPECT_FALSE(has(s.texts, complex)) << complex << " is outlined";
  for (const char* plain : {"東京都", "Бишкек", "Αθήνα"}) EXPECT_TRUE(has(s.texts, plain)) << plain << " stays text";
  const std::string svg = read_all(dir + "/outlined.svg");
  EXPECT_NE(svg.find("<title>حلب</title>"), std::string::npos) << "the outline keeps its words";
  // Outlines are the glyphs HarfBuzz placed: the rasterised SVG comes nearer the PNG than the renderer's own layout.
  const double as_text = rasterised_share(dir, "rsvg-convert " + dir + "/text.svg -o " + dir + "/text.png", "text.png");
  const double outlined = rasterised_share(dir, "rsvg-convert " + dir + "/outlined.svg -o " + dir + "/outlined.png", "outlined.png");
  EXPECT_LT(outlined, as_text * 0.8);
}
