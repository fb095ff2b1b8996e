#include "render/colour_check.h"

#include <array>
#include <cmath>

namespace chronoatlas::render {
namespace {

using Matrix = std::array<std::array<double, 3>, 3>;

// Machado et al. 2009, table 1 at severity 1.0, applied to linear sRGB.
const Matrix kSimulations[] = {
    {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
    {{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
    {{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
    {{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}},
};
const char* const kVisionNames[] = {"", "protanopia (red-blind)", "deuteranopia (green-blind, the commonest)",
                                    "tritanopia (blue-blind)"};

// Below this CIE76 distance two flat swatches are hard to tell apart at legend size; above it they are not.
constexpr double kAlike = 25;

double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

std::array<double, 3> lab_of_linear(const std::array<double, 3>& rgb) {
  const double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
  const double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  const double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
  auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
  return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

std::array<double, 3> seen(const Rgba& c, int vision) {
  const std::array<double, 3> in = {linear(c.r), linear(c.g), linear(c.b)};
  std::array<double, 3> out{};
  for (size_t i = 0; i < 3; ++i) {
    for (size_t j = 0; j < 3; ++j) out[i] += kSimulations[vision][i][j] * in[j];
    out[i] = std::fmin(1.0, std::fmax(0.0, out[i]));
  }
  return lab_of_linear(out);
}

}  // namespace

Rgba legend_colour(const LegendEntry& e) { return e.kind == SwatchKind::Line ? e.stroke : e.fill; }

double seen_distance(const Rgba& a, const Rgba& b, int vision) {
  const auto la = seen(a, vision), lb = seen(b, vision);
  return std::sqrt((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) + (la[2] - lb[2]) * (la[2] - lb[2]));
}

std::vector<std::string> colour_vision_warnings(const std::vector<LegendEntry>& legend) {
  std::vector<std::string> out;
  for (size_t i = 0; i < legend.size(); ++i)
    for (size_t j = i + 1; j < legend.size(); ++j) {
      const Rgba a = legend_colour(legend[i]), b = legend_colour(legend[j]);
      if (a.a <= 0 || b.a <= 0 || seen_distance(a, b, 0) < kAlike) continue;  // alike for everyone: not this check's
      for (int vision = 1; vision <= 3; ++vision)
        if (seen_distance(a, b, vision) < kAlike) {
          out.push_back("legend: \"" + legend[i].text + "\" and \"" + legend[j].text + "\" look alike with " +
                        kVisionNames[vision] +
                        "; the Okabe-Ito palette keeps them apart (#E69F00 orange, #56B4E9 sky blue, #009E73 green, "
                        "#0072B2 blue, #D55E00 vermilion, #CC79A7 purple)");
          break;
        }
    }
  return out;
}

}  // namespace chronoatlas::render
