#pragma once
// What a folder holds, for the app's file browser: subfolders, then the files a filter keeps.
#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace chronoatlas::platform {

struct FolderEntry {
  std::string name;
  bool folder = false;
  std::uintmax_t bytes = 0;  // files only
};

// The entries of PATH: subfolders first, then files whose name ends in ".EXT" for one of EXTENSIONS (lower case; any
// case matches; all files when EXTENSIONS is empty), each group sorted by name ignoring case. Hidden entries (a
// leading dot) are left out. An unreadable or missing folder is an error naming it.
Result<std::vector<FolderEntry>> list_folder(const std::string& path, const std::vector<std::string>& extensions);

}  // namespace chronoatlas::platform
