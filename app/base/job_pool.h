#pragma once
// One small pool of worker threads for all background work (reading files, preparing and projecting layers, fetching
// from databases), sized to the cores. Work the user is waiting on runs before work that can wait; a job cancelled
// before it starts never runs; a thread waiting for a job runs queued ones meanwhile, so a job may wait for jobs it
// submitted without starving the pool.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

namespace chronoatlas {

enum class Priority {
  Interactive,  // what the user is waiting to see: the files of the window's story, a layer just added
  Background,   // what can wait: refetching a database layer, preparing what is off screen
};

class JobPool {
 public:
  // The pool all of the app shares: one worker a core, at least two.
  static JobPool& shared();
  explicit JobPool(unsigned workers);
  ~JobPool();
  JobPool(const JobPool&) = delete;
  JobPool& operator=(const JobPool&) = delete;

  // Queues TASK; it runs on a worker, or on a thread waiting for some job of this pool.
  void post(Priority priority, std::function<void()> task);
  // Runs one queued task on the calling thread; false when the queue was empty.
  bool run_one();
  // Blocks until DONE() holds, running queued tasks meanwhile. NOTIFY must be called by whoever makes DONE() true.
  void wait_until(const std::function<bool()>& done);
  // Wakes threads blocked in wait_until to test their conditions again.
  void notify();
  unsigned workers() const { return static_cast<unsigned>(threads_.size()); }

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queues_[2];  // by Priority
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// The result of a job on the pool: ready() polls, get() waits (running other jobs meanwhile), cancel() stops a job
// that has not started and tells one that has, through cancelled().
template <class T>
class Job {
 public:
  Job() = default;
  bool valid() const { return state_ != nullptr; }
  bool ready() const { return state_ && state_->done.load(); }
  void cancel() {
    if (state_) state_->cancelled = true;
  }
  bool cancelled() const { return state_ && state_->cancelled.load(); }
  // The job's value; a job cancelled before it ran has none (nullopt). Rethrows what the job threw.
  std::optional<T> get() {
    State& s = *state_;
    s.pool->wait_until([&s] { return s.done.load(); });
    if (s.error) std::rethrow_exception(s.error);
    return std::move(s.value);
  }

  template <class F>
  static Job start(JobPool& pool, Priority priority, F task) {
    Job job;
    job.state_ = std::make_shared<State>();
    job.state_->pool = &pool;
    pool.post(priority, [state = job.state_, task = std::move(task)]() mutable {
      if (!state->cancelled) {
        try {
          state->value.emplace(task());
        } catch (...) {
          state->error = std::current_exception();
        }
      }
      state->done = true;
      state->pool->notify();
    });
    return job;
  }

 private:
  struct State {
    JobPool* pool = nullptr;
    std::atomic<bool> done{false}, cancelled{false};
    std::optional<T> value;
    std::exception_ptr error;
  };
  std::shared_ptr<State> state_;
};

// Starts TASK (a callable returning a value) on the shared pool.
template <class F>
auto start_job(Priority priority, F task) -> Job<std::invoke_result_t<F>> {
  return Job<std::invoke_result_t<F>>::start(JobPool::shared(), priority, std::move(task));
}

}  // namespace chronoatlas
