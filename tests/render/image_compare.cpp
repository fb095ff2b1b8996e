#include "image_compare.h"

#include <algorithm>
#include <cstdlib>

#include <png.h>

using chronoatlas::render::Image;

ImageDiff compare_images(const Image& actual, const Image& expected, const ImageTolerance& tolerance) {
  ImageDiff d;
  d.same_size = actual.width == expected.width && actual.height == expected.height;
  if (!d.same_size) return d;
  d.total = static_cast<size_t>(actual.width) * actual.height;
  d.picture = actual;
  for (size_t i = 0; i < actual.rgba.size(); i += 4) {
    int worst = 0;
    for (int k = 0; k < 4; ++k) worst = std::max(worst, std::abs(actual.rgba[i + k] - expected.rgba[i + k]));
    d.worst = std::max(d.worst, worst);
    uint8_t* p = &d.picture.rgba[i];
    if (worst > tolerance.channel) {
      ++d.differing;
      p[0] = 255, p[1] = 0, p[2] = 0, p[3] = 255;
    } else {
      for (int k = 0; k < 3; ++k) p[k] = static_cast<uint8_t>(200 + p[k] / 5);
      p[3] = 255;
    }
  }
  return d;
}

Image read_png(const std::string& path) {
  Image img;
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path.c_str())) return img;
  image.format = PNG_FORMAT_RGBA;
  img.width = static_cast<int>(image.width);
  img.height = static_cast<int>(image.height);
  img.rgba.resize(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, img.rgba.data(), 0, nullptr)) return Image{};
  return img;
}

bool write_png(const Image& img, const std::string& path) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(img.width);
  image.height = static_cast<png_uint_32>(img.height);
  image.format = PNG_FORMAT_RGBA;
  return png_image_write_to_file(&image, path.c_str(), 0, img.rgba.data(), 0, nullptr) != 0;
}
