// One record in a panel: what it reports, where and when, its state, its sources and who attested it (GET /records/{id},
// which gives only what the caller may see). Shared by the Map and the Compliance matrix.
import { api, el, formatDateTime, formatNumber, showError } from './app.js';

/** Loads the record and shows it in `panel` (its previous content replaced); resolves when drawn. */
export async function showRecord(panel, id) {
  panel.replaceChildren(el('h2', {}, 'Record ', el('code', {}, id)), el('p', { class: 'muted' }, 'Loading…'));
  panel.dataset.record = '';
  try {
    const r = await api('/records/' + encodeURIComponent(id));
    panel.replaceChildren(...render(r));
    panel.dataset.record = r.id;
  } catch (e) {
    panel.replaceChildren(el('h2', {}, 'Record ', el('code', {}, id)));
    const box = el('div');
    panel.append(box);
    showError(box, e);
    panel.dataset.record = 'error';
  }
}

function render(r) {
  const body = r.body || {};
  const place = body.place || {};
  const point = place.geometry && place.geometry.type === 'Point' ? place.geometry.coordinates : null;
  const quantities = Object.entries(body.quantities || {}).map(([k, v]) => `${k}: ${formatNumber(v, 2)}`).join(', ');
  const attributes = Object.entries(body.attributes || {});
  const rows = [
    ['Type', r.type], ['Observed', formatDateTime(r.time)], ['Party', r.party || '—'], ['State', r.state],
    ['Place', [place.pcode, point ? `${point[1].toFixed(4)}, ${point[0].toFixed(4)}` : null].filter(Boolean).join(' · ') || '—'],
    ['Quantities', quantities || '—'], ['Reported by', `${r.reporter} (${r.reporterOrg})`],
    ['Still needs', r.stillNeeded > 0 ? `${r.stillNeeded} more attestation(s) from another organisation` : 'nothing more'],
  ];
  return [
    el('h2', {}, 'Record ', el('code', {}, r.id)),
    el('dl', {}, rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    attributes.length ? el('details', {}, el('summary', {}, `Attributes (${attributes.length})`),
      el('dl', {}, attributes.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]))) : null,
    el('h3', {}, `Attestations (${(r.attestations || []).length})`),
    list((r.attestations || []).map(a => `${a.by} (${a.org})`), 'none yet', 'attestations'),
    (r.steps || []).length ? el('h3', {}, 'Workflow') : null,
    (r.steps || []).length ? list(r.steps.map(s => `${s.what} by ${s.by}${s.org ? ' (' + s.org + ')' : ''}${s.reason ? ': ' + s.reason : ''} — ledger entry ${s.entry}`), '', 'steps') : null,
    el('h3', {}, `Sources (${sources(r, body).length})`),
    list(sources(r, body).map(source), 'none given', 'sources'),
    el('p', { class: 'muted' }, `In the signed ledger as entry ${r.entry}; its inclusion proof: GET /api/v1/records/${r.id}.`),
  ];
}

function sources(r, body) {
  if (Array.isArray(body.sources) && body.sources.length) return body.sources;
  return (r.sources || []).map(s => (typeof s === 'string' ? { url: s } : s));
}

/** A source as a link when it is a web address, as text otherwise (never a javascript: or data: link). */
function source(s) {
  const text = s.title || s.url;
  return /^https?:\/\//i.test(s.url || '') ? el('a', { href: s.url, rel: 'noopener noreferrer' }, text) : text;
}

function list(items, empty, name) {
  if (!items.length) return el('p', { class: 'muted' }, empty);
  return el('ul', { class: 'record-' + name }, items.map(i => el('li', {}, i)));
}
