#pragma once
// Reading the small text files the app is given (scenario manifests, sources, saved views) without trusting them to
// be files at all: a folder, a pipe or a device in their place gets a message, never a hang or an exception.
#include <cstddef>
#include <string>

#include "base/result.h"

namespace chronoatlas {

// The whole of PATH, which must be a regular file of at most MAX_BYTES. Errors name PATH and what it is instead.
Result<std::string> read_text_file(const std::string& path, size_t max_bytes = 64u << 20);
// True for a source that names a database connection ("PG:dbname=...") rather than a file: never resolved against a
// folder, never cached, opened only when the user names it.
bool is_database_source(const std::string& source);
// Whether writing a file keeps the one it replaces as PATH.bak (the session: a damaged or foreign one is not lost).
enum class Backup { None, Keep };
// Writes TEXT to PATH whole or not at all: into a new temporary beside it (O_EXCL, no link followed), then renamed
// over it. Errors name PATH.
Status write_text_file(const std::string& path, const std::string& text, Backup backup = Backup::None);
// Writes all of BYTES to FD, again after an interrupting signal unless the process is asked to stop; false when a
// write fails (errno says why) or the process stops.
bool write_all(int fd, const std::string& bytes);

}  // namespace chronoatlas
