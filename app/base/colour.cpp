#include "base/colour.h"

#include <cctype>
#include <cstdio>

namespace chronoatlas {

std::optional<Rgba> parse_colour(const std::string& text) {
  unsigned v[4] = {0, 0, 0, 255};
  if (text.size() != 7 && text.size() != 9) return std::nullopt;
  if (text[0] != '#') return std::nullopt;
  for (size_t i = 1; i < text.size(); ++i)
    if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  int n = static_cast<int>(text.size() - 1) / 2;
  for (int i = 0; i < n; ++i) std::sscanf(text.c_str() + 1 + 2 * i, "%2x", &v[i]);
  return Rgba{v[0] / 255.f, v[1] / 255.f, v[2] / 255.f, v[3] / 255.f};
}

namespace {

unsigned to_byte(float f) { return static_cast<unsigned>(f < 0 ? 0 : f > 1 ? 255 : f * 255 + 0.5f); }

}  // namespace

Rgba byte_colour(Rgba c) {
  auto b = [](float f) { return static_cast<float>(to_byte(f)) / 255.f; };
  return {b(c.r), b(c.g), b(c.b), b(c.a)};
}

std::string format_colour(Rgba c) {
  auto b = to_byte;
  char buf[10];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", b(c.r), b(c.g), b(c.b), b(c.a));
  return buf;
}

}  // namespace chronoatlas
