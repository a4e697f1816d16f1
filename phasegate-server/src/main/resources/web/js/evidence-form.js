// The report form: one record (new, or a correction of an existing one), its place picked on the map, its sources
// (a URL, and optionally a file whose SHA-256 is computed here: the file itself is not sent). The API checks the
// record; its refusals are shown next to the field they name.
import { api, el } from './app.js';
import { placePicker } from './place-picker.js';

/** Each type's required attributes (closed lists or text) and quantities, as the ledger checks them (RecordSpec, docs/ledger.md). */
export const TYPES = {
  incident: { choices: { kind: ['rocket', 'mortar', 'drone', 'sniper', 'small-arms', 'airstrike', 'shelling', 'ground-raid', 'demolition',
    'detention', 'aid-obstruction', 'monitor-access-denied'] }, texts: [], quantities: [] },
  decommissioning: { choices: { category: ['rockets', 'launchers', 'small-arms', 'explosives', 'tunnels-infrastructure'], method: ['destroyed', 'beyond-use'] },
    texts: ['inventory-ref'], quantities: ['items'] },
  'aid-delivery': { choices: { category: ['food', 'medical', 'fuel', 'shelter', 'water', 'mixed', 'other'] }, texts: ['crossing'], quantities: ['trucks'] },
  'troop-position': { choices: { movement: ['position', 'withdrawal'] }, texts: ['stage'], quantities: [] },
  exchange: { choices: { exchange: ['hostage', 'prisoner', 'remains'] }, texts: [], quantities: ['persons'] },
  deployment: { choices: {}, texts: ['contingent'], quantities: ['strength'] },
  funding: { choices: { stage: ['pledge', 'disbursement', 'tranche'] }, texts: ['donor'], quantities: [] },
  governance: { choices: { body: ['committee', 'police', 'board', 'other'] }, texts: [], quantities: [] },
  casualties: { choices: {}, texts: [], quantities: [] },
  assessment: { choices: {}, texts: [], quantities: [] },
  statement: { choices: {}, texts: [], quantities: [] },
};

const field = (id, label, input, hint) => el('div', { class: 'field' }, el('label', { for: id }, label), input,
  hint ? el('small', { class: 'muted', id: id + '-hint' }, hint) : null, el('span', { class: 'field-error', id: id + '-error', role: 'alert' }));

