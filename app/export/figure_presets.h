#pragma once
// The sizes graphics desks publish at, each with the scale its type needs to stay legible where it is read (a phone,
// a column of print), shared by the render command (--preset) and the Export panel.
#include <string>
#include <vector>

namespace chronoatlas::exporting {

struct FigurePreset {
  std::string id;     // for --preset
  std::string name;   // for menus
  int width_px = 0, height_px = 0;
  float scale = 1;    // lines, symbols and text
  int dpi = 0;        // the print resolution the files state; 0: a screen figure
};

const std::vector<FigurePreset>& figure_presets();
// The preset called ID, or null.
const FigurePreset* find_preset(const std::string& id);

}  // namespace chronoatlas::exporting
