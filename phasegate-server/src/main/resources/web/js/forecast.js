// The forecast page: each assumption set's completion and collapse curves with their Monte Carlo bands, the lever
// sliders (a re-run on the server with the same runs and seed), the tornado, the history and scores from a backtest,
// and every assumption with its source. All from /api/v1/scenarios/{id}/forecasts (docs/api.md, "Forecast page").
import { api, renderNav, el, dataTable, showError, formatDate, formatPercent, formatNumber, SERIES, PALETTE, ready } from './app.js';
import { lineChart, seconds, tornadoChart, reliabilityChart, figure } from './charts.js';
import { curveLines, byRows } from './curves.js';
import { leverPanel } from './levers.js';
import { importedParagraph } from './imported.js';

const $ = id => document.getElementById(id);

/** GETs a computation of the page until it is done, saying how far it is. */
async function poll(path, what) {
  for (;;) {
    const r = await api(path);
    if (r.state !== 'computing') return r;
    $('progress').textContent = `Computing ${what}: ${formatNumber(r.done)} of ${formatNumber(r.total)}…`;
    await new Promise(done => setTimeout(done, 1000));
  }
}

function drawCurves(sets, shown, info) {
  const box = $('curves');
  box.replaceChildren();
  const charts = [];
  for (const set of sets) {
    const f = shown[set].forecast;
    const chart = el('div', { class: 'chart-area' });
    charts.push(() => lineChart(chart, f.phases[0].curve.map(e => seconds(e.date)), curveLines(f), { title: `${set}: P(by date)` }));
    const table = el('div');
    const curveTable = el('div');
    const refTable = el('div');
    const d = f.durabilityModel;
    const card = el('div', { class: 'card', id: `curves-${set}` }, el('h3', {}, `Set “${set}”`), chart,
      el('p', { class: 'muted' }, `${formatNumber(f.runs)} runs, seed ${f.seed}, weekly points to ${formatDate(f.horizon)}. `,
        el('a', { href: `#assumptions-${set}` }, `${f.assumptions.length} assumptions and their sources`),
        `; the collapse hazard from ${d.file} (${d.covariates.join(', ')}; Weibull shape ${formatNumber(d.shape, 2)}), the ceasefire `
        + `${formatNumber(d.ceasefireAgeDays)} days old at the start (${d.ceasefireAgeFrom}).`), table,
      el('details', {}, el('summary', {}, 'Every weekly point'), curveTable),
      el('details', {}, el('summary', {}, `The scenario's reference numbers beside the forecast (${f.references.length})`), refTable));
    box.append(card);
    dataTable(table, [{ key: 'what', label: 'event' }, { key: 'date', label: 'by', format: formatDate },
      { key: 'p', label: 'P', numeric: true, format: p => formatPercent(p, 1) }, { key: 'se', label: '± se', numeric: true, format: s => formatPercent(s, 2) }],
      byRows(f), `${set}: probability by each reported date`);
    const cols = [{ key: 'date', label: 'date', format: formatDate }].concat(f.phases.map(p => ({ key: p.phase, label: `${p.name}`, numeric: true, format: v => formatPercent(v, 1) })),
      [{ key: 'collapse', label: 'collapse', numeric: true, format: v => formatPercent(v, 1) }]);
    const rows = f.collapse.curve.map((e, k) => Object.fromEntries([['date', e.date], ['collapse', e.p]].concat(f.phases.map(p => [p.phase, p.curve[k].p]))));
    dataTable(curveTable, cols, rows, `${set}: the curves, one row per week`);
    dataTable(refTable, [{ key: 'name', label: 'reference' }, { key: 'compares', label: 'compares' },
      { key: 'value', label: 'stated', numeric: true, format: (v, r) => `${v} (${r.low}–${r.high}) ${r.unit}` },
      { key: 'forecast', label: 'this forecast', numeric: true, format: v => v === undefined ? '—' : formatPercent(v, 1) },
      { key: 'source', label: 'source' }], f.references, `${set}: reference numbers from the scenario, each beside what the forecast says of it`);
  }
  charts.forEach(draw => draw());   // once every card is placed, so each chart takes its card's width
  const first = shown[sets[0]];
  $('about').textContent = `From the public view of the verified evidence as of ${formatDate(first.asOf)}: ${formatNumber(first.verifiedRecords)} verified records `
    + `(ledger entry ${formatNumber(first.ledgerSeq)}). ${formatNumber(info.runs)} runs per set, seed ${info.seed}; the failure paths and the tornado look at `
    + `${first.forecast.focusPhase || first.forecast.sensitivity.phase}. Every reader sees these same numbers, whatever their role.`;
}

