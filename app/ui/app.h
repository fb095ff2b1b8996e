#pragma once
#include <string>
#include <vector>

namespace chronoatlas::ui {

// Opens the app on a scenario plus extra layer paths (ARGS: [--scenario DIR] [PATH...]). With no display it renders
// the default view to a PNG instead and prints where. Returns the exit code.
int run_app(const std::vector<std::string>& args);

}  // namespace chronoatlas::ui
