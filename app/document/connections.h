#pragma once
// Network connections are opened only when the user names them (on the command line, in the app, or from their own
// session): a story folder or a view file may come from anyone, and opening the connections it names would let
// it probe or hang on any server the user can reach.
#include <string>
#include <vector>

#include "story/scenario.h"

namespace chronoatlas::document {

// Each layer of SCENARIO that opens a database connection, as "id (connection)".
std::vector<std::string> connecting_layers(const story::Scenario& scenario);

// SCENARIO without the layers that open a connection, each named in WARNINGS with how to add it if it is trusted.
story::Scenario without_connections(story::Scenario scenario, std::vector<std::string>& warnings);

}  // namespace chronoatlas::document
