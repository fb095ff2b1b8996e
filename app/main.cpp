// Picks the subcommand; nothing else.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "build_config.h"
#include "cli/commands.h"
#include "ui/app.h"

namespace {

const char* kUsage = R"(Usage: chronoatlas [--scenario DIR|none] [PATH...] open the app (bundled scenario plus these layers;
                                                      with "none", these layers alone)
       chronoatlas info PATH [--json]                 describe a vector file's layers
       chronoatlas render [options] --out FILE.png    draw offscreen to PNG + world file (render --help)
       chronoatlas --version | --help
With no display, 'chronoatlas' renders the default view to a PNG and prints its path.
)";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty()) {
    const std::string& first = args.front();
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (first == "info") return chronoatlas::cli::run_info(rest);
    if (first == "render") return chronoatlas::cli::run_render(rest);
    if (first == "--version") return std::printf("chronoatlas %s\n", CHRONOATLAS_VERSION), 0;
    if (first == "--help" || first == "-h") return std::fputs(kUsage, stdout), 0;
  }
  return chronoatlas::ui::run_app(args);
}
