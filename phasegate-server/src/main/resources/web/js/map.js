// The Map page: governorates coloured by ACLED's monthly series (GET /series/acled), the IDF-held zone (GET /geo/zones),
// incidents and aid deliveries (GET /exports/records/geojson, as the caller may see them), the places imported into the
// store (GET /geo/imported, with each dataset's licence and attribution), a month slider driving the dated layers, a
// record's sources and attestations on click, and the same data as tables.
import { api, renderNav, dataTable, el, showError, formatDate, formatNumber, PALETTE, ready } from './app.js';
import { L, baseMap, loadGovernorates, centres, recordPosition } from './geo.js';
import { classes, colourOf, legend } from './choropleth.js';
import { showRecord } from './record-panel.js';

const $ = id => document.getElementById(id);
const RECORD_LAYERS = { incident: { colour: PALETTE.vermillion, label: 'Incidents' }, 'aid-delivery': { colour: PALETTE.blue, label: 'Aid deliveries' } };
const page = { geo: null, months: [], series: null, centres: {}, map: null, layers: {}, records: [], drawing: 0 };

async function main() {
  await renderNav('map');
  try {
    page.geo = await loadGovernorates();
    page.centres = centres(page.geo);
    page.map = baseMap($('map'));
    drawGovernorates();
    await drawZone();
    await drawImported();
    await loadMonths();
    wireControls();
    await draw();
  } catch (e) {
    showError($('notices'), e);
  } finally {
    ready();
  }
}

function notice(text) {
  $('notices').append(el('p', { class: 'notice', role: 'status' }, text));
}

function drawGovernorates() {
  if (page.geo.fallback) {
    notice(`The OCHA governorate file is not on this server: the map shows a coarse outline of the Strip instead (${page.geo.source}). The ACLED colours need the governorates and are not drawn.`);
  }
  page.layers.governorates = L.geoJSON(page.geo, {
    style: () => ({ className: 'governorate', color: '#333', weight: 1.5, fillColor: '#ffffff', fillOpacity: 0.75 }),
    onEachFeature: (f, layer) => {
      layer.on('add', () => layer.getElement() && layer.getElement().setAttribute('data-pcode', f.properties.pcode));
      layer.bindTooltip(() => tooltip(f.properties), { sticky: true });
    },
  }).addTo(page.map);
  page.map.fitBounds(page.layers.governorates.getBounds(), { padding: [10, 10] });
  page.map.attributionControl.addAttribution(page.geo.fallback ? 'Outline: Natural Earth' : 'Governorates: OCHA COD (CC BY-IGO)');
}

function tooltip(p) {
  const v = page.series && page.series.values.find(x => x.pcode === p.pcode);
  const value = page.series ? (v && v.value !== null ? formatNumber(v.value) : 'no value') + ` ${page.series.measure}, ${page.series.month}` : '';
  return `${p.name} (${p.pcode})${value ? ': ' + value : ''}`;
}

async function drawZone() {
  try {
    const zones = await api('/geo/zones');
    page.layers.zone = L.geoJSON(zones, {
      style: () => ({ className: 'zone', color: PALETTE.vermillion, weight: 3, dashArray: '8 6', fill: false }),
      onEachFeature: (f, layer) => layer.bindTooltip(`${f.properties.name}; source: ${f.properties.source || f.properties.datasetSource}`, { sticky: true }),
    }).addTo(page.map);
    page.map.attributionControl.addAttribution('IDF-held zone: IDF map digitised by mushon/nibal (MIT)');
    page.zoneFrom = zones.features.map(f => f.properties.date).filter(Boolean).sort()[0] || null;
  } catch (e) {
    notice(`The IDF-held zone is not shown: ${e.message}`);
    $('layer-zone').disabled = true;
  }
}

