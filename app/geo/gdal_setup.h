#pragma once
// GDAL, set up once per process for an offline app reading files from strangers.

#include <string>
#include <vector>

namespace chronoatlas::geo {

// Registers GDAL's drivers, except those that only talk to servers, and keeps GDAL and PROJ off the network: a data
// file, VRT or scenario from someone else must never make Chronoatlas connect anywhere. Safe to call often.
void init_gdal();

// File name endings (lower case, no dot) that GDAL's registered vector drivers read, plus the archives opened through
// GDAL's virtual file systems (zip, gz, tar, tgz): what a file browser offers. Sorted, without duplicates.
std::vector<std::string> vector_file_extensions();

// GDAL's last error message as one line (some drivers' messages span several), or FALLBACK when there is none.
const char* gdal_message_or(const char* fallback);

}  // namespace chronoatlas::geo
