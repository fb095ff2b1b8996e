// Fuzz target: prepared-data cache entries from anyone (a damaged disk, a planted file, another version). The first
// byte picks what the rest is: 0, the key an entry is read for (two bytes of length, little-endian, then the key) and a whole
// entry file as DiskCache reads it; 1, 2, 3, the payload of a read file, a tessellated layer or a projected layer. A payload that unpacks must pack
// and unpack again to the same bytes: what is accepted is what the writer would have written.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include <unistd.h>

#include "own_folder.h"

#include "base/disk_cache.h"
#include "geo/vector_cache.h"
#include "render/geometry_cache.h"
#include "render/projected_cache.h"

namespace {

template <class Unpack, class Pack>
void round_trip(const std::string& bytes, Unpack unpack, Pack pack) {
  auto value = unpack(bytes);
  if (!value) return;
  const std::string packed = pack(*value);
  auto again = unpack(packed);
  if (!again || pack(*again) != packed) std::abort();
}

void read_entry(const std::string& rest) {
  if (rest.size() < 2) return;
  const size_t key_size = static_cast<unsigned char>(rest[0]) | static_cast<size_t>(static_cast<unsigned char>(rest[1])) << 8;
  if (rest.size() < 2 + key_size) return;
  const std::string key = rest.substr(2, key_size);
  const chronoatlas::DiskCache cache(own_folder("chronoatlas-cache-fuzz"));
  const std::string name = chronoatlas::DiskCache::entry_name("geometry", "fuzz");
  std::ofstream(cache.path_of(name), std::ios::binary | std::ios::trunc) << rest.substr(2 + key_size);
  const chronoatlas::DiskCache::Lookup found = cache.read(name, key);
  if (found.payload) (void)chronoatlas::render::unpack_geometry(*found.payload);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 4) {
    case 0: read_entry(rest); break;
    case 1: round_trip(rest, chronoatlas::geo::unpack_report, chronoatlas::geo::pack_report); break;
    case 2: round_trip(rest, chronoatlas::render::unpack_geometry, chronoatlas::render::pack_geometry); break;
    case 3: round_trip(rest, chronoatlas::render::unpack_projected, chronoatlas::render::pack_projected); break;
  }
  return 0;
}
