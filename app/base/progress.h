#pragma once
// How far a long job on a worker thread has got, and a request to stop it, shared with the thread that shows it.
#include <atomic>

namespace chronoatlas {

// A stop for every job of the process at once: the CLI's SIGINT and SIGTERM handler sets it (a lock-free atomic, so a
// signal handler may), and every long step polls it as it polls its own job's cancel.
inline std::atomic<bool>& process_stop() {
  static std::atomic<bool> stop{false};
  return stop;
}
static_assert(std::atomic<bool>::is_always_lock_free);

struct Progress {
  std::atomic<float> fraction{-1};  // 0..1; negative while unknown (GDAL opening a file gives no progress)
  std::atomic<bool> cancelled{false};
};

// True once PROGRESS's job was cancelled or the process asked to stop; PROGRESS may be null (a job nobody follows).
inline bool stopped(const Progress* progress) {
  return process_stop().load(std::memory_order_relaxed) || (progress && progress->cancelled.load(std::memory_order_relaxed));
}

}  // namespace chronoatlas
