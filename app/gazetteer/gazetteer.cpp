#include "gazetteer/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "gazetteer/gazetteer_format.h"
#include "model/name_folding.h"

namespace chronoatlas::gazetteer {

struct Gazetteer::Mapping {
  const char* bytes = nullptr;
  size_t size = 0;
  Header header{};
  const char* places = nullptr;
  const char* keys = nullptr;
  const char* pool = nullptr;
  ~Mapping() {
    if (bytes) munmap(const_cast<char*>(bytes), size);
  }
  // Records are copied out rather than cast in place: the file promises no alignment.
  PlaceRecord place(uint32_t i) const {
    PlaceRecord r;
    std::memcpy(&r, places + size_t{i} * sizeof r, sizeof r);
    return r;
  }
  KeyRecord key(uint32_t i) const {
    KeyRecord r;
    std::memcpy(&r, keys + size_t{i} * sizeof r, sizeof r);
    return r;
  }
  // Offsets were checked at open: every one is inside the pool, which ends with a NUL.
  std::string_view text(uint32_t offset) const { return pool + offset; }
};

namespace {

double degrees(int32_t e6) { return e6 / 1e6; }

Error refused(const std::string& path, const std::string& why) {
  return Error{path + ": not a usable gazetteer (" + why + "); rebuild it with `cmake --build build`"};
}

}  // namespace

const char* kind_name(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::City: return "city";
    case PlaceKind::Region: return "region";
    case PlaceKind::Country: return "country";
    case PlaceKind::Other: break;
  }
  return "other";
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return Error{path + ": cannot open the gazetteer (" + std::strerror(errno) + ")"};
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return refused(path, "not a regular file");
  }
  auto m = std::make_unique<Mapping>();
  m->size = static_cast<size_t>(st.st_size);
  if (m->size < sizeof(Header)) {
    ::close(fd);
    return refused(path, "too short for its header");
  }
  void* bytes = mmap(nullptr, m->size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (bytes == MAP_FAILED) return Error{path + ": cannot map the gazetteer (" + std::strerror(errno) + ")"};
  m->bytes = static_cast<const char*>(bytes);
  std::memcpy(&m->header, m->bytes, sizeof(Header));
  const Header& h = m->header;
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return refused(path, "no gazetteer header");
  if (h.version != kFormatVersion) return refused(path, "format " + std::to_string(h.version) + ", this build reads " +
                                                            std::to_string(kFormatVersion));
  const uint64_t need = sizeof(Header) + uint64_t{h.place_count} * sizeof(PlaceRecord) +
                        uint64_t{h.key_count} * sizeof(KeyRecord) + h.pool_bytes;
  if (h.file_bytes != m->size || need != m->size)
    return refused(path, "cut short or padded: " + std::to_string(m->size) + " bytes, its header says " +
                             std::to_string(h.file_bytes));
  m->places = m->bytes + sizeof(Header);
  m->keys = m->places + size_t{h.place_count} * sizeof(PlaceRecord);
  m->pool = m->keys + size_t{h.key_count} * sizeof(KeyRecord);
  if (h.pool_bytes == 0 || m->pool[h.pool_bytes - 1] != '\0') return refused(path, "its names are not terminated");
  // Every offset and index lies inside the file: checked once here, so no search reads past its end.
  for (uint32_t i = 0; i < h.place_count; ++i) {
    const PlaceRecord r = m->place(i);
    if (r.name >= h.pool_bytes || r.area >= h.pool_bytes || r.source >= h.pool_bytes || r.kind > 3)
      return refused(path, "place " + std::to_string(i) + " points outside the file");
  }
  for (uint32_t i = 0; i < h.key_count; ++i) {
    const KeyRecord k = m->key(i);
    if (k.folded >= h.pool_bytes || k.shown >= h.pool_bytes || k.place >= h.place_count)
      return refused(path, "name " + std::to_string(i) + " points outside the file");
  }
  return std::unique_ptr<Gazetteer>(new Gazetteer(std::move(m)));
}

Gazetteer::Gazetteer(std::unique_ptr<Mapping> mapping) : map_(std::move(mapping)) {}
Gazetteer::~Gazetteer() = default;

size_t Gazetteer::size() const { return map_->header.place_count; }

