#pragma once
// Ctrl+C and SIGTERM during a long render: the file being written is finished, then the run stops and says how far
// it got, rather than dying with a temporary file half written.

namespace chronoatlas::exporting {

// From now on, the first SIGINT or SIGTERM asks the render to stop; a second one kills the process as usual.
void stop_on_signals();

// True once a stop was asked for.
bool stop_requested();

}  // namespace chronoatlas::exporting