function drawTornado(sets, shown, info) {
  const box = $('tornado');
  box.replaceChildren();
  for (const set of sets) {
    const t = shown[set].forecast.sensitivity;
    const items = t.items.map(i => ({ ...i, label: i.kind === 'lever' ? `${i.name} (lever)` : i.name }));
    const title = `${set}: P(${t.phase} complete by ${formatDate(t.date)}), each assumption at its low and high end`;
    const table = el('div');
    box.append(el('div', { class: 'card', id: `tornado-${set}` }, figure(tornadoChart(items.slice(0, 12), { title }),
      `The twelve largest of ${items.length}; ${formatNumber(info.tornadoRunsPerArm)} runs per end, the same random numbers at both ends, the others as stated.`, table)));
    dataTable(table, [{ key: 'name', label: 'assumption' }, { key: 'kind', label: 'kind' }, { key: 'low', label: 'low', numeric: true },
      { key: 'high', label: 'high', numeric: true }, { key: 'pLow', label: 'P at low', numeric: true, format: p => formatPercent(p, 1) },
      { key: 'pHigh', label: 'P at high', numeric: true, format: p => formatPercent(p, 1) }, { key: 'delta', label: 'change', numeric: true, format: p => formatPercent(p, 1) }],
      items, title);
  }
}

function drawAssumptions(sets, shown) {
  const box = $('assumptions');
  box.replaceChildren();
  sets.forEach((set, k) => {
    const table = el('div');
    box.append(el('details', { open: k === 0, id: `assumptions-${set}` }, el('summary', {}, `Set “${set}”: ${shown[set].forecast.assumptions.length} assumptions`), table));
    const source = (s, a) => el('span', {}, s.url ? el('a', { href: s.url, rel: 'noreferrer' }, s.title) : s.title, `, ${s.publisher}${s.date ? ', ' + formatDate(s.date) : ''}`,
      a.description ? el('span', { class: 'muted' }, ` — ${a.description}`) : null);
    dataTable(table, [{ key: 'name', label: 'name' }, { key: 'kind', label: 'kind' }, { key: 'value', label: 'value', numeric: true },
      { key: 'low', label: 'range', format: (v, a) => `${a.low} – ${a.high}` }, { key: 'unit', label: 'unit' }, { key: 'source', label: 'source', format: source }],
      shown[set].forecast.assumptions, `Set “${set}”: every number the forecast uses, with its source`);
  });
}

function drawHistory(sets, histories) {
  const box = $('history');
  box.replaceChildren();
  for (const set of sets) {
    const h = histories[set];
    const card = el('div', { class: 'card', id: `history-${set}` }, el('h3', {}, `Set “${set}”`));
    box.append(card);
    if (h instanceof Error) { card.append(el('p', { class: 'error' }, h.message)); continue; }
    card.append(el('p', { class: 'muted' }, `A backtest: the forecast as of every ${h.everyDays} days from ${formatDate(h.from)} to ${formatDate(h.evaluatedAt)} `
      + `(${h.asOfDates} dates, ${formatNumber(h.runs)} runs each), from the records dated by then only; the questions ${h.keyHorizonDays} days ahead.`));
    const imported = importedParagraph({ class: 'muted imported-data' }, 'Each date\'s forecast counts the imported series up to the last period ended by then; at the last date: ', h.importedData);
    if (imported) card.append(imported);
    if (!h.series.length) { card.append(el('p', {}, 'No question was open at any date.')); continue; }
    const x = [...new Set(h.series.flatMap(s => s.points.map(p => p.asOf)))].sort();
    const at = (s, field) => x.map(d => { const p = s.points.find(q => q.asOf === d); return p ? p[field] : null; });
    const lines = h.series.map((s, k) => ({ label: s.question, colour: SERIES[k % SERIES.length], values: at(s, 'p') }));
    const chart = el('div', { class: 'chart-area' });
    card.append(chart);
    lineChart(chart, x.map(seconds), lines, { title: `${set}: the forecast over time` });
    const points = h.series.flatMap(s => s.points.map(p => ({ question: s.question, ...p })));
    const pointsTable = el('div');
    card.append(el('details', {}, el('summary', {}, 'Table'), pointsTable));
    dataTable(pointsTable, [{ key: 'question', label: 'question' }, { key: 'asOf', label: 'as of', format: formatDate },
      { key: 'p', label: 'P', numeric: true, format: p => formatPercent(p, 1) }, { key: 'baseRate', label: 'base rate', numeric: true, format: p => formatPercent(p, 1) },
      { key: 'outcome', label: 'outcome', format: o => o === null ? 'open' : o ? 'yes' : 'no' }], points, `${set}: the forecast at each date`);
    const moves = h.series.flatMap(s => s.moves.map(m => ({ question: s.question, ...m })));
    const movesTable = el('div');
    card.append(el('h4', {}, 'Why it moved: the records that arrived before each large move'), movesTable);
    dataTable(movesTable, [{ key: 'question', label: 'question' }, { key: 'to', label: 'between', format: (v, m) => `${formatDate(m.from)} – ${formatDate(m.to)}` },
      { key: 'pTo', label: 'P', format: (v, m) => `${formatPercent(m.pFrom, 1)} → ${formatPercent(m.pTo, 1)}` },
      { key: 'records', label: 'records that arrived', format: rs => el('span', {}, rs.flatMap((r, i) => [i ? ', ' : '', el('a', { href: `/api/v1/records/${encodeURIComponent(r.id)}` }, r.id), ` (${r.type})`])) }],
      moves, `${set}: moves larger than two standard errors (and 5 points), and the records that arrived meanwhile`);
  }
}

