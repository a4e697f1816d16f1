// A place picker on a Leaflet map without tiles: Gaza's governorates (OCHA admin2, from the API's datasets) drawn as
// outlines; a click sets the point (lon/lat) and, inside a governorate, its p-code. The inputs stay editable, so the
// place can also be typed (keyboard users), and typing moves the marker.
import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { api, PALETTE } from './app.js';

const GAZA = [[31.2, 34.2], [31.62, 34.6]];

/** Draws the picker in mapEl; inputs: {pcode, lat, lon} elements; note: where to say what the map shows. */
export async function placePicker(mapEl, inputs, note) {
  const map = L.map(mapEl, { zoomSnap: 0.25, maxBounds: [[30.9, 33.9], [31.9, 34.9]], minZoom: 9, attributionControl: true, keyboard: true });
  map.fitBounds(GAZA);
  mapEl.style.background = '#eef3f7';
  let marker = null;
  const put = (lat, lon) => {
    if (marker) marker.setLatLng([lat, lon]);
    else marker = L.circleMarker([lat, lon], { radius: 8, color: PALETTE.vermillion, weight: 3, fillOpacity: 0.6 }).addTo(map);
  };
  const pick = (latlng, pcode) => {
    inputs.lat.value = latlng.lat.toFixed(5);
    inputs.lon.value = latlng.lng.toFixed(5);
    inputs.pcode.value = pcode || '';
    put(latlng.lat, latlng.lng);
    inputs.lat.dispatchEvent(new Event('change'));
  };
  const typed = () => {
    const lat = Number(inputs.lat.value), lon = Number(inputs.lon.value);
    if (inputs.lat.value && inputs.lon.value && Number.isFinite(lat) && Number.isFinite(lon)) put(lat, lon);
  };
  inputs.lat.addEventListener('input', typed);
  inputs.lon.addEventListener('input', typed);
  map.on('click', e => pick(e.latlng, null));
  try {
    const { datasets } = await api('/datasets');
    if (!datasets.some(d => d.id === 'ocha-admin2' && d.present)) throw new Error('the server has no OCHA admin2 file in its data directory');
    const geo = await api('/datasets/ocha-admin2');
    const gaza = { type: 'FeatureCollection', features: geo.features.filter(f => String(f.properties.adm2_pcode).startsWith('PS02')) };
    const outlines = L.geoJSON(gaza, {
      style: f => ({ color: PALETTE.blue, weight: 2, fillColor: PALETTE.skyBlue, fillOpacity: 0.15, className: `gov-${f.properties.adm2_pcode}` }),
      onEachFeature: (f, layer) => {
        layer.bindTooltip(`${f.properties.adm2_name} (${f.properties.adm2_pcode})`);
        layer.on('click', e => { L.DomEvent.stopPropagation(e); pick(e.latlng, f.properties.adm2_pcode); });
      },
    }).addTo(map);
    map.fitBounds(outlines.getBounds(), { padding: [8, 8] });
    map.attributionControl.addAttribution('Governorates: OCHA (2023-10-19), CC BY-IGO');
    note.textContent = 'Click the map to place the record; inside a governorate the click also sets its OCHA p-code. Or type the values.';
  } catch (e) {
    note.textContent = `The governorates could not be drawn (${e.message}); click the map for a point, or type the p-code and coordinates.`;
  }
  return map;
}