/** Places imported with `phasegate import geojson`: thin dashed outlines and small dots, under the records, with their provenance. */
async function drawImported() {
  try {
    page.imported = await api('/geo/imported');
  } catch (e) {
    notice(`The imported places are not shown: ${e.message}`);
    page.imported = { features: [], datasets: [] };
  }
  const style = { className: 'imported-place', color: PALETTE.reddishPurple, weight: 1.5, dashArray: '3 4', fill: false };
  page.layers.imported = L.geoJSON(page.imported, {
    style: () => style,
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { ...style, radius: 4, dashArray: null, fill: true, fillColor: PALETTE.reddishPurple, fillOpacity: 0.6 }),
    onEachFeature: (f, layer) => {
      const p = f.properties;
      layer.on('add', () => layer.getElement() && layer.getElement().setAttribute('data-dataset', p.dataset));
      // the file's text, never markup: Leaflet would read a string as HTML
      layer.bindTooltip(el('span', {}, `${p.name || p.sourceId} (${p.dataset}; licence: ${p.licence}; ${p.attribution}; ${p.state})`), { sticky: true });
    },
  });
  if ($('layer-imported').checked) page.layers.imported.addTo(page.map);
  $('layer-imported').disabled = page.imported.features.length === 0;
  $('layer-imported').closest('label').lastChild.textContent = page.imported.features.length === 0 ? ' Imported places (none imported)'
    : ` Imported places (${page.imported.datasets.length} dataset${page.imported.datasets.length === 1 ? '' : 's'})`;
  for (const d of page.imported.datasets) {
    const i = d.imports[0];
    page.map.attributionControl.addAttribution(escapeHtml(`${d.dataset}: ${i.attribution} (${i.licence})`));
  }
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

async function loadMonths() {
  try {
    page.series = await api(seriesPath());
    page.months = page.series.months;
  } catch (e) {
    notice(`ACLED's monthly series is not shown: ${e.message}`);
    page.months = [];
  }
  const slider = $('month');
  slider.max = String(Math.max(0, page.months.length - 1));
  const asked = new URLSearchParams(location.search).get('month');   // a link to one month: map.html?month=2025-10
  slider.value = page.months.includes(asked) ? String(page.months.indexOf(asked)) : slider.max;
  slider.disabled = page.months.length === 0;
}

function seriesPath(month) {
  const q = new URLSearchParams({ dataset: $('dataset').value, measure: $('measure').value });
  if (month) q.set('month', month);
  return '/series/acled?' + q;
}

function wireControls() {
  let timer;
  $('month').addEventListener('input', () => {
    $('month-label').value = monthLabel(currentMonth());
    clearTimeout(timer);
    timer = setTimeout(draw, 120);
  });
  for (const id of ['dataset', 'measure', 'record-range']) $(id).addEventListener('change', draw);
  const toggles = { 'layer-governorates': 'governorates', 'layer-zone': 'zone', 'layer-incidents': 'incident', 'layer-aid': 'aid-delivery',
    'layer-imported': 'imported' };
  for (const [box, layer] of Object.entries(toggles)) {
    $(box).addEventListener('change', () => {
      const l = page.layers[layer];
      if (layer === 'zone') showZone(currentMonth());
      else if (l) $(box).checked ? l.addTo(page.map) : l.remove();
    });
  }
  $('controls').addEventListener('submit', e => e.preventDefault());
}

function currentMonth() {
  return page.months[Number($('month').value)] || null;
}

function monthLabel(m) {
  return m ? new Date(m + '-01T00:00:00Z').toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }) : 'all dates';
}

/** Redraws everything for the month, dataset and measure chosen; a later call supersedes one still loading. */
async function draw() {
  const ticket = ++page.drawing;
  const month = currentMonth();
  $('month-label').value = monthLabel(month);
  $('map').dataset.state = 'loading';
  try {
    const [series, records] = await Promise.all([month ? api(seriesPath(month)) : Promise.resolve(null), loadRecords(month)]);
    if (ticket !== page.drawing) return;
    page.series = series;
    page.records = records;
    colourGovernorates();
    showZone(month);
    drawRecords();
    tables();
    $('map').dataset.month = month || '';
    $('map').dataset.state = 'drawn';
  } catch (e) {
    if (ticket === page.drawing) showError($('notices'), e);
  }
}

