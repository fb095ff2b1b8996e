#pragma once
// Minimal argument scanning shared by the subcommands.
#include <optional>
#include <string>
#include <vector>

#include "base/geometry_types.h"
#include "base/result.h"

namespace chronoatlas::cli {

struct Args {
  std::vector<std::string> items;
  size_t at = 0;
  bool done() const { return at >= items.size(); }
  const std::string& peek() const { return items[at]; }
  // The value after an option, or an error naming the option.
  Result<std::string> value(const std::string& option);
};

Result<BoundsLonLat> parse_bbox(const std::string& text);
Result<std::pair<int, int>> parse_size(const std::string& text);

}  // namespace chronoatlas::cli
