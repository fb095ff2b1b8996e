#pragma once
// GDAL, set up once per process for an offline app reading files from strangers.

namespace chronoatlas::geo {

// Registers GDAL's drivers, except those that only talk to servers, and keeps GDAL and PROJ off the network: a data
// file, VRT or scenario from someone else must never make Chronoatlas connect anywhere. Safe to call often.
void init_gdal();

// GDAL's last error message as one line (some drivers' messages span several), or FALLBACK when there is none.
const char* gdal_message_or(const char* fallback);

}  // namespace chronoatlas::geo
