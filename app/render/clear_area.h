#pragma once
// Where a map's subject can go on an image with furniture on it: the rectangle clear of every furniture box in which
// a box of the subject's shape shows largest. Framing a story there keeps its focus out from under the title, the
// date, the legend and the sources band, whatever their sizes at this image size and UI scale.
#include <functional>
#include <vector>

#include "render/map_view.h"

namespace chronoatlas::render {

// The rectangle of a WIDTH x HEIGHT image overlapping none of TAKEN in which a box of ASPECT (its width over its
// height) fits largest; the whole image when TAKEN is empty or covers it all.
PixelBox clear_area(const std::vector<PixelBox>& taken, float width, float height, double aspect);

// The furniture's boxes as a view draws them (the legend, the bands and the scale bar depend on the view).
using FurnitureBoxes = std::function<std::vector<PixelBox>(const MapView&)>;

// Fits BOX (degrees) into VIEW, MARGIN a fraction on each side, inside the clear area of the furniture FURNITURE
// lays out for the view that shows BOX on the whole image. The one framing rule of the screen's R, Fit and search.
void fit_clear_of_furniture(MapView& view, const BoundsLonLat& box, double margin, const FurnitureBoxes& furniture);

}  // namespace chronoatlas::render
