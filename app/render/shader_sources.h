#pragma once
#include <map>
#include <string>

namespace chronoatlas::render {

// The GLSL files of shaders/, by file name, embedded unchanged at build time.
const std::map<std::string, std::string>& shader_sources();

}  // namespace chronoatlas::render
