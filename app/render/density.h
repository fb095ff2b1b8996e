#pragma once
// The density view of a point layer: the features live on a date counted in hexagons of the projected plane, for
// event layers too dense to read one symbol at a time.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/colour.h"
#include "base/geometry_types.h"
#include "render/view.h"

namespace chronoatlas::render {

struct HexCount {
  XY centre;  // projected units
  int count;
};

// Pointy-top hexagons of RADIUS (centre to corner, projected units) and the points counted in each.
struct HexGrid {
  double radius = 0;
  std::vector<HexCount> cells;
};

// The axial coordinates (q, r) of the hexagon of RADIUS holding P: the nearest centre wins.
std::pair<int64_t, int64_t> hexagon_of(XY p, double radius);
// The hexagon radius for VIEW: about 14 pixels (at UI scale 1), snapped to a power of two in projected units so the
// cells stay put while the view pans and change only in steps of zoom.
double hex_radius(const View& view);
// Counts points (projected) into hexagons of RADIUS laid from the plane's origin, over the cells that reach SEEN: a
// dense array of the cells in view, since a frame may count 100,000 events.
class HexCounter {
 public:
  HexCounter(double radius, const BoundsXY& seen);
  void add(XY p);
  HexGrid grid() const;  // the cells with a count

 private:
  static constexpr int64_t kMaxCells = 4'000'000;
  double radius_;
  BoundsXY seen_;
  int64_t q0_ = 0, r0_ = 0, columns_ = 0, rows_ = 0;
  std::vector<int> counts_;
};

// A class of counts and its colour on a light-to-dark sequential ramp; TO < 0 for the open top class.
struct DensityClass {
  int from, to;
  Rgba colour;
};
// The classes, fixed so one colour means one count on every date and at every place.
const std::vector<DensityClass>& density_classes();
// The index of COUNT's class (COUNT >= 1).
size_t density_class(int count);
// "1", "2–4", "100 or more".
std::string density_class_text(const DensityClass& c);

}  // namespace chronoatlas::render
