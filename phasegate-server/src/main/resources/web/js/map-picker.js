// A place picker for forms (the Evidence page's submission form): Gaza's governorates on a small map; a click, or a
// governorate chosen from the list (keyboard), picks a point and says its OCHA p-code. Needs /css/map.css and Leaflet's
// stylesheet on the page.
//
//   import { createPicker } from './map-picker.js';
//   const picker = await createPicker(container, { onPick: ({ lat, lon, pcode, name }) => ... });
//   picker.set(31.5, 34.45);   picker.value();   picker.destroy();
import { el, PALETTE } from './app.js';
import { L, baseMap, loadGovernorates, centres, governorateAt } from './geo.js';

/**
 * Draws the picker into `container`. options.onPick({lat, lon, pcode, name}) is called on every pick (pcode and name
 * null outside Gaza's governorates). Resolves to {map, set(lat, lon), value(), destroy()}.
 */
export async function createPicker(container, options = {}) {
  const geo = await loadGovernorates();
  const centre = centres(geo);
  const mapBox = el('div', { class: 'picker-map', role: 'region', 'aria-label': 'Map: click to pick the place' });
  const select = el('select', { id: (options.idPrefix || 'picker') + '-governorate' },
    el('option', { value: '' }, 'Pick on the map, or choose a governorate…'),
    geo.features.map(f => el('option', { value: f.properties.pcode }, `${f.properties.name} (${f.properties.pcode})`)));
  const said = el('output', { 'aria-live': 'polite', class: 'picker-value' }, 'No place picked yet.');
  container.replaceChildren(el('div', { class: 'picker' },
    el('div', { class: 'picker-row' }, el('label', { for: select.id }, 'Governorate'), select), mapBox, said,
    geo.fallback ? el('p', { class: 'muted' }, `Coarse outline only: ${geo.source}`) : null));
  const map = baseMap(mapBox, { minZoom: 7 });
  const layer = L.geoJSON(geo, { style: () => ({ className: 'governorate', color: '#333', weight: 1.5, fillColor: PALETTE.skyBlue, fillOpacity: 0.25 }) }).addTo(map);
  map.fitBounds(layer.getBounds(), { padding: [6, 6] });
  let marker = null;
  let current = null;

  function set(lat, lon) {
    const at = governorateAt(geo, lat, lon);
    current = { lat: round(lat), lon: round(lon), pcode: at ? at.pcode : null, name: at ? at.name : null };
    if (marker) marker.setLatLng([lat, lon]);
    else marker = L.circleMarker([lat, lon], { className: 'picked', radius: 8, color: PALETTE.black, weight: 3, fillColor: PALETTE.orange, fillOpacity: 1 }).addTo(map);
    said.value = at ? `Picked ${current.lat}, ${current.lon} in ${at.name} (${at.pcode}).` : `Picked ${current.lat}, ${current.lon}: outside Gaza's governorates.`;
    select.value = current.pcode || '';
    mapBox.dataset.pcode = current.pcode || '';
    if (options.onPick) options.onPick({ ...current });
    return current;
  }

  map.on('click', e => set(e.latlng.lat, e.latlng.lng));
  select.addEventListener('change', () => {
    const c = centre[select.value];
    if (c) set(c[0], c[1]);
  });
  return { map, set, value: () => (current ? { ...current } : null), destroy: () => map.remove() };
}

/** Five decimals: about a metre, more than any report's position warrants. */
function round(x) {
  return Math.round(x * 1e5) / 1e5;
}
