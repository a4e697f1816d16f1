// The bargaining page: a bundled issue file's actors and dimensions, the predicted outcome, and each actor's position
// over the model's turns (one chart per dimension, one line per actor, with a table). Modellers may edit the file and
// run it again (POST /api/v1/bargaining); everyone sees the bundled file's result (GET /api/v1/bargaining/issues/{id}).
import { api, renderNav, el, dataTable, showError, formatNumber, SERIES, ready } from './app.js';
import { lineChart } from './charts.js';

const MODELLERS = ['admin', 'board', 'analyst'];
const $ = id => document.getElementById(id);

function drawOutcome(issue, result) {
  const rows = result.dimensions.map((d, k) => ({ dimension: d, outcome: result.predictedOutcome[k] }));
  dataTable($('outcome'), [{ key: 'dimension', label: 'dimension' }, { key: 'outcome', label: 'predicted outcome (0–100)', numeric: true, format: v => formatNumber(v, 1) }],
    rows, `${result.issue}: ${result.turns} turns, ${result.converged ? 'converged' : 'stopped at the step cap'}; the final position most likely to prevail`);
}

function drawTurns(result) {
  const box = $('turns');
  box.replaceChildren();
  const turns = result.history.map(t => t.turn);
  const charts = [];
  result.dimensions.forEach((d, k) => {
    const chart = el('div', { class: 'chart-area', id: `turns-${k}` });
    const table = el('div');
    box.append(el('div', { class: 'card' }, el('h3', {}, d), chart, el('details', {}, el('summary', {}, 'Table'), table)));
    const lines = result.actors.map((a, i) => ({ label: a, colour: SERIES[i % SERIES.length], dash: i >= SERIES.length ? [6, 3] : undefined,
      values: result.history.map(t => t.positions[i][k]) }));
    charts.push(() => lineChart(chart, turns, lines, { title: `${d}: each actor's position by turn`, yMax: 100, timeAxis: false, xLabel: 'turn' }));
    const cols = [{ key: 'turn', label: 'turn', numeric: true }].concat(result.actors.map((a, i) => ({ key: `a${i}`, label: a, numeric: true, format: v => formatNumber(v, 1) })));
    dataTable(table, cols, result.history.map(t => Object.fromEntries([['turn', t.turn]].concat(t.positions.map((p, i) => [`a${i}`, p[k]])))),
      `${d}: positions by turn`);
  });
  charts.forEach(draw => draw());   // once every card is placed, so each chart takes its card's width
}

function drawActors(issue, result) {
  const last = result.history[result.history.length - 1];
  const cols = [{ key: 'name', label: 'actor' }, { key: 'description', label: 'who' }, { key: 'capability', label: 'clout', numeric: true }]
    .concat(issue.dimensions.flatMap((d, k) => [{ key: `p${k}`, label: `${d}: position`, numeric: true }, { key: `s${k}`, label: 'salience', numeric: true }]),
      [{ key: 'win', label: 'P(final position prevails)', numeric: true, format: v => formatNumber(v, 3) }]);
  const rows = issue.actors.map((a, i) => Object.fromEntries([['name', a.name], ['description', a.description], ['capability', a.capability], ['win', last.winProbabilities[i]]]
    .concat(a.position.map((p, k) => [`p${k}`, p]), a.salience.map((s, k) => [`s${k}`, s]))));
  dataTable($('actors'), cols, rows, `${issue.actors.length} actors over ${issue.dimensions.length} dimensions (0–100 scales; values are stated assumptions)`);
}

function draw(issue, result) {
  $('about').textContent = `${result.issue}: ${issue.description}`;
  drawOutcome(issue, result);
  drawTurns(result);
  drawActors(issue, result);
}

function fileBox(me, shown) {
  const text = el('textarea', { id: 'yaml', rows: 18, cols: 100, spellcheck: 'false', readonly: !MODELLERS.includes(me.role), 'aria-label': 'issue file (YAML)' });
  text.value = shown.yaml;
  const status = el('p', { id: 'run-status', role: 'status', 'aria-live': 'polite' });
  const parts = [el('p', { class: 'muted' }, `${shown.file}, as bundled beside the scenario (docs/bargaining.md describes the format).`), text];
  if (MODELLERS.includes(me.role)) {
    const run = el('button', { type: 'button', id: 'run' }, 'Run the model on this file');
    run.addEventListener('click', async () => {
      status.textContent = 'Running…';
      try {
        const result = await api('/bargaining', { method: 'POST', body: text.value, headers: { 'Content-Type': 'application/yaml' } });
        draw({ ...shown.issue, description: result.description }, result);
        status.textContent = `Ran: ${result.turns} turns. The actors table keeps the bundled file's inputs; the charts and the outcome are this run's.`;
      } catch (e) {
        status.textContent = (e.problems || []).length ? e.problems.map(p => p.text).join('; ') : e.message;
      }
    });
    parts.push(run);
  }
  parts.push(status);
  $('file').replaceChildren(...parts);
}

async function main() {
  const me = await renderNav('bargaining');
  try {
    const list = (await api('/bargaining/issues')).issues;
    const select = $('issue');
    select.replaceChildren(...list.map(i => el('option', { value: i.id }, `${i.name} (${i.id})`)));
    const show = async id => {
      const shown = await api(`/bargaining/issues/${encodeURIComponent(id)}`);
      draw(shown.issue, shown.result);
      fileBox(me, shown);
    };
    select.addEventListener('change', () => show(select.value).catch(e => showError($('outcome'), e)));
    if (list.length) await show(list[0].id);
    else $('about').textContent = 'No issue file is bundled beside the scenarios.';
  } catch (e) {
    showError($('outcome'), e);
  }
  ready();
}

main();