async function loadRecords(month) {
  const out = [];
  for (const type of Object.keys(RECORD_LAYERS)) {
    const q = new URLSearchParams({ type });
    if (month) {
      const [y, m] = month.split('-').map(Number);
      if ($('record-range').value === 'month') q.set('from', `${month}-01`);
      q.set('to', new Date(Date.UTC(y, m, 0, 23, 59, 59)).toISOString());
    }
    const fc = await api('/exports/records/geojson?' + q);
    out.push(...fc.features);
  }
  return out;
}

function colourGovernorates() {
  const s = page.series;
  const cls = classes(s ? s.scaleMax : 0);
  const byPcode = Object.fromEntries((s ? s.values : []).map(v => [v.pcode, v.value]));
  page.layers.governorates.eachLayer(layer => {
    const p = layer.feature.properties;
    const colour = s && !page.geo.fallback ? colourOf(byPcode[p.pcode], cls) : '#ffffff';
    layer.setStyle({ fillColor: colour });
    const e = layer.getElement();
    if (e) {
      e.setAttribute('data-value', byPcode[p.pcode] ?? '');
      e.setAttribute('data-colour', colour);
    }
  });
  const unit = s ? s.measure : '';
  $('legend').replaceChildren(
    s && !page.geo.fallback ? el('div', {}, el('strong', {}, `ACLED ${s.dataset.replace('acled-monthly-', '').replace('-', ' ')}, ${unit} per governorate, ${monthLabel(s.month)}`), legend(cls, unit, el)) : '',
    el('ul', { class: 'legend', 'aria-label': 'Other layers' },
      legendItem('swatch zone', 'IDF-held zone, 19 Oct 2025 (approximate)'),
      page.imported.features.length ? legendItem('swatch imported', 'Imported places (phasegate import geojson; table below)') : '',
      ...Object.values(RECORD_LAYERS).map(r => legendItem('swatch dot', `${r.label} (filled: verified; hollow: not yet)`, r.colour))));
  $('attribution').textContent = s
    ? `ACLED monthly data (${s.dataset}) via HDX: ACLED — Armed Conflict Location & Event Data Project; data up to ${s.lastPeriod} (import state: ${s.importState}${s.countedAs && s.countedAs !== s.importState ? `, counted as ${s.countedAs} under the store's scenario's policy` : ''}; the last month may be partial). Source: ${s.sources.join(', ')}`
    : '';
}

/** The zone is the line of 19 October 2025: drawn for that month and later only, and the legend says so. */
function showZone(month) {
  const zone = page.layers.zone;
  if (!zone) return;
  const inForce = !month || !page.zoneFrom || month >= page.zoneFrom.slice(0, 7);
  if (inForce && $('layer-zone').checked) zone.addTo(page.map); else zone.remove();
  $('layer-zone').closest('label').lastChild.textContent = inForce ? ' IDF-held zone' : ` IDF-held zone (not yet: from ${formatDate(page.zoneFrom)})`;
}

function legendItem(cls, text, colour) {
  const swatch = el('span', { class: cls, 'aria-hidden': 'true' });
  if (colour) swatch.style.background = colour;
  return el('li', {}, swatch, text);
}

function drawRecords() {
  const taken = {};
  for (const [type, spec] of Object.entries(RECORD_LAYERS)) {
    const box = $(type === 'incident' ? 'layer-incidents' : 'layer-aid');
    if (page.layers[type]) page.layers[type].remove();
    const group = L.layerGroup();
    for (const f of page.records.filter(r => r.properties.type === type)) {
      const where = recordPosition(f, page.centres);
      if (!where) continue;
      spread(where, taken);
      const verified = f.properties.state === 'verified';
      const marker = L.circleMarker(where.latlng, { className: 'record-marker', radius: 7, color: spec.colour, weight: 3,
        fillColor: verified ? spec.colour : '#ffffff', fillOpacity: 0.9 });
      const text = `${f.properties.id}: ${type}, ${formatDate(f.properties.time)}, ${f.properties.state}${where.approximate ? ' (placed at the ' + where.why + ')' : ''}`;
      marker.bindTooltip(text);
      marker.on('click', () => showRecord($('record-panel'), f.properties.id));
      marker.on('add', () => focusable(marker.getElement(), f.properties.id, text));
      group.addLayer(marker);
    }
    page.layers[type] = group;
    if (box.checked) group.addTo(page.map);
  }
}

