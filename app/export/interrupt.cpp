#include "export/interrupt.h"

#include <csignal>

namespace chronoatlas::exporting {
namespace {

volatile std::sig_atomic_t g_stop = 0;

extern "C" void ask_to_stop(int signal_number) {
  g_stop = 1;
  std::signal(signal_number, SIG_DFL);
}

}  // namespace

void stop_on_signals() {
  std::signal(SIGINT, ask_to_stop);
  std::signal(SIGTERM, ask_to_stop);
}

bool stop_requested() { return g_stop != 0; }

}  // namespace chronoatlas::exporting
