// The lever sliders of the forecast page: moving one re-runs the set's forecast on the server with the same runs and
// seed (common random numbers) and redraws the curves and probabilities beside the forecast as stated.
import { api, el, dataTable, formatDate, formatPercent, formatNumber } from './app.js';
import { lineChart, seconds } from './charts.js';
import { curveLines, byRows } from './curves.js';

const MODELLERS = ['admin', 'board', 'analyst'];

/** A slider step of 1, 2 or 5 times a power of ten, about a hundredth of the range; "any" when the stated value is off its grid. */
function step(a) {
  const raw = (a.high - a.low) / 100;
  const tens = 10 ** Math.floor(Math.log10(raw));
  const s = [1, 2, 5, 10].map(m => m * tens).find(v => v >= raw);
  const k = (a.value - a.low) / s;
  return Math.abs(k - Math.round(k)) < 1e-9 ? s : 'any';
}

function slider(a, onChange) {
  const output = el('output', { for: `lever-${a.name}`, id: `lever-${a.name}-value` }, `${a.value} ${a.unit}`);
  const input = el('input', { type: 'range', id: `lever-${a.name}`, name: a.name, min: a.low, max: a.high, step: step(a), value: a.value,
    'data-stated': a.value, 'aria-describedby': `lever-${a.name}-about` });
  input.addEventListener('input', () => { output.textContent = `${input.value} ${a.unit}`; });
  input.addEventListener('change', () => { output.textContent = `${input.value} ${a.unit}`; onChange(); });
  return el('div', { class: 'field lever' }, el('label', { for: `lever-${a.name}` }, `${a.name}: `, output), input,
    el('span', { class: 'muted', id: `lever-${a.name}-about` }, `stated ${a.value} ${a.unit}; range ${a.low}–${a.high}. ${a.description || ''}`));
}

/** A discrete lever (the API lists its only values, off and on) is a checkbox: checked is the range's high end. */
function toggle(a, onChange) {
  const [off, on] = a.values;
  const input = el('input', { type: 'checkbox', id: `lever-${a.name}`, name: a.name, 'data-off': off, 'data-on': on, 'data-stated': a.value,
    'aria-describedby': `lever-${a.name}-about` });
  input.checked = a.value === on;
  const output = el('output', { for: `lever-${a.name}`, id: `lever-${a.name}-value` }, `${a.value} ${a.unit}`);
  input.addEventListener('change', () => { output.textContent = `${leverValue(input)} ${a.unit}`; onChange(); });
  return el('div', { class: 'field lever' }, el('label', { for: `lever-${a.name}` }, input, ` ${a.name}: `, output),
    el('span', { class: 'muted', id: `lever-${a.name}-about` }, `on or off (${off} or ${on}), stated ${a.value} ${a.unit}. ${a.description || ''}`));
}

/** A lever control's value: a slider's number, or a toggle's on or off value. */
function leverValue(input) {
  if (input.type === 'checkbox') return Number(input.checked ? input.dataset.on : input.dataset.off);
  return Number(input.value);
}

function drawResult(box, set, stated, moved, requestMs) {
  const chart = el('div', { class: 'chart-area', id: 'lever-chart' });
  const table = el('div', { id: 'lever-table' });
  box.replaceChildren(chart, table);
  const f = moved.forecast;
  const lines = curveLines(f).concat(curveLines(stated, [2, 3]).map(l => ({ ...l, label: `${l.label} (as stated)`, band: undefined })));
  lineChart(chart, f.phases[0].curve.map(e => seconds(e.date)), lines, { title: `${set}: with these levers, and as stated (dotted)` });
  const before = Object.fromEntries(byRows(stated).map(r => [r.key, r.p]));
  const cell = (p, key, which) => el('span', { 'data-key': key, 'data-which': which, 'data-p': String(p) }, formatPercent(p, 1));
  dataTable(table, [{ key: 'what', label: 'event' }, { key: 'date', label: 'by', format: formatDate },
    { key: 'stated', label: 'as stated', numeric: true, format: (v, r) => cell(v, r.key, 'stated') },
    { key: 'p', label: 'with these levers', numeric: true, format: (v, r) => cell(v, r.key, 'levers') },
    { key: 'se', label: '± se', numeric: true, format: s => formatPercent(s, 2) },
    { key: 'change', label: 'change', numeric: true, format: v => `${v >= 0 ? '+' : ''}${formatNumber(v * 100, 1)} points` }],
    byRows(f).map(r => ({ ...r, stated: before[r.key], change: r.p - before[r.key] })),
    `${set}: probabilities with the levers as set (${formatNumber(moved.runs)} runs, seed ${moved.seed}; the request took ${Math.round(requestMs)} ms)`);
}

