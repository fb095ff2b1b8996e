#include "base/job_pool.h"

#include <algorithm>

namespace chronoatlas {

JobPool& JobPool::shared() {
  static JobPool pool(std::max(2u, std::thread::hardware_concurrency()));
  return pool;
}

JobPool::JobPool(unsigned workers) {
  for (unsigned i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
}

JobPool::~JobPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void JobPool::post(Priority priority, std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    queues_[static_cast<int>(priority)].push_back(std::move(task));
  }
  wake_.notify_all();
}

bool JobPool::run_one() {
  std::function<void()> task;
  {
    std::lock_guard lock(mutex_);
    for (auto& queue : queues_)
      if (!queue.empty()) {
        task = std::move(queue.front());
        queue.pop_front();
        break;
      }
  }
  if (!task) return false;
  task();
  return true;
}

void JobPool::wait_until(const std::function<bool()>& done) {
  while (!done()) {
    if (run_one()) continue;
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [&] { return done() || !queues_[0].empty() || !queues_[1].empty(); });
  }
}

void JobPool::notify() {
  // Taking the lock orders this wake after a waiter's test of its condition, so none sleeps through it.
  { std::lock_guard lock(mutex_); }
  wake_.notify_all();
}

void JobPool::work() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queues_[0].empty() || !queues_[1].empty(); });
      if (stopping_) return;
    }
    run_one();
  }
}

}  // namespace chronoatlas