/** Builds the form in formEl; parties: the scenario's party ids. Returns {load(record, supersedes)} for corrections. */
export function reportForm(formEl, parties, resultEl, modeEl) {
  let supersedes = null;
  const typeSelect = el('select', { id: 'rec-type', name: 'type', 'data-field': 'type' }, Object.keys(TYPES).map(t => el('option', { value: t }, t)));
  const specific = el('fieldset', { id: 'rec-specific' });
  const mapEl = el('div', { id: 'place-map', class: 'map', role: 'application', 'aria-label': 'Map of Gaza: click to place the record' });
  const mapNote = el('p', { class: 'muted', id: 'place-note' });
  const inputs = {
    id: el('input', { id: 'rec-id', name: 'id', required: true, maxlength: 200, 'data-field': 'id', value: newId() }),
    time: el('input', { id: 'rec-time', name: 'time', type: 'datetime-local', required: true, 'data-field': 'time' }),
    party: el('select', { id: 'rec-party', name: 'party', 'data-field': 'party' }, el('option', { value: '' }, '(none)'), parties.map(p => el('option', { value: p }, p))),
    attributes: el('textarea', { id: 'rec-attributes', name: 'attributes', rows: 2, 'data-field': 'attributes' }),
    quantities: el('textarea', { id: 'rec-quantities', name: 'quantities', rows: 2, 'data-field': 'quantities' }),
    pcode: el('input', { id: 'rec-pcode', name: 'pcode', maxlength: 20, 'data-field': 'place.pcode' }),
    lat: el('input', { id: 'rec-lat', name: 'lat', type: 'number', step: 'any', min: -90, max: 90, 'data-field': 'place' }),
    lon: el('input', { id: 'rec-lon', name: 'lon', type: 'number', step: 'any', min: -180, max: 180, 'data-field': 'place.geometry' }),
    url: el('input', { id: 'rec-source-url', name: 'url', type: 'url', required: true, 'data-field': 'sources' }),
    title: el('input', { id: 'rec-source-title', name: 'title', maxlength: 500 }),
    file: el('input', { id: 'rec-source-file', name: 'file', type: 'file' }),
    sha: el('input', { id: 'rec-source-sha', name: 'sha256', readonly: true, 'data-field': 'sources.sha256' }),
    confidentiality: el('select', { id: 'rec-confidentiality', name: 'confidentiality', 'data-field': 'confidentiality' },
      el('option', { value: 'public' }, 'public'), el('option', { value: 'restricted' }, 'restricted (monitors, the board and admins only)')),
  };
  formEl.replaceChildren(
    field('rec-id', 'Record id', inputs.id, 'Unique; keep the suggestion or use your organisation\'s reference.'),
    field('rec-type', 'Type', typeSelect),
    field('rec-time', 'Observed at (UTC)', inputs.time),
    field('rec-party', 'Party', inputs.party),
    specific,
    field('rec-attributes', 'Other attributes', inputs.attributes, 'One per line as name=value, e.g. event=beyond-use (what the scenario\'s measures filter on).'),
    field('rec-quantities', 'Other quantities', inputs.quantities, 'One per line as name=number, e.g. weapons=40.'),
    el('fieldset', {}, el('legend', {}, 'Place'), mapEl, mapNote,
      field('rec-pcode', 'OCHA p-code', inputs.pcode), field('rec-lat', 'Latitude', inputs.lat), field('rec-lon', 'Longitude', inputs.lon),
      el('span', { class: 'field-error', id: 'place-error', role: 'alert' })),
    el('fieldset', {}, el('legend', {}, 'Source'), field('rec-source-url', 'URL', inputs.url),
      field('rec-source-title', 'Title', inputs.title),
      field('rec-source-file', 'File (hashed here, not uploaded)', inputs.file), field('rec-source-sha', 'SHA-256 of the file', inputs.sha)),
    field('rec-confidentiality', 'Who may see it', inputs.confidentiality),
    el('span', { class: 'field-error form-error', role: 'alert' }),
    el('button', { type: 'submit', id: 'rec-submit' }, 'Report'));
  const drawSpecific = () => drawTypeFields(specific, TYPES[typeSelect.value]);
  typeSelect.addEventListener('change', drawSpecific);
  drawSpecific();
  inputs.file.addEventListener('change', async () => {
    const f = inputs.file.files[0];
    inputs.sha.value = f ? await sha256(f) : '';
  });
  placePicker(mapEl, inputs, mapNote);
  formEl.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(formEl);
    resultEl.replaceChildren();
    let record;
    try { record = read(formEl, typeSelect.value, inputs); } catch (e) { return showFieldError(formEl, e.field, e.message); }
    formEl.querySelector('#rec-submit').disabled = true;
    try {
      const path = supersedes ? `/records/${encodeURIComponent(supersedes)}/corrections` : '/records';
      const res = await api(path, { method: 'POST', body: record, headers: { 'Idempotency-Key': crypto.randomUUID() } });
      const ids = res.ids || [record.id];
      resultEl.replaceChildren(el('p', { class: 'notice', id: 'report-done' }, `Reported ${ids.join(', ')}`,
        supersedes ? ` (supersedes ${supersedes})` : '', '; it now waits for attestations by monitors of other organisations.'));
      supersedes = null;
      modeEl.textContent = 'A new record, reported by you; monitors of other organisations then attest it.';
      inputs.id.value = newId();
    } catch (e) {
      showApiError(formEl, e);
    } finally {
      formEl.querySelector('#rec-submit').disabled = false;
    }
  });
  return {
    load(r) {
      supersedes = r.id;
      modeEl.textContent = `A correction of ${r.id}: the new record supersedes it once reported.`;
      const b = r.body || {};
      typeSelect.value = r.type;
      drawSpecific();
      inputs.id.value = `${r.id}-corr-${Math.random().toString(36).slice(2, 6)}`;
      inputs.time.value = (b.time || r.time || '').slice(0, 16);
      inputs.party.value = b.party || '';
      const spec = TYPES[r.type] || { choices: {}, texts: [], quantities: [] };
      const known = [...Object.keys(spec.choices), ...spec.texts];
      for (const k of known) { const i = formEl.querySelector(`[data-field="attributes.${k}"]`); if (i) i.value = (b.attributes || {})[k] || ''; }
      inputs.attributes.value = Object.entries(b.attributes || {}).filter(([k]) => !known.includes(k)).map(([k, v]) => `${k}=${v}`).join('\n');
      for (const q of spec.quantities) { const i = formEl.querySelector(`[data-field="quantities.${q}"]`); if (i) i.value = (b.quantities || {})[q] ?? ''; }
      inputs.quantities.value = Object.entries(b.quantities || {}).filter(([k]) => !spec.quantities.includes(k)).map(([k, v]) => `${k}=${v}`).join('\n');
      const place = b.place || {};
      inputs.pcode.value = place.pcode || '';
      const c = place.geometry && place.geometry.type === 'Point' ? place.geometry.coordinates : null;
      inputs.lon.value = c ? c[0] : '';
      inputs.lat.value = c ? c[1] : '';
      const s = (b.sources || [])[0] || {};
      inputs.url.value = s.url || '';
      inputs.title.value = s.title || '';
      inputs.sha.value = s.sha256 || '';
      inputs.confidentiality.value = r.confidentiality === 'restricted' ? 'restricted' : 'public';
      formEl.scrollIntoView();
      inputs.id.focus();
    },
  };
}