Place Gazetteer::place(uint32_t index) const {
  const PlaceRecord r = map_->place(index);
  Place p;
  p.name = map_->text(r.name);
  p.area = map_->text(r.area);
  p.source = map_->text(r.source);
  if (r.country[0] != ' ') p.country = std::string(r.country, 2);
  p.point = {degrees(r.lon_e6), degrees(r.lat_e6)};
  p.extent = {degrees(r.west_e6), degrees(r.south_e6), degrees(r.east_e6), degrees(r.north_e6)};
  p.population = r.population;
  p.kind = static_cast<PlaceKind>(r.kind);
  p.approximate = r.approximate != 0;
  return p;
}

std::optional<uint32_t> Gazetteer::nearest_town(LonLat point) const {
  std::optional<uint32_t> best;
  double best_d = 0;
  const double k = std::cos(point.lat * M_PI / 180);  // a degree of longitude, in degrees of latitude, here
  for (uint32_t i = 0; i < map_->header.place_count; ++i) {
    const PlaceRecord r = map_->place(i);
    if (r.kind != static_cast<uint8_t>(PlaceKind::City)) continue;
    double dlon = std::fabs(degrees(r.lon_e6) - point.lon);
    if (dlon > 180) dlon = 360 - dlon;
    const double dlat = degrees(r.lat_e6) - point.lat, d = dlon * dlon * k * k + dlat * dlat;
    if (!best || d < best_d) best = i, best_d = d;
  }
  return best;
}

std::string Gazetteer::describe(const Place& place) {
  return place.area.empty() ? place.name : place.name + " — " + place.area;
}

std::vector<Hit> Gazetteer::search(std::string_view query, const SearchOptions& options) const {
  return ranked(model::fold_for_search(std::string(query)), false, options);
}

std::vector<Hit> Gazetteer::lookup(std::string_view name, const SearchOptions& options) const {
  return ranked(model::fold_for_search(std::string(name)), true, options);
}

std::vector<Hit> Gazetteer::ranked(std::string_view folded, bool whole_names_only, const SearchOptions& options) const {
  // Trailing spaces are still being typed: "new " is the prefix "new".
  while (!folded.empty() && folded.back() == ' ') folded.remove_suffix(1);
  if (folded.empty() || options.max_hits == 0) return {};
  const Mapping& m = *map_;
  uint32_t lo = 0, hi = m.header.key_count;
  while (lo < hi) {  // the first key not below FOLDED
    const uint32_t mid = lo + (hi - lo) / 2;
    if (m.text(m.key(mid).folded) < folded) lo = mid + 1; else hi = mid;
  }
  struct Candidate {
    double score;
    Hit hit;
  };
  std::unordered_map<uint32_t, Candidate> best;  // one hit per place: its best-scoring name
  for (uint32_t i = lo; i < m.header.key_count; ++i) {
    const KeyRecord k = m.key(i);
    const std::string_view key = m.text(k.folded);
    if (key.substr(0, folded.size()) != folded) break;
    const bool exact = key.size() == folded.size();
    if (whole_names_only && !exact) break;  // keys sort a name before its longer extensions
    const PlaceRecord r = m.place(k.place);
    // A whole name outranks a beginning; people name big places more often, so population orders the rest. A
    // country named in full outranks a town of that name (Georgia the country, not Georgia, Vermont); a region
    // yields to its own city (Moscow the city, not the federal city Moskva around it, whose towns' sum is larger).
    // The hinted country (where the story's other places are) outranks all of that.
    double score = std::log10(static_cast<double>(r.population) + 10) + (exact ? 2.0 : 0.0);
    if (exact && r.kind == static_cast<uint8_t>(PlaceKind::Country)) score += 2;
    if (r.kind == static_cast<uint8_t>(PlaceKind::Region)) score -= 0.5;
    if (options.country_hint.size() == 2 && std::memcmp(r.country, options.country_hint.data(), 2) == 0) score += 5;
    auto [it, fresh] = best.try_emplace(k.place, Candidate{score, Hit{k.place, {}}});
    if (fresh || score > it->second.score) it->second = {score, Hit{k.place, std::string(m.text(k.shown))}};
  }
  std::vector<Candidate> all;
  all.reserve(best.size());
  for (auto& [place, c] : best) all.push_back(std::move(c));
  const size_t n = std::min(options.max_hits, all.size());
  std::partial_sort(all.begin(), all.begin() + n, all.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.hit.place < b.hit.place;
  });
  std::vector<Hit> hits;
  for (size_t i = 0; i < n; ++i) hits.push_back(std::move(all[i].hit));
  return hits;
}

}  // namespace chronoatlas::gazetteer