function drawScores(sets, histories) {
  const box = $('scores');
  box.replaceChildren();
  for (const set of sets) {
    const h = histories[set];
    const card = el('div', { class: 'card', id: `scores-${set}` }, el('h3', {}, `Set “${set}”`));
    box.append(card);
    if (h instanceof Error) { card.append(el('p', { class: 'error' }, h.message)); continue; }
    if (!h.scores) { card.append(el('p', {}, 'No question has resolved yet: nothing to score.')); continue; }
    const rows = [['model', h.scores.model], [`base rate (${h.baseRateClass})`, h.scores.baseRate]].map(([who, s]) => ({ who, ...s, ...s.murphy }));
    const table = el('div');
    card.append(table);
    dataTable(table, [{ key: 'who', label: 'forecaster' }, { key: 'n', label: 'questions', numeric: true },
      { key: 'brier', label: 'Brier', numeric: true, format: v => formatNumber(v, 4) }, { key: 'log', label: 'log score', numeric: true, format: (v, s) => `${formatNumber(v, 3)}${s.logClamped ? ` (${s.logClamped} certain misses)` : ''}` },
      { key: 'reliability', label: 'reliability', numeric: true, format: v => formatNumber(v, 4) }, { key: 'resolution', label: 'resolution', numeric: true, format: v => formatNumber(v, 4) },
      { key: 'uncertainty', label: 'uncertainty', numeric: true, format: v => formatNumber(v, 4) }], rows,
      `${set}: scores over the ${h.resolved} questions resolved by ${formatDate(h.evaluatedAt)} (lower is better; ${h.unresolved} still open)`);
    const bins = [['model', h.scores.model, PALETTE.blue], ['base rate', h.scores.baseRate, PALETTE.orange]];
    const binTable = el('div');
    card.append(figure(reliabilityChart(bins.map(([label, s, colour]) => ({ label, colour, bins: s.reliabilityBins })), { title: `${set}: reliability` }),
      'On the diagonal a forecaster is calibrated: what it called 30% happened 30% of the time. Dot area grows with the number of forecasts.', binTable));
    dataTable(binTable, [{ key: 'who', label: 'forecaster' }, { key: 'lower', label: 'bin', format: (v, b) => `${formatPercent(b.lower)}–${formatPercent(b.upper)}` },
      { key: 'count', label: 'forecasts', numeric: true }, { key: 'meanForecast', label: 'mean forecast', numeric: true, format: p => formatPercent(p, 1) },
      { key: 'observedFrequency', label: 'observed', numeric: true, format: p => formatPercent(p, 1) }],
      bins.flatMap(([who, s]) => s.reliabilityBins.map(b => ({ who, ...b }))), `${set}: reliability diagram bins`);
  }
}

async function main() {
  const me = await renderNav('forecast');
  try {
    const scenarios = await api('/scenarios');
    const stored = scenarios.scenarios.find(s => s.stored);
    const base = `/scenarios/${encodeURIComponent(stored.id)}/forecasts`;
    const info = await api(base);
    const shown = {};
    for (const set of info.sets) shown[set] = await poll(`${base}/${encodeURIComponent(set)}`, `the “${set}” forecast (simulated runs)`);
    drawCurves(info.sets, shown, info);
    leverPanel($('levers'), me, base, info.sets, shown);
    drawTornado(info.sets, shown, info);
    drawAssumptions(info.sets, shown);
    const histories = {};
    for (const set of info.sets) {
      histories[set] = await poll(`${base}/${encodeURIComponent(set)}/history`, `the “${set}” backtest (as-of dates)`).catch(e => e);
    }
    drawHistory(info.sets, histories);
    drawScores(info.sets, histories);
    $('progress').textContent = '';
  } catch (e) {
    showError($('progress'), e);
  }
  ready();
}

main();
