#!/usr/bin/env bash
# Builds the small test inputs in tests/data from geodata/ with GDAL's ogr2ogr. Re-run after geodata changes.
set -euo pipefail
cd "$(dirname "$0")"
geo=../../geodata
rm -f caucasus.* caucasus-3857.* caucasus-utm38.* multi.gpkg
where="name IN ('Armenia','Azerbaijan','Georgia')"
ogr2ogr -f GeoJSON caucasus.geojson "$geo/countries.geojson" -where "$where" -select name -lco COORDINATE_PRECISION=5
ogr2ogr -f "ESRI Shapefile" caucasus.shp caucasus.geojson
ogr2ogr -f GPKG caucasus.gpkg caucasus.geojson
ogr2ogr -f KML caucasus.kml caucasus.geojson
ogr2ogr -f FlatGeobuf caucasus.fgb caucasus.geojson
ogr2ogr -f GeoJSON caucasus-3857.geojson caucasus.geojson -t_srs EPSG:3857 -lco RFC7946=NO
ogr2ogr -f "ESRI Shapefile" caucasus-utm38.shp caucasus.geojson -t_srs EPSG:32638
# Two layers in one source.
ogr2ogr -f GPKG multi.gpkg caucasus.geojson -nln countries
ogr2ogr -f GPKG -update multi.gpkg "$geo/karabakh-2023/places.geojson" -nln places
# world-110m.topojson is a copy of npm world-atlas@2.0.2 countries-110m.json (Natural Earth 1:110m, public domain).
# Broken inputs.
head -c 600 caucasus.geojson > truncated.geojson
echo "this is not JSON" > not-json.geojson
echo '{"type":"FeatureCollection","features":[]}' > empty.geojson
: > zero-bytes.geojson
