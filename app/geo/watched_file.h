#pragma once
// Reading a file through GDAL while the user may cancel: GDAL reads it through a handler of ours that fails every
// read once PROGRESS is cancelled, so a cancel stops GDAL within one read, even while a driver parses a large file
// as it opens it (where GDAL offers no progress callback).
#include <memory>
#include <string>

#include "base/progress.h"

namespace chronoatlas::geo {

// A path GDAL opens as PATH (a local file; sidecars beside it open through it too), watching PROGRESS for as long as
// the object lives.
class WatchedPath {
 public:
  WatchedPath(const std::string& path, Progress* progress);
  ~WatchedPath();
  WatchedPath(const WatchedPath&) = delete;
  WatchedPath& operator=(const WatchedPath&) = delete;
  const std::string& gdal_path() const { return gdal_path_; }

 private:
  unsigned long id_;
  std::string gdal_path_;
};

}  // namespace chronoatlas::geo
