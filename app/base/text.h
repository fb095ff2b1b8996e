#pragma once
// Small text helpers shared by every module.
#include <string>
#include <vector>

namespace chronoatlas {

// TEXT cut at every SEPARATOR; empty parts are dropped ("a;;b" gives a, b).
std::vector<std::string> split(const std::string& text, char separator);

}  // namespace chronoatlas
