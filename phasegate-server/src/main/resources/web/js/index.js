// Overview: the agreement at a glance, from the status API (the caller's view).
import { api, ready, renderNav, el, dataTable, showError, formatDateTime, formatPercent } from './app.js';

const root = document.getElementById('overview');

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
    root.replaceChildren(phases(status), gates(status));
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

/** The gate's "why not" tree: each condition with whether it is met and what it lacks. */
function whyTree(check) {
  const item = el('li', { class: check.met ? 'met' : 'unmet' }, `${check.met ? '✓' : '✗'} ${check.condition}`,
    check.detail ? el('span', { class: 'muted' }, ` — ${check.detail}`) : null);
  if (check.parts) item.append(el('ul', { class: 'tree' }, check.parts.map(whyTree)));
  return el('ul', { class: 'tree' }, item);
}

main();
