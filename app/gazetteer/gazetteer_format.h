#pragma once
// The packed gazetteer's file layout, shared by the packer that writes it and the reader that maps it. Little-endian,
// fixed-size records, so the file is searched where it lies in memory: no parse, no copy.
//
//   Header | PlaceRecord[place_count] | KeyRecord[key_count] | string pool (pool_bytes, NUL-terminated strings)
//
// Keys are the places' names folded for search (model::fold_for_search), sorted bytewise, so a prefix is a range
// found by binary search. Every offset is checked against the file's size when it is opened.
#include <cstdint>

namespace chronoatlas::gazetteer {

inline constexpr char kMagic[8] = {'C', 'A', 'G', 'A', 'Z', 'E', 'T', '1'};
inline constexpr uint32_t kFormatVersion = 1;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t place_count;
  uint32_t key_count;
  uint32_t pool_bytes;
  uint64_t file_bytes;  // the whole file: a truncated one is refused
};

struct PlaceRecord {
  int32_t lon_e6, lat_e6;                          // microdegrees
  int32_t west_e6, south_e6, east_e6, north_e6;    // extent; a point for a town
  uint32_t population;                             // 0 where unknown; countries and regions: their towns' sum
  uint32_t name;                                   // pool offset: the name shown ("Moscow")
  uint32_t area;                                   // pool offset: where it is ("Idaho, United States")
  uint32_t source;                                 // pool offset: where the entry comes from, as cited
  char country[2];                                 // ISO 3166-1 alpha-2; "  " for none
  uint8_t kind;                                    // PlaceKind
  uint8_t approximate;                             // 1: the point stands for an area without an agreed outline
};

struct KeyRecord {
  uint32_t folded;  // pool offset: the name as search compares it
  uint32_t shown;   // pool offset: the name as written ("Москва")
  uint32_t place;   // index into the place records
};

static_assert(sizeof(Header) == 32 && sizeof(PlaceRecord) == 44 && sizeof(KeyRecord) == 12, "packed layout");

}  // namespace chronoatlas::gazetteer
