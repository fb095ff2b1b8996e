#include "render/graticule.h"

#include <cmath>
#include <cstdio>

namespace chronoatlas::render {
namespace {

// "40°N", "10°W"; the equator and the prime and antimeridians have no hemisphere.
std::string degree_label(double v, char pos, char neg) {
  char buf[24];
  if (std::fabs(v) < 1e-9 || std::fabs(v) == 180) std::snprintf(buf, sizeof buf, "%g°", std::fabs(v));
  else std::snprintf(buf, sizeof buf, "%g°%c", std::fabs(v), v < 0 ? neg : pos);
  return buf;
}

}  // namespace

void project_graticule(Graticule& g, const geo::Projection& projection, story::Days origin) {
  g.projected = std::make_shared<ProjectedLayer>(project_layer(g.geometry, projection, {}, origin));
  g.lines.clear();
  const Shapes& lines = g.geometry.levels.front();
  for (size_t l = 0; l + 1 < lines.line_starts.size(); ++l) {
    std::vector<XY> line;
    for (uint32_t i = lines.line_starts[l]; i < lines.line_starts[l + 1]; ++i) {
      XY p{NAN, NAN};
      projection.forward(lines.line_points[i], p);
      line.push_back(p);
    }
    g.lines.push_back(std::move(line));
  }
}

const std::shared_ptr<const std::vector<model::FeatureStyle>>& graticule_style() {
  static const auto style = std::make_shared<const std::vector<model::FeatureStyle>>(
      std::vector<model::FeatureStyle>{{{0, 0, 0, 0}, {0.35f, 0.45f, 0.55f, 0.35f}, 0, 0}});
  return style;
}

std::vector<Label> graticule_labels(const View& view, const Graticule& g, double bottom_px) {
  std::vector<Label> out;
  TextStyle st{10.5f * view.ui_scale, false, {0.25f, 0.32f, 0.40f, 1}, {1, 1, 1, 0.7f}};
  const Shapes& lines = g.geometry.levels.front();
  for (size_t l = 0; l < g.lines.size(); ++l) {
    LonLat first = lines.line_points[lines.line_starts[l]];
    LonLat last = lines.line_points[lines.line_starts[l + 1] - 1];
    bool meridian = first.lon == last.lon;
    // Meridians are labelled where they cross the bottom edge, parallels where they cross the left edge.
    const std::vector<XY>& line = g.lines[l];
    for (size_t i = 0; i + 1 < line.size(); ++i) {
      XY a = view.to_pixel(line[i]), b = view.to_pixel(line[i + 1]);
      double edge = meridian ? bottom_px - 4.0 * view.ui_scale : 4.0 * view.ui_scale;
      double av = meridian ? a.y : a.x, bv = meridian ? b.y : b.x;
      if (!std::isfinite(av) || !std::isfinite(bv) || (av - edge) * (bv - edge) > 0 || av == bv) continue;
      double f = (edge - av) / (bv - av);
      double cross = meridian ? a.x + (b.x - a.x) * f : a.y + (b.y - a.y) * f;
      Label lab;
      lab.style = st;
      lab.text = meridian ? degree_label(first.lon, 'E', 'W') : degree_label(first.lat, 'N', 'S');
      if (meridian) {
        if (cross < 30 * view.ui_scale || cross > view.width_px - 30 * view.ui_scale) break;
        lab.world = {cross + 3 * view.ui_scale, bottom_px - 6.0 * view.ui_scale};
      } else {
        if (cross < 60 * view.ui_scale || cross > view.height_px - 60 * view.ui_scale) break;
        lab.world = {6.0 * view.ui_scale, cross - 3 * view.ui_scale};
      }
      out.push_back(lab);
      break;
    }
  }
  return out;
}

}  // namespace chronoatlas::render
