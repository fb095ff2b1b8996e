// Small text files (sessions, story manifests) written whole, through no planted link, the old one kept on request.
#include "base/files.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "temp_dir.h"

using namespace chronoatlas;
namespace fs = std::filesystem;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST(TextFiles, ALinkAtTheOldFixedTemporaryNameIsNotWrittenThroughAndTheOldFileBecomesTheBackup) {
  TempDir dir;
  const std::string path = dir.path() + "/session.json", target = dir.path() + "/target";
  std::ofstream(target) << "not yours";
  std::ofstream(path) << "the user's 17 MiB of settings";
  fs::create_symlink(target, path + ".tmp");  // where the session used to be written first
  ASSERT_TRUE(write_text_file(path, "{}\n", Backup::Keep));
  EXPECT_EQ(read(target), "not yours");
  EXPECT_EQ(read(path), "{}\n");
  EXPECT_EQ(read(path + ".bak"), "the user's 17 MiB of settings");
  for (const auto& e : fs::directory_iterator(dir.path()))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}
