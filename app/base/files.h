#pragma once
// Reading the small text files the app is given (scenario manifests, sources, saved views) without trusting them to
// be files at all: a folder, a pipe or a device in their place gets a message, never a hang or an exception.
#include <cstddef>
#include <string>

#include "base/result.h"

namespace chronoatlas {

// The whole of PATH, which must be a regular file of at most MAX_BYTES. Errors name PATH and what it is instead.
Result<std::string> read_text_file(const std::string& path, size_t max_bytes = 64u << 20);
// Writes TEXT to PATH whole or not at all: into a temporary beside it, then renamed over it. Errors name PATH.
Status write_text_file(const std::string& path, const std::string& text);

}  // namespace chronoatlas
