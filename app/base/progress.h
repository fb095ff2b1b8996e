#pragma once
// How far a long job on a worker thread has got, and a request to stop it, shared with the thread that shows it.
#include <atomic>

namespace chronoatlas {

struct Progress {
  std::atomic<float> fraction{-1};  // 0..1; negative while unknown (GDAL opening a file gives no progress)
  std::atomic<bool> cancelled{false};
};

}  // namespace chronoatlas
