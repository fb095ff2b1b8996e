#include "image_compare.h"

#include <algorithm>
#include <cstdlib>

#include <png.h>

#include "pixel_diff.h"
#include "png_read.h"

using chronoatlas::render::Image;

ImageDiff compare_images(const Image& actual, const Image& expected, const ImageTolerance& tolerance) {
  ImageDiff d;
  d.same_size = actual.width == expected.width && actual.height == expected.height;
  if (!d.same_size) return d;
  const PixelDiff p = pixel_diff(actual, expected, tolerance.channel, {0, 0, -1, -1}, &d.picture);
  d.differing = p.differing, d.total = p.total, d.worst = p.worst;
  return d;
}

Image read_image(const std::string& path) {
  Png png = read_png(path);
  return Image{png.width, png.height, std::move(png.rgba)};
}

bool write_png(const Image& img, const std::string& path) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(img.width);
  image.height = static_cast<png_uint_32>(img.height);
  image.format = PNG_FORMAT_RGBA;
  return png_image_write_to_file(&image, path.c_str(), 0, img.rgba.data(), 0, nullptr) != 0;
}
