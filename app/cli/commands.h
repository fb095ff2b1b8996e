#pragma once
// The subcommands. Each takes the arguments after its name and returns the process exit code.
#include <string>
#include <vector>

namespace chronoatlas::cli {

int run_info(const std::vector<std::string>& args);
int run_render(const std::vector<std::string>& args);

}  // namespace chronoatlas::cli
