#pragma once
// A check of the legend's colours as readers with a colour-vision deficiency see them: each colour simulated for
// protanopia, deuteranopia and tritanopia (Machado, Oliveira and Fernandes 2009, severity 1, in linear sRGB), and two
// entries that are told apart by normal vision but come within a small CIELAB distance in a simulation are named.
#include <string>
#include <vector>

#include "base/colour.h"
#include "render/frame.h"

namespace chronoatlas::render {

// The colour a legend row is recognised by: an area's fill, a line's stroke, a symbol's fill.
Rgba legend_colour(const LegendEntry& entry);

// CIELAB distance (CIE76) between A and B (sRGB, alpha ignored) as seen with VISION: 0 normal, 1 protanopia,
// 2 deuteranopia, 3 tritanopia.
double seen_distance(const Rgba& a, const Rgba& b, int vision);

// One message per pair of LEGEND rows that a deficiency makes look alike, naming both, the deficiency, and the
// colour-blind-safe palette (Okabe and Ito) to use instead.
std::vector<std::string> colour_vision_warnings(const std::vector<LegendEntry>& legend);

}  // namespace chronoatlas::render
