// The map's base, shared by the Map page and the place picker: Leaflet with no tile server, Gaza's governorates from
// GET /geo/governorates (OCHA admin2, or Natural Earth's outline of the Strip flagged `fallback`), and where a record sits.
import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { api } from './app.js';

export { L };

/** A Leaflet map in `element`, without tiles (the layers are the data); attribution names the sources shown. */
export function baseMap(element, options = {}) {
  const map = L.map(element, { zoomSnap: 0.25, minZoom: 8, maxZoom: 16, attributionControl: true, ...options });
  map.attributionControl.setPrefix('Leaflet');
  return map;
}

/** The governorates' GeoJSON (cached per page): {features, fallback, source}. */
let governorates;
export function loadGovernorates() {
  governorates = governorates || api('/geo/governorates');
  return governorates;
}

/** Each governorate's centre by p-code, and the Strip's (PS02: the mean of its governorates' centres). */
export function centres(geo) {
  const out = {};
  const lats = [];
  const lons = [];
  for (const f of geo.features) {
    const p = f.properties;
    if (p.centerLat === undefined) continue;
    out[p.pcode] = [p.centerLat, p.centerLon];
    lats.push(p.centerLat);
    lons.push(p.centerLon);
  }
  if (lats.length && !out.PS02) out.PS02 = [mean(lats), mean(lons)];
  if (!out.PS02) {
    const b = L.geoJSON(geo).getBounds();
    if (b.isValid()) out.PS02 = [b.getCenter().lat, b.getCenter().lng];
  }
  return out;
}

function mean(xs) {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * Where to draw a record: its own point (or its geometry's first position), else the centre of its p-code's area, said
 * as approximate. Null when it names neither.
 */
export function recordPosition(feature, centreByPcode) {
  const g = feature.geometry;
  if (g && g.type === 'Point') return { latlng: [g.coordinates[1], g.coordinates[0]], approximate: false };
  if (g) {
    const first = firstPosition(g.coordinates);
    if (first) return { latlng: [first[1], first[0]], approximate: true, why: 'first position of its geometry' };
  }
  const pcode = feature.properties && feature.properties.pcode;
  for (let p = pcode || ''; p.length >= 4; p = p.slice(0, -1)) {
    if (centreByPcode[p]) return { latlng: centreByPcode[p], approximate: true, why: `centre of ${p}: the record gives no point` };
  }
  return null;
}

function firstPosition(c) {
  if (!Array.isArray(c) || !c.length) return null;
  return typeof c[0] === 'number' ? c : firstPosition(c[0]);
}

/** The governorate (p-code and name) containing a point, by ray casting over its polygons' outer rings; null outside. */
export function governorateAt(geo, lat, lon) {
  for (const f of geo.features) {
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    if (polygons.some(rings => inside(rings[0], lon, lat))) return { pcode: f.properties.pcode, name: f.properties.name };
  }
  return null;
}

function inside(ring, x, y) {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}