/** A record's circle as a button for the keyboard: Tab reaches it, Enter or Space opens the record. */
function focusable(e, id, text) {
  if (!e || e.hasAttribute('data-record')) return;
  e.setAttribute('data-record', id);
  e.setAttribute('tabindex', '0');
  e.setAttribute('role', 'button');
  e.setAttribute('aria-label', text);
  e.addEventListener('keydown', k => {
    if (k.key !== 'Enter' && k.key !== ' ') return;
    k.preventDefault();
    showRecord($('record-panel'), id);
  });
}

/**
 * Records placed at the same approximate spot (an area's centre) are set around it on a small spiral (about 300 m a
 * step), so each can be seen and clicked; they stay marked approximate. A record's own point is never moved.
 */
function spread(where, taken) {
  if (!where.approximate) return;
  const key = where.latlng.join(',');
  const k = taken[key] = (taken[key] || 0) + 1;
  if (k === 1) return;
  const angle = k * 2.39996;
  const r = 0.003 * Math.sqrt(k - 1);
  where.latlng = [where.latlng[0] + r * Math.sin(angle), where.latlng[1] + r * Math.cos(angle)];
}

function tables() {
  const s = page.series;
  const byPcode = Object.fromEntries((s ? s.values : []).map(v => [v.pcode, v]));
  dataTable($('governorate-table'), [
    { key: 'name', label: 'Governorate' }, { key: 'pcode', label: 'OCHA p-code' },
    { key: 'value', label: s ? `${s.measure} (${monthLabel(s.month)})` : 'value', numeric: true, format: v => (v === null || v === undefined ? 'no value' : formatNumber(v)) },
  ], page.geo.features.map(f => ({ name: f.properties.name, pcode: f.properties.pcode, value: byPcode[f.properties.pcode] ? byPcode[f.properties.pcode].value : null })),
  s ? `ACLED ${s.dataset}: ${s.measure} per governorate, ${monthLabel(s.month)}` : 'Governorates');
  dataTable($('record-table'), [
    { key: 'id', label: 'Record' }, { key: 'type', label: 'Type' }, { key: 'time', label: 'Observed', format: formatDate },
    { key: 'party', label: 'Party' }, { key: 'pcode', label: 'Place' }, { key: 'state', label: 'State' },
    { key: 'id', label: 'Sources and attestations', format: id => el('button', { type: 'button', class: 'secondary', onclick: () => showRecord($('record-panel'), id) }, 'Show') },
  ], page.records.map(f => ({ ...f.properties })), `Incidents and aid deliveries ${$('record-range').value === 'month' ? 'observed in' : 'observed up to the end of'} ${monthLabel(currentMonth())} (${page.records.length})`);
  dataTable($('imported-table'), [
    { key: 'dataset', label: 'Dataset' }, { key: 'places', label: 'Places', numeric: true, format: v => formatNumber(v) },
    { key: 'licence', label: 'Licence' }, { key: 'attribution', label: 'Attribution' },
    { key: 'sourceUrl', label: 'Source', format: u => (/^https?:\/\//.test(u || '') ? el('a', { href: u, rel: 'noopener' }, u) : 'not stated') },
    { key: 'file', label: 'File (SHA-256)', format: (f, r) => `${f} (${r.fileSha256.slice(0, 12)}…)` },
    { key: 'state', label: 'State' }, { key: 'imported', label: 'Imported' },
  ], page.imported.datasets.map(d => ({ dataset: d.dataset, places: d.places, ...d.imports[0],
    imported: d.imports.map(i => `${i.importedBy}, ${formatDate(i.importedAt)} (entry ${i.importId})`).join('; ') })),
  `Places imported into the store (${page.imported.features.length}), by dataset, with their provenance`);
}

main();
