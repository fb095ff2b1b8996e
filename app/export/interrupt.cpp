#include "export/interrupt.h"

#include <csignal>

#include "base/progress.h"

namespace chronoatlas::exporting {
namespace {

// The first signal asks every long step to stop at its next poll; a second one, from a user who will not wait, ends
// the process as the signal would have.
extern "C" void ask_to_stop(int signal_number) {
  if (process_stop().exchange(true)) {
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
  }
}

}  // namespace

void stop_on_signals() {
  struct sigaction action {};
  action.sa_handler = ask_to_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool stop_requested() { return process_stop().load(); }

}  // namespace chronoatlas::exporting
