#pragma once
// A folder of one's own for a test: made unique by mkdtemp (two checkouts or two runs never share one), removed with
// everything in it when the test ends.
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "chronoatlas-test") {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) std::abort();  // no temporary folder: nothing a test could do would mean anything
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// This test program's own scratch folder, with a trailing '/': made unique once (mkdtemp), removed when the program
// ends. Fixed names under it cannot collide with another checkout's run.
inline const std::string& scratch_dir() {
  static const TempDir dir("chronoatlas-tests");
  static const std::string with_slash = dir.path() + "/";
  return with_slash;
}
