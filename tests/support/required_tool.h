#pragma once
// A test that needs a tool from outside (Xvfb, xdotool, ffmpeg, strace, PostgreSQL): where it is missing the test is
// skipped with the reason, except under CI=true, where a missing tool fails the test by name, so a lost install step
// in .ci/setup cannot pass quietly.
#include <algorithm>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

inline bool running_in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

// The commands of the space-separated list NAMES that are not on PATH, space-separated; "" when all are there.
inline std::string missing_tools(const std::string& names) {
  std::string missing;
  size_t from = 0;
  while (from < names.size()) {
    const size_t to = std::min(names.find(' ', from), names.size());
    const std::string name = names.substr(from, to - from);
    if (!name.empty() && std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) != 0)
      missing += (missing.empty() ? "" : " ") + name;
    from = to + 1;
  }
  return missing;
}

// In a test body or SetUp(): fails (CI) or skips (elsewhere) when AVAILABLE is false, naming WHAT is missing.
#define REQUIRE_TOOL(available, what)                                                                        \
  do {                                                                                                       \
    if (!(available)) {                                                                                      \
      if (running_in_ci()) FAIL() << (what) << " is missing, and CI=true needs it: .ci/setup must install it"; \
      GTEST_SKIP() << (what) << " is not available here";                                                    \
    }                                                                                                        \
  } while (0)
