// The Compliance matrix: party × obligation on the 0–3 scale (a real table: obligations as rows grouped by phase,
// the parties that owe something as columns), each cell a button that shows the evidence behind it; arrow keys move
// between cells.
import { renderNav, el, showError, formatDate, ready, STATUS_COLOURS } from './app.js';
import { loadTimeline, colourOfLabel } from './obligations.js';
import { showRecord } from './record-panel.js';
import { showImportedData } from './imported.js';

const $ = id => document.getElementById(id);

async function main() {
  await renderNav('compliance');
  try {
    const t = await loadTimeline();
    $('as-of').textContent = `${t.title}: as of ${formatDate(t.asOf)}, from the verified evidence you may see.`;
    showImportedData($('as-of'), t.importedData);
    legend();
    matrix(t);
  } catch (e) {
    showError($('matrix'), e);
  } finally {
    ready();
  }
}

function legend() {
  const item = (colour, text) => {
    const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    s.style.background = colour;
    return el('li', {}, s, text);
  };
  $('legend').replaceChildren(el('ul', { class: 'legend', 'aria-label': 'Legend' }, item(STATUS_COLOURS.good, '3 complete / in force'),
    item(STATUS_COLOURS.partial, '1–2 minimal, intermediate'), item(STATUS_COLOURS.bad, '1 breached (standing)'), item(STATUS_COLOURS.none, '0 not initiated / not in force')));
}

function matrix(t) {
  const owing = new Set(t.obligations.flatMap(o => o.owedBy || []));
  const parties = t.parties.filter(p => owing.has(p.id));
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Obligation'), parties.map(p => el('th', { scope: 'col', title: p.name }, el('abbr', { title: p.name }, p.id))));
  const body = [];
  for (const phase of t.phases) {
    const obligations = t.obligations.filter(o => o.phase === phase.id);
    if (!obligations.length) continue;
    body.push(el('tr', { class: 'phase-row' }, el('th', { scope: 'colgroup', colspan: parties.length + 1 }, phase.name)));
    for (const o of obligations) {
      body.push(el('tr', {}, el('th', { scope: 'row' }, o.name), parties.map(p => el('td', {}, (o.owedBy || []).includes(p.id) ? cell(t, o, p) : ''))));
    }
  }
  const table = el('table', { class: 'data matrix' }, el('caption', {}, `${t.obligations.length} obligations × ${parties.length} parties that owe them`),
    el('thead', {}, head), el('tbody', {}, body));
  table.addEventListener('keydown', arrows);
  $('matrix').replaceChildren(el('div', { class: 'table-scroll' }, table));
}

function cell(t, o, p) {
  const b = el('button', { type: 'button', class: 'cell', 'aria-pressed': 'false', 'data-obligation': o.id, 'data-party': p.id,
    'aria-label': `${p.name}, ${o.name}: ${o.status} ${o.label}; ${(o.evidence || []).length} records behind it` }, `${o.status} ${short(o.label)}`);
  b.style.borderColor = colourOfLabel(o.label);
  b.style.background = tint(colourOfLabel(o.label));
  b.addEventListener('click', () => choose(t, o, p, b));
  return b;
}

function short(label) {
  return { 'not initiated': '', minimal: 'min', intermediate: 'int', complete: '✓', 'in force': 'in force', breached: 'breached', 'not in force': '' }[label] ?? '';
}

/** The colour at a quarter strength on white, so the cell's text keeps its contrast. */
function tint(hex) {
  const n = parseInt(hex.slice(1), 16);
  const mix = c => Math.round(255 - (255 - c) * 0.3);
  return `rgb(${mix(n >> 16)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}

function choose(t, o, p, button) {
  document.querySelectorAll('table.matrix button[aria-pressed="true"]').forEach(b => b.setAttribute('aria-pressed', 'false'));
  button.setAttribute('aria-pressed', 'true');
  const ids = o.evidence || [];
  const panel = $('cell-panel');
  panel.dataset.obligation = o.id;
  panel.replaceChildren(el('h2', {}, `${p.name}: ${o.name}`),
    el('p', {}, `Status ${o.status} (${o.label})${o.overdue ? ', overdue' : ''}${o.contested ? ', contested' : ''}. ${o.progress || ''}`),
    el('p', { class: 'muted' }, `Deadline as agreed ${formatDate(o.originalDeadline || o.deadline)}${o.amendedBy ? `, as amended ${formatDate(o.deadline)} (${o.amendedBy})` : ''}; completed ${formatDate(o.completedAt)}.`),
    el('h3', {}, `Verified records behind it (${ids.length})`),
    ids.length ? el('ul', { class: 'evidence' }, ids.map(id => el('li', {}, el('button', { type: 'button', class: 'secondary', onclick: () => showRecord($('record-panel'), id) }, id))))
      : el('p', { class: 'muted' }, 'None: no verified record you may see counts towards it yet.'));
  if (ids.length) showRecord($('record-panel'), ids[ids.length - 1]);
  else $('record-panel').replaceChildren();
}

/** Arrow keys move the focus between the matrix's cell buttons (rows and columns of the table). */
function arrows(e) {
  const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
  if (!moves[e.key] || !e.target.matches('button.cell')) return;
  const cellOf = e.target.closest('td');
  let row = cellOf.parentElement;
  let col = cellOf.cellIndex;
  const [dr, dc] = moves[e.key];
  for (let step = 0; step < 200; step++) {
    if (dc) col += dc; else row = dr > 0 ? row.nextElementSibling : row.previousElementSibling;
    if (!row || (dc && (col < 1 || col >= row.cells.length))) return;
    const next = row.cells[col] && row.cells[col].querySelector('button.cell');
    if (next) {
      e.preventDefault();
      next.focus();
      return;
    }
  }
}

main();
