#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "base/job_pool.h"

using namespace chronoatlas;

TEST(JobPool, AJobWaitingForJobsItStartedDoesNotStarveTheBoundedPool) {
  JobPool pool(2);
  // Four outer jobs on two workers, each waiting for four inner ones: without waiters helping, this deadlocks.
  std::vector<Job<int>> outer;
  for (int i = 0; i < 4; ++i)
    outer.push_back(Job<int>::start(pool, Priority::Interactive, [&pool, i] {
      std::vector<Job<int>> inner;
      for (int k = 0; k < 4; ++k) inner.push_back(Job<int>::start(pool, Priority::Interactive, [i, k] { return i * 10 + k; }));
      int sum = 0;
      for (auto& j : inner) sum += *j.get();
      return sum;
    }));
  int total = 0;
  for (auto& j : outer) total += *j.get();
  EXPECT_EQ(total, (0 + 10 + 20 + 30) * 4 + 4 * (0 + 1 + 2 + 3));
}

TEST(JobPool, InteractiveWorkRunsBeforeBackgroundWorkAndACancelledJobNeverRuns) {
  JobPool pool(1);
  std::atomic<bool> release{false};
  auto blocker = Job<int>::start(pool, Priority::Interactive, [&] {
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return 0;
  });
  std::vector<int> order;
  std::mutex m;
  auto note = [&](int v) {
    std::lock_guard lock(m);
    order.push_back(v);
    return v;
  };
  auto later = Job<int>::start(pool, Priority::Background, [&] { return note(2); });
  auto cancelled = Job<int>::start(pool, Priority::Background, [&] { return note(3); });
  auto first = Job<int>::start(pool, Priority::Interactive, [&] { return note(1); });
  cancelled.cancel();
  release = true;
  EXPECT_EQ(*later.get(), 2);
  EXPECT_EQ(*first.get(), 1);
  EXPECT_FALSE(cancelled.get().has_value());
  EXPECT_EQ(order, (std::vector<int>{1, 2}));
  EXPECT_TRUE(cancelled.cancelled());
}
