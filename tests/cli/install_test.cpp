// The installed program: `cmake --install` gives bin/chronoatlas that runs from any folder and finds its data
// relative to itself, with no path of the source tree in it.
#include <filesystem>

#include <gtest/gtest.h>

#include "run_command.h"

namespace fs = std::filesystem;

TEST(Install, InstalledBinaryRendersFromTheRootFolder) {
  const std::string prefix = fresh_dir("install_prefix");
  std::string log = run_chronoatlas_tool(std::string(CMAKE_COMMAND) + " --install " + BUILD_DIR + " --prefix " + prefix);
  const std::string exe = prefix + "/bin/chronoatlas";
  ASSERT_TRUE(fs::exists(exe)) << log;
  ASSERT_TRUE(fs::exists(prefix + "/share/chronoatlas/karabakh-2023/scenario.json")) << log;
  const std::string out = prefix + "/from-root.png";
  std::string said = run_chronoatlas_tool("cd / && env -u DISPLAY -u WAYLAND_DISPLAY -u CHRONOATLAS_DATA_DIR " + exe +
                                          " render --size 320x180 --out " + out + " && echo EXIT-OK");
  EXPECT_NE(said.find("EXIT-OK"), std::string::npos) << said;
  EXPECT_TRUE(fs::exists(out)) << said;
}

TEST(Install, NoSourceTreePathInTheProgramsData) {
  // Debug information may name source files; the data the program reads at run time must not.
  const std::string rodata = fresh_dir("install_rodata") + "/rodata.bin";
  run_chronoatlas_tool("objcopy -O binary --only-section=.rodata " + std::string(CHRONOATLAS_EXE) + " " + rodata);
  ASSERT_TRUE(fs::exists(rodata));
  std::string text = read_all(rodata);
  ASSERT_GT(text.size(), 1000u);
  EXPECT_EQ(text.find(fs::path(GEODATA_DIR).parent_path().string()), std::string::npos);
}
