#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "temp_dir.h"

#include "geo/gdal_setup.h"
#include "platform/folder_listing.h"

using namespace chronoatlas;
namespace fs = std::filesystem;

TEST(FolderListing, FoldersFirstThenReadableFilesByNameIgnoringCase) {
  const fs::path dir = fs::path(scratch_dir()) / "listing";
  fs::remove_all(dir);
  fs::create_directories(dir / "zeta");
  fs::create_directories(dir / "Alpha");
  fs::create_directories(dir / ".hidden");
  for (const char* f : {"roads.SHP", "roads.dbf", "events.csv", "notes.docx", "b.geojson", "A.gpkg", ".secret.geojson",
                        "track.gpx", "places.kml", "data.zip"})
    std::ofstream(dir / f) << "x";
  const auto extensions = geo::vector_file_extensions();
  auto entries = platform::list_folder(dir.string(), extensions);
  ASSERT_TRUE(entries) << entries.error();
  std::vector<std::string> names;
  for (const auto& e : *entries) names.push_back(e.name + (e.folder ? "/" : ""));
  // GDAL reads .dbf as a table, so it stays; a .docx is nobody's vector format.
  EXPECT_EQ(names, (std::vector<std::string>{"Alpha/", "zeta/", "A.gpkg", "b.geojson", "data.zip", "events.csv",
                                             "places.kml", "roads.dbf", "roads.SHP", "track.gpx"}));
  auto all = platform::list_folder(dir.string(), {});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 11u);  // everything but the hidden two
  auto missing = platform::list_folder((dir / "nope").string(), extensions);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().find("nope: cannot be listed"), std::string::npos) << missing.error();
}
