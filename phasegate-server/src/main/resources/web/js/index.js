// Overview: the agreement at a glance, from the status API (the caller's view).
import { api, ready, renderNav, el, dataTable, showError, formatDate, formatDateTime, formatPercent, daysSince } from './app.js';
import { importedItems } from './imported.js';

const root = document.getElementById('overview');
/** How far back the latest events and the freshness look (a display choice, not a model assumption). */
const WINDOW_DAYS = 90;

/** Every verified record observed since the date (page after page), as {items, since}. */
async function recent(since) {
  const items = [];
  let cursor = '';
  do {
    const page = await api(`/records?state=verified&from=${since}&limit=1000${cursor ? '&cursor=' + encodeURIComponent(cursor) : ''}`);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return { items, since };
}

async function main() {
  await renderNav('index');
  try {
    const { scenarios } = await api('/scenarios');
    const stored = scenarios.find(s => s.stored);
    if (!stored) {
      root.replaceChildren(el('p', {}, 'This server holds no scenario\'s evidence yet.'));
      return;
    }
    const status = await api(`/scenarios/${encodeURIComponent(stored.id)}/status`);
    document.getElementById('title').textContent = stored.title;
    document.getElementById('as-of').textContent = `Status as of ${formatDateTime(status.asOf)}, from the verified evidence you may see.`;
    const since = new Date(Date.parse(status.asOf) - WINDOW_DAYS * 86400000).toISOString().slice(0, 10);
    const [verified, { datasets }] = await Promise.all([recent(since), api('/datasets')]);
    root.replaceChildren(phases(status), gates(status), parties(status), figures(status), ...context(status), latest(verified, status),
      freshness(verified, status, datasets));
  } catch (e) {
    showError(root, e);
  }
  ready();
}

function phases(status) {
  const box = el('section', { id: 'phases', 'aria-labelledby': 'phases-h' }, el('h2', { id: 'phases-h' }, 'Phases'));
  const table = el('div');
  dataTable(table, [
    { key: 'id', label: 'Phase' },
    { key: 'done', label: 'Obligations done', numeric: true, format: (v, r) => `${v} of ${r.total}` },
    { key: 'share', label: 'Progress', format: v => el('span', {}, el('span', { class: 'bar', role: 'img', 'aria-label': formatPercent(v) },
      el('span', { style: null, 'data-w': v })), ' ', formatPercent(v)) },
    { key: 'state', label: 'State' },
  ], status.phases.map(p => ({ ...p, share: p.total ? p.done / p.total : null,
    state: p.complete ? 'complete' : p.started ? 'under way' : 'not started' })), 'Each phase\'s obligations done');
  table.querySelectorAll('[data-w]').forEach(s => { s.style.width = `${Math.round(Number(s.dataset.w) * 100)}%`; });
  box.append(table);
  return box;
}

function gates(status) {
  const box = el('section', { id: 'gates', 'aria-labelledby': 'gates-h' }, el('h2', { id: 'gates-h' }, 'Gates'));
  const list = el('ul', { class: 'gates' });
  for (const g of status.gates) {
    const badge = el('span', { class: `badge ${g.open ? 'good' : 'bad'}` }, g.open ? 'open' : 'closed');
    const head = [badge, ' ', el('strong', {}, g.id), g.openedAt ? ` since ${formatDateTime(g.openedAt)}` : ''];
    list.append(el('li', { 'data-gate': g.id, 'data-open': String(g.open) }, g.open ? head
      : el('details', {}, el('summary', {}, head), el('p', {}, 'Why not:'), whyTree(g.why))));
  }
  box.append(list);
  return box;
}

/** Each party's reciprocity ledger: what it owes now and later, what is owed to it, what it waits for and holds. */
function parties(status) {
  const box = section('parties', 'Who owes what');
  const list = v => (v.length ? v.join(', ') : '—');
  const table = el('div');
  dataTable(table, [
    { key: 'id', label: 'Party' },
    { key: 'owesNow', label: 'Owes now', format: list },
    { key: 'owesLater', label: 'Owes later (locked)', format: list },
    { key: 'owedToIt', label: 'Is owed', format: list },
    { key: 'waitingForGates', label: 'Waits on gates', format: list },
    { key: 'levers', label: 'Holds levers over', format: list },
  ], status.parties, 'Each party\'s reciprocity ledger');
  box.append(table);
  return box;
}

/** Obligations measured against a target: what the evidence shows, with the obligation's sources and dates. */
function figures(status) {
  const box = section('figures', 'Key figures');
  const measured = status.obligations.filter(o => o.kind === 'deliverable' && /^[\d.,]+ .* of [\d.,]+/.test(o.progress));
  const table = el('div');
  dataTable(table, [
    { key: 'id', label: 'Obligation' },
    { key: 'progress', label: 'Verified evidence shows' },
    { key: 'label', label: 'Status' },
    { key: 'completedAt', label: 'Date', format: (v, o) => (v ? `done ${formatDate(v)}` : o.deadline ? `due ${formatDate(o.deadline)}${o.overdue ? ' (overdue)' : ''}` : '—') },
    { key: 'sources', label: 'Sources (the scenario\'s)', format: v => v.join(', ') },
  ], measured, 'Measured obligations: counts from verified records against the agreed targets');
  box.append(table);
  return box;
}

/** The newest verified records the caller may see. */
function latest(verified, status) {
  const box = section('latest', 'Latest verified events');
  const rows = [...verified.items].sort((a, b) => b.time.localeCompare(a.time)).slice(0, 8);
  const table = el('div');
  dataTable(table, [
    { key: 'id', label: 'Record', format: v => el('a', { href: `/evidence.html?id=${encodeURIComponent(v)}` }, v) },
    { key: 'type', label: 'Type' },
    { key: 'time', label: 'Observed', format: formatDateTime },
    { key: 'party', label: 'Party' },
    { key: 'attestations', label: 'Attested by', format: v => v.map(a => a.org).join(', ') },
  ], rows, `The ${rows.length} newest of ${verified.items.length} verified records observed since ${formatDate(verified.since)}`);
  box.append(table);
  return box;
}

/**
 * How old the newest verified evidence is at the status date, how far each imported series the status counts goes,
 * and which real datasets the server holds.
 */
function freshness(verified, status, datasets) {
  const box = section('freshness', 'How fresh the evidence is');
  const newest = verified.items.reduce((m, r) => (!m || r.time > m ? r.time : m), null);
  box.append(el('p', { id: 'newest' }, newest
    ? `The newest verified record was observed ${formatDateTime(newest)}, ${daysSince(newest, new Date(status.asOf))} day(s) before the status date.`
    : `No verified record was observed in the ${WINDOW_DAYS} days before the status date.`));
  const table = el('div');
  dataTable(table, [
    { key: 'id', label: 'Dataset' },
    { key: 'what', label: 'What' },
    { key: 'present', label: 'On this server', format: v => (v ? 'yes' : 'missing') },
    { key: 'source', label: 'Source' },
  ], datasets, 'The real datasets the server serves');
  box.append(importedData(status.importedData || []), table);
  return box;
}

/** How far each imported series the scenario's measures read goes at the status date (the status's importedData). */
function importedData(lines) {
  if (!lines.length) return el('div', { id: 'imported-data' });
  return el('div', {}, el('p', {}, 'Imported series the status counts, as of the status date:'), el('ul', { id: 'imported-data' }, importedItems(lines, 'li')));
}

/** The scenario's context series (the status's context): shown beside the status, read by none of its rules. */
function context(status) {
  const lines = status.context || [];
  if (!lines.length) return [];
  const box = section('context', 'Context');
  box.append(el('p', {}, 'Series shown beside the status: they open no gate and change no status.'),
    el('ul', {}, lines.map(c => el('li', { 'data-context': c.id, 'data-total': c.total === null ? 'unknown' : String(c.total), 'data-up-to': c.dataUpTo || '' },
      c.text, c.beside.length ? el('span', { class: 'muted' }, ` (shown beside ${c.beside.join(', ')})`) : null))));
  return [box];
}

function section(id, title) {
  return el('section', { id, 'aria-labelledby': `${id}-h` }, el('h2', { id: `${id}-h` }, title));
}

/** The gate's "why not" tree: each condition with whether it is met and what it lacks. */
function whyTree(check) {
  const item = el('li', { class: check.met ? 'met' : 'unmet' }, `${check.met ? '✓' : '✗'} ${check.condition}`,
    check.detail ? el('span', { class: 'muted' }, ` — ${check.detail}`) : null);
  if (check.parts) item.append(el('ul', { class: 'tree' }, check.parts.map(whyTree)));
  return el('ul', { class: 'tree' }, item);
}

main();
