#pragma once
// Whole processes for the benchmark: what a user waits for is start to exit, not the warm inner loop.
#include <string>
#include <vector>

namespace chronoatlas::bench {

struct ProcessRun {
  double wall_ms = -1;  // start to exit
  long peak_mb = 0;     // the child's peak resident memory
  int exit_code = -1;
};

// Runs ARGV (argv[0] a path) with ENV added to this process's environment ("NAME=value"), output discarded.
ProcessRun run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env);

}  // namespace chronoatlas::bench
