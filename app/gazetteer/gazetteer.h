#pragma once
// The offline gazetteer: the world's populated places (GeoNames), countries and territories in every language (Unicode
// CLDR), admin-1 units (Natural Earth) and the story regions no gazetteer has, packed at build time (see
// gazetteer_pack.h) and searched by prefix in any script. It finds places a reporter names that no loaded layer holds.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/geometry_types.h"
#include "base/result.h"

namespace chronoatlas::gazetteer {

enum class PlaceKind : uint8_t { City = 0, Region = 1, Country = 2, Other = 3 };
// "city", "region", "country", "other".
const char* kind_name(PlaceKind kind);

struct Place {
  std::string name;       // as shown: "Moscow"
  std::string area;       // "Idaho, United States"; "" for a country
  std::string country;    // ISO 3166-1 alpha-2, "" for none
  std::string source;     // where the entry comes from, as cited ("GeoNames cities500 (CC BY 4.0), id 524901")
  LonLat point;
  BoundsLonLat extent;    // the point itself for a town
  uint32_t population;    // 0 where unknown
  PlaceKind kind;
  bool approximate;       // the point stands for an area without an agreed outline: draw it as approximate
};

struct Hit {
  uint32_t place;         // for Gazetteer::place()
  std::string matched;    // the name that matched, as written ("Mosca")
};

struct SearchOptions {
  std::string country_hint;  // ISO alpha-2: places there rank first (the story's other places' country)
  size_t max_hits = 10;
};

class Gazetteer {
 public:
  // Maps the packed file at PATH. A file that is not one, of another version, or cut short is refused with a message
  // naming PATH; nothing is read past its end.
  static Result<std::unique_ptr<Gazetteer>> open(const std::string& path);
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Places with a name that starts with QUERY (folded as place search folds it: case, optional marks), one hit per
  // place: whole-name matches first, then by population, places in the hinted country raised. Empty for "".
  std::vector<Hit> search(std::string_view query, const SearchOptions& options = {}) const;
  // Places named exactly NAME (folded), best first, as search ranks them.
  std::vector<Hit> lookup(std::string_view name, const SearchOptions& options = {}) const;
  Place place(uint32_t index) const;
  // The town nearest POINT (a linear pass, about a millisecond), or nothing in an empty gazetteer: where a view or a
  // story is, as a country to hint searches with.
  std::optional<uint32_t> nearest_town(LonLat point) const;
  size_t size() const;
  // "Moscow — Idaho, United States": what a list of hits shows to tell places apart.
  static std::string describe(const Place& place);

 private:
  struct Mapping;
  explicit Gazetteer(std::unique_ptr<Mapping> mapping);
  std::vector<Hit> ranked(std::string_view folded, bool whole_names_only, const SearchOptions& options) const;
  std::unique_ptr<Mapping> map_;
};

}  // namespace chronoatlas::gazetteer