/** Fills box with the lever panel: for modellers a set chooser and one slider per lever (a toggle per discrete one); for others, why there is none. */
export function leverPanel(box, me, base, sets, shown) {
  if (!MODELLERS.includes(me.role)) {
    box.replaceChildren(el('p', { class: 'muted', id: 'levers-note' }, 'Moving a lever re-runs the forecast on the server: sign in as an analyst, '
      + 'a board member or an admin to use the sliders. The tornado below shows what each lever does at the two ends of its range.'));
    return;
  }
  const choose = el('select', { id: 'lever-set' }, sets.map(s => el('option', { value: s }, s)));
  const sliders = el('div', { id: 'lever-sliders', class: 'grid' });
  const status = el('p', { id: 'lever-status', role: 'status', 'aria-live': 'polite', class: 'muted' });
  const result = el('div', { id: 'lever-result' });
  const reset = el('button', { type: 'button', class: 'secondary', id: 'lever-reset' }, 'Back to the stated values');
  box.replaceChildren(el('p', { class: 'muted' }, 'Move a lever (drag, or focus it and use the arrow keys) to re-run the set\'s forecast on the server with '
    + 'the same runs and seed, so the difference comes from the lever, not from chance. The values each set states, and their sources, are below.'),
  el('div', { class: 'field' }, el('label', { for: 'lever-set' }, 'Assumption set'), choose), sliders, reset, status, result);
  let asked = 0;
  const rerun = async () => {
    const set = choose.value;
    const levers = {};
    for (const input of sliders.querySelectorAll('input[type=range], input[type=checkbox]')) {
      if (leverValue(input) !== Number(input.dataset.stated)) levers[input.name] = leverValue(input);
    }
    const mine = ++asked;
    status.textContent = `Re-running ${formatNumber(shown[set].runs)} runs…`;
    box.dataset.state = 'running';
    const t0 = performance.now();
    try {
      const moved = await api(`${base}/${encodeURIComponent(set)}/levers`, { method: 'POST', body: { set: levers } });
      if (mine !== asked) return;
      const ms = performance.now() - t0;
      drawResult(result, set, shown[set].forecast, moved, ms);
      status.textContent = `${formatNumber(moved.runs)} runs re-run with ${Object.keys(levers).length} lever(s) moved: `
        + `${moved.computeMs} ms on the server, ${Math.round(ms)} ms in all.`;
      box.dataset.state = 'done';
      box.dataset.levers = JSON.stringify(moved.levers);
    } catch (e) {
      if (mine !== asked) return;
      status.textContent = e.message;
      box.dataset.state = 'failed';
    }
  };
  const build = () => {
    const f = shown[choose.value].forecast;
    sliders.replaceChildren(...f.assumptions.filter(a => a.kind === 'lever' && a.high > a.low)
      .map(a => (Array.isArray(a.values) && a.values.length === 2 ? toggle(a, rerun) : slider(a, rerun))));
    result.replaceChildren();
    status.textContent = 'The levers stand at the values the set states.';
  };
  choose.addEventListener('change', build);
  reset.addEventListener('click', () => { build(); rerun(); });
  build();
}
