#pragma once
// The files a job writes, handled as one set: every final name checked before anything is drawn, never an input,
// written under recognisable temporary names, published together under a lock, and no litter after a crash.
#include <string>
#include <vector>

#include "base/result.h"

namespace chronoatlas::exporting {

// The files an input stands for: the file itself and its sidecars (same folder, same name before the first dot:
// a shapefile's .shx, .dbf, .prj and .cpg, an .aux.xml), and a shapefile's .prj even before it exists. Paths that are
// not plain files (GDAL connection strings, virtual paths) stand for nothing on disk here.
std::vector<std::string> with_sidecars(const std::vector<std::string>& inputs);

// Checks the final names of a whole job before it starts: each is refused when it is an input (same file, by path or
// inode), a folder, or (unless OVERWRITE) an existing file; the folders must exist.
Status check_outputs(const std::vector<std::string>& finals, const std::vector<std::string>& inputs, bool overwrite);

// The temporary name FINAL is written under: a hidden file beside it, naming this process.
std::string temporary_name(const std::string& final_path);
// FINAL's temporary name, created empty and new (O_EXCL, no link followed) so that what is written there goes into a
// file of this process, never through a link someone planted at that name.
Result<std::string> claim_temporary(const std::string& final_path);

// Writes BYTES to PATH (a temporary), naming FINAL in any error.
Status write_file(const std::string& path, const std::string& final, const std::string& bytes);

// Removes the temporaries in the folder of FINALS (files, or working folders, named with this program's tag) left by
// processes that no longer run (killed mid-write), of any output: a killed frame run leaves them for frames the next
// run may not write. One pass over the folder per image, not one per file, since a frame run fills that folder with
// thousands of files.
void remove_stale_temporaries(const std::vector<std::string>& finals);

// Renames each of TEMPS to the matching FINAL while holding an advisory lock on their folder, so that Chronoatlas
// processes writing the same set never interleave. All or nothing: on failure the temporaries are removed and every
// old member of the set is as it was.
Status publish(const std::vector<std::string>& temps, const std::vector<std::string>& finals);

}  // namespace chronoatlas::exporting