function drawTypeFields(box, spec) {
  const parts = [el('legend', {}, 'What this type needs')];
  for (const [name, values] of Object.entries(spec.choices)) {
    parts.push(field(`attr-${name}`, name, el('select', { id: `attr-${name}`, 'data-field': `attributes.${name}`, 'data-attr': name },
      el('option', { value: '' }, '(choose)'), values.map(v => el('option', { value: v }, v)))));
  }
  for (const name of spec.texts) parts.push(field(`attr-${name}`, name, el('input', { id: `attr-${name}`, 'data-field': `attributes.${name}`, 'data-attr': name })));
  for (const name of spec.quantities) {
    parts.push(field(`qty-${name}`, name, el('input', { id: `qty-${name}`, type: 'number', min: 0, step: 'any', 'data-field': `quantities.${name}`, 'data-qty': name })));
  }
  if (parts.length === 1) parts.push(el('p', { class: 'muted' }, 'No fixed fields: give what applies below.'));
  box.replaceChildren(...parts);
}

/** The record as the API takes it; throws {field, message} for what can be told here (the API checks the rest). */
function read(form, type, inputs) {
  const attributes = pairs(inputs.attributes.value, 'attributes', v => v);
  const quantities = pairs(inputs.quantities.value, 'quantities', v => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw new Error(`"${v}" is not a number`);
    return n;
  });
  form.querySelectorAll('[data-attr]').forEach(i => { if (i.value.trim()) attributes[i.dataset.attr] = i.value.trim(); });
  form.querySelectorAll('[data-qty]').forEach(i => { if (i.value.trim()) quantities[i.dataset.qty] = Number(i.value); });
  if (!inputs.time.value) throw Object.assign(new Error('Give the time the event was observed.'), { field: 'time' });
  const record = { id: inputs.id.value.trim(), type, time: new Date(inputs.time.value + 'Z').toISOString().replace('.000Z', 'Z'), attributes, quantities };
  if (inputs.party.value) record.party = inputs.party.value;
  const place = {};
  if (inputs.pcode.value.trim()) place.pcode = inputs.pcode.value.trim();
  if (inputs.lat.value !== '' && inputs.lon.value !== '') place.geometry = { type: 'Point', coordinates: [Number(inputs.lon.value), Number(inputs.lat.value)] };
  if (Object.keys(place).length) record.place = place;
  const source = { url: inputs.url.value.trim() };
  if (inputs.title.value.trim()) source.title = inputs.title.value.trim();
  if (inputs.sha.value) source.sha256 = inputs.sha.value;
  record.sources = [source];
  if (inputs.confidentiality.value !== 'public') record.confidentiality = inputs.confidentiality.value;
  return record;
}

function pairs(text, what, value) {
  const out = {};
  text.split('\n').map(l => l.trim()).filter(Boolean).forEach((line, i) => {
    const eq = line.indexOf('=');
    if (eq < 1) throw Object.assign(new Error(`line ${i + 1}: "${line.slice(0, 80)}" is not name=value`), { field: what });
    try { out[line.slice(0, eq).trim()] = value(line.slice(eq + 1).trim()); } catch (e) {
      throw Object.assign(new Error(`line ${i + 1}: ${e.message}`), { field: what });
    }
  });
  return out;
}

async function sha256(file) {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
}

function newId() {
  return `rec-${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The API's refusal next to each field it names (its located problems name fields as 'attributes.category' etc.). */
export function showApiError(form, e) {
  const named = [];
  if (e.field) named.push([e.field, e.message]);
  for (const p of e.problems || []) {
    const m = /field '([^']+)'/.exec(p.message);
    named.push([m ? m[1] : null, p.message + (p.hint ? ` (${p.hint})` : '')]);
  }
  if (!named.length) named.push([null, e.message]);
  for (const [f, msg] of named) showFieldError(form, f, msg);
}

export function showFieldError(form, name, message) {
  const input = name ? findInput(form, name) : null;
  const slot = input ? form.querySelector(`#${input.id}-error`) : (name && name.startsWith('place') ? form.querySelector('#place-error') : null);
  const target = slot || form.querySelector('.form-error');
  target.textContent = target.textContent ? `${target.textContent} ${message}` : message;
  if (input) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', slot.id); }
}

function findInput(form, name) {
  for (let n = name; n; n = n.includes('.') ? n.slice(0, n.lastIndexOf('.')) : '') {
    const i = form.querySelector(`[data-field="${n}"]`);
    if (i) return i;
    if (n.startsWith('attributes.')) return form.querySelector('[data-field="attributes"]');
    if (n.startsWith('quantities.')) return form.querySelector('[data-field="quantities"]');
  }
  return null;
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(s => { s.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(i => { i.removeAttribute('aria-invalid'); i.removeAttribute('aria-describedby'); });
}
