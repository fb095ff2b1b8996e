#pragma once
// Reference-image comparison for render tests, as MapLibre's render tests do it: a pixel differs when any channel is
// off by more than a few levels; a case fails when more than a small share of pixels differ.
#include <string>

#include "render/image.h"

struct ImageTolerance {
  int channel = 2;            // levels out of 255
  double max_share = 0.001;   // of all pixels
};

struct ImageDiff {
  bool same_size = false;
  size_t differing = 0;       // pixels beyond the channel tolerance
  size_t total = 0;
  int worst = 0;              // largest channel difference seen
  chronoatlas::render::Image picture;  // differing pixels red over a faded copy of ACTUAL
  bool passes(const ImageTolerance& t) const {
    return same_size && static_cast<double>(differing) <= t.max_share * static_cast<double>(total);
  }
};

ImageDiff compare_images(const chronoatlas::render::Image& actual, const chronoatlas::render::Image& expected,
                         const ImageTolerance& tolerance);

// The PNG at PATH (through the tests' one PNG reader), empty when it cannot be read.
chronoatlas::render::Image read_image(const std::string& path);
bool write_png(const chronoatlas::render::Image& image, const std::string& path);
