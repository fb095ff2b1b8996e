#pragma once
// Runs the chronoatlas executable as a user would and captures what it says.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "temp_dir.h"

struct CommandResult {
  int exit_code;
  std::string out, err;
};

inline std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// ENV is prepended as NAME=value pairs.
inline CommandResult run_chronoatlas(const std::string& args, const std::string& env = "") {
  // Named per process: ctest -j runs test processes side by side in the same temporary folder.
  const std::string tag = std::to_string(getpid());
  const std::string out = scratch_dir() + "cli_out-" + tag + ".txt", err = scratch_dir() + "cli_err-" + tag + ".txt";
  std::string cmd = "env -u DISPLAY -u WAYLAND_DISPLAY " + env + " " + std::string(CHRONOATLAS_EXE) + " " + args + " >" + out +
                    " 2>" + err + " </dev/null";
  int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_all(out), read_all(err)};
}

// An empty folder of this name under the test temporary folder.
inline std::string fresh_dir(const std::string& name) {
  std::filesystem::path d = std::filesystem::path(scratch_dir()) / name;
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d.string();
}

inline std::string data(const std::string& name) { return std::string(TEST_DATA_DIR) + "/" + name; }

// Output of another command-line tool (gdalinfo, ...).
inline std::string run_chronoatlas_tool(const std::string& command) {
  const std::string out = scratch_dir() + "tool_out-" + std::to_string(getpid()) + ".txt";
  std::system((command + " >" + out + " 2>&1").c_str());
  return read_all(out);
}
