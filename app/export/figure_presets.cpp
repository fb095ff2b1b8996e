#include "export/figure_presets.h"

#include <cmath>

namespace chronoatlas::exporting {
namespace {

// Pixels across MM millimetres at 300 dpi.
int at_300_dpi(double mm) { return static_cast<int>(std::lround(mm / 25.4 * 300)); }

// Print type at 300 dpi: 2.2 times a screen's pixels sets body text at about 6.5 pt, the sources at 6 and the title
// at 14, a newspaper locator's sizes (300/96, a screen's own size, left a one-column map half sources).
constexpr float kPrintScale = 2.2f;

}  // namespace

const std::vector<FigurePreset>& figure_presets() {
  static const std::vector<FigurePreset> presets = {
      {"web-600", "Web, 600 px column, 2x", 1200, 800, 2, 0},
      {"web-1200", "Web, 1200 px wide, 2x", 2400, 1600, 2, 0},
      // Read on a phone: twice the type of a 1x figure; three times left the map a third sources line.
      {"social", "Social, 1080 x 1350 (4:5)", 1080, 1350, 2, 0},
      {"video", "Video, 1920 x 1080", 1920, 1080, 1.5f, 0},
      {"print-1col", "Print, one column 85 x 60 mm, 300 dpi", at_300_dpi(85), at_300_dpi(60), kPrintScale, 300},
      {"print-2col", "Print, two columns 175 x 110 mm, 300 dpi", at_300_dpi(175), at_300_dpi(110), kPrintScale, 300},
      {"a4", "A4 landscape 297 x 210 mm, 300 dpi", at_300_dpi(297), at_300_dpi(210), kPrintScale, 300},
      {"a3", "A3 landscape 420 x 297 mm, 300 dpi", at_300_dpi(420), at_300_dpi(297), kPrintScale, 300},
  };
  return presets;
}

const FigurePreset* find_preset(const std::string& id) {
  for (const FigurePreset& p : figure_presets())
    if (p.id == id) return &p;
  return nullptr;
}

}  // namespace chronoatlas::exporting
