#pragma once
// Ctrl+C and SIGTERM during a long render: every long step (reading, preparing, fetching, drawing frames) polls one
// process-wide stop (base/progress.h), the run ends with exit 1 and says how far it got, and no output is left
// half written.

namespace chronoatlas::exporting {

// From now on, the first SIGINT or SIGTERM asks the render to stop; a second one ends the process as usual.
void stop_on_signals();

// True once a stop was asked for.
bool stop_requested();

}  // namespace chronoatlas::exporting
