#pragma once
// Colours as 0..1 floats of sRGB values, as written in "#rrggbb" (nothing is converted to linear light), with
// straight (not premultiplied) alpha.
#include <optional>
#include <string>

namespace chronoatlas {

struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;
  bool operator==(const Rgba&) const = default;
};

// Parses "#rrggbb" or "#rrggbbaa"; nothing for anything else.
std::optional<Rgba> parse_colour(const std::string& text);
// "#rrggbbaa".
std::string format_colour(Rgba c);
// C rounded to what "#rrggbbaa" holds: colours a user picks are kept at the precision they are saved at.
Rgba byte_colour(Rgba c);

}  // namespace chronoatlas
