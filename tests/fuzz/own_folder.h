#pragma once
// A folder of this fuzz process's own (mkdtemp), made on the first call and named for its PREFIX, for the files a
// target writes and reads back (each target uses one).
#include <cstdlib>
#include <string>

inline const std::string& own_folder(const std::string& prefix) {
  static const std::string dir = [&] {
    std::string pattern = "/tmp/" + prefix + "-XXXXXX";
    if (!mkdtemp(pattern.data())) std::abort();
    return pattern;
  }();
  return dir;
}
