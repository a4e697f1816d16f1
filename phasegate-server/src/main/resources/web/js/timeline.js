// The Timeline: obligations per phase and party as a Gantt chart (status over time from the history; deadlines as
// agreed and as amended; standing obligations as in-force / breached bands), gate openings as lines, a replay slider
// that says which gates stood open on a day, and the same data as tables.
import { renderNav, dataTable, el, showError, formatDate, ready, STATUS_COLOURS } from './app.js';
import { loadTimeline, segments, colourOfLabel, gatesOpenAt, labelAt } from './obligations.js';
import { svg, timeScale } from './svg.js';
import { showImportedData } from './imported.js';

const $ = id => document.getElementById(id);
const W = 1000, LABEL = 330, RIGHT = 985, ROW = 18, TOP = 34, DAY = 86400000;

async function main() {
  await renderNav('timeline');
  try {
    const t = await loadTimeline();
    $('as-of').textContent = `${t.title}: as of ${formatDate(t.asOf)}, from the verified evidence you may see. ${t.obligations.length} obligations, ${t.gates.filter(g => g.open).length} of ${t.gates.length} gates open.`;
    showImportedData($('as-of'), t.importedData);
    legend();
    const chart = gantt(t);
    tables(t);
    replay(t, chart);
  } catch (e) {
    showError($('gantt'), e);
  } finally {
    ready();
  }
}

function legend() {
  const item = (cls, colour, text) => {
    const s = el('span', { class: cls, 'aria-hidden': 'true' });
    if (colour) s.style.background = colour;
    return el('li', {}, s, text);
  };
  $('legend').replaceChildren(el('ul', { class: 'legend', 'aria-label': 'Legend' },
    item('swatch', STATUS_COLOURS.good, 'complete / in force'), item('swatch', STATUS_COLOURS.partial, 'minimal or intermediate'),
    item('swatch', STATUS_COLOURS.none, 'not initiated / not in force'), item('swatch', STATUS_COLOURS.bad, 'breached (red outline: overdue)'),
    item('swatch tick', null, 'deadline as agreed'), item('swatch tick amended', null, 'deadline as amended'), item('swatch gate', null, 'a gate opened'), item('swatch dot', STATUS_COLOURS.good, 'completed')));
}

/** The time range: the scenario's start to the later of now + 60 days and the last deadline (at most two years on). */
function domain(t) {
  const deadlines = t.obligations.flatMap(o => [o.originalDeadline, o.deadline]).filter(Boolean).map(d => +new Date(d));
  const asOf = +new Date(t.asOf);
  const end = Math.min(Math.max(asOf + 60 * DAY, ...deadlines), asOf + 730 * DAY);
  return [t.start, new Date(end).toISOString()];
}

function gantt(t) {
  const [from, to] = domain(t);
  const x = timeScale(from, to, LABEL, RIGHT);
  const rows = [];
  for (const phase of t.phases) {
    rows.push({ phase });
    for (const o of t.obligations.filter(o => o.phase === phase.id)) rows.push({ o });
  }
  const height = TOP + rows.length * ROW + 10;
  const root = svg('svg', { viewBox: `0 0 ${W} ${height}`, 'aria-hidden': 'true', focusable: 'false' });
  root.append(axis(x, height, from, to));
  const phases = Object.fromEntries(t.phases.map(p => [p.id, p]));
  rows.forEach((r, i) => root.append(r.phase ? phaseTitle(r.phase, i) : row(t, r.o, x, TOP + i * ROW, to, phases[r.o.phase])));
  for (const h of t.history.filter(h => h.kind === 'gate' && h.to === 'open')) {
    const gx = x(h.time);
    root.append(svg('line', { class: 'gate-line', x1: gx, x2: gx, y1: TOP - 6, y2: height - 4 }, svg('title', {}, `gate ${h.id} opened ${formatDate(h.time)}`)));
  }
  const cursor = svg('line', { class: 'cursor', x1: x(t.asOf), x2: x(t.asOf), y1: TOP - 10, y2: height - 2 });
  root.append(cursor);
  $('gantt').replaceChildren(root);
  return { x, cursor };
}

function axis(x, height, from, to) {
  const months = Math.max(1, Math.ceil((+new Date(to) - +new Date(from)) / (30 * DAY) / 12));
  return svg('g', { class: 'axis' }, x.ticks(months).map(tick => svg('g', {},
    svg('line', { x1: x(tick), x2: x(tick), y1: TOP - 8, y2: height - 4 }),
    svg('text', { x: x(tick) + 2, y: TOP - 12 }, new Date(tick).toLocaleDateString('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' })))));
}

function phaseTitle(phase, i) {
  return svg('text', { class: 'phase-title', x: 4, y: TOP + i * ROW + 13 }, `${phase.name}${phase.complete ? ' (complete)' : phase.started ? ' (started)' : ''}`);
}

/**
 * An obligation's status bars from its phase's start (`startedAt`: the moment the scenario's phase `starts` at, e.g.
 * acceptance, or the scenario's start for a phase without one) to its completion or now; none for a phase not started.
 */
function bars(t, o, phase, until) {
  if (!phase || !phase.startedAt) return [];
  const begin = +new Date(phase.startedAt);
  return segments(t, o, until).filter(s => +new Date(s.to) > begin)
    .map(s => (+new Date(s.from) < begin ? { ...s, from: phase.startedAt } : s));
}

function row(t, o, x, y, end, phase) {
  const until = o.kind === 'deliverable' && o.completedAt ? o.completedAt : t.asOf;
  const label = `${(o.owedBy || []).join(', ')} · ${o.name}`;
  const g = svg('g', { class: 'gantt-row', 'data-obligation': o.id },
    svg('text', { x: 12, y: y + 12 }, label.length > 50 ? label.slice(0, 49) + '…' : label, svg('title', {}, `${label} (${o.label})`)));
  for (const s of bars(t, o, phase, until)) {
    const idle = s.label === 'not initiated' || s.label === 'not in force';
    g.append(svg('rect', { class: 'gantt-bar' + (o.overdue ? ' overdue' : ''), 'data-from': s.from, x: x(s.from), y: y + 3, width: Math.max(1, x(s.to) - x(s.from)), height: ROW - 6,
      fill: colourOfLabel(s.label), 'fill-opacity': idle ? 0.35 : 0.95 }, svg('title', {}, `${o.name}: ${s.label} from ${formatDate(s.from)} to ${formatDate(s.to)}`)));
  }
  if (o.kind === 'deliverable' && o.completedAt) {
    g.append(svg('circle', { class: 'completed', cx: x(o.completedAt), cy: y + ROW / 2, r: 4.5, fill: STATUS_COLOURS.good, stroke: '#000' },
      svg('title', {}, `completed ${formatDate(o.completedAt)}`)));
  }
  const agreed = o.originalDeadline || o.deadline;
  if (agreed) g.append(tick(x, agreed, y, 'deadline', `deadline as agreed: ${formatDate(agreed)}`, end));
  if (o.amendedBy && o.deadline) g.append(tick(x, o.deadline, y, 'deadline amended', `deadline as amended by ${o.amendedBy}: ${formatDate(o.deadline)}`, end));
  return g;
}

function tick(x, when, y, cls, title, end) {
  const at = Math.min(x(when), x(end));
  return svg('line', { class: cls, x1: at, x2: at, y1: y + 1, y2: y + ROW - 1 }, svg('title', {}, title));
}

function tables(t) {
  const phase = Object.fromEntries(t.phases.map(p => [p.id, p.name]));
  dataTable($('gate-table'), [
    { key: 'name', label: 'Gate' }, { key: 'phase', label: 'Phase', format: p => phase[p] || p }, { key: 'open', label: 'Open', format: v => (v ? 'open' : 'closed') },
    { key: 'openedAt', label: 'Opened', format: formatDate },
  ], t.gates, 'Gates and when they opened (the replay above steps through them)');
  dataTable($('obligation-table'), [
    { key: 'name', label: 'Obligation' }, { key: 'phase', label: 'Phase', format: p => phase[p] || p }, { key: 'owedBy', label: 'Owed by', format: v => (v || []).join(', ') },
    { key: 'kind', label: 'Kind' }, { key: 'label', label: 'Status' }, { key: 'originalDeadline', label: 'Deadline as agreed', format: formatDate },
    { key: 'deadline', label: 'Deadline as amended', format: (v, o) => (o.amendedBy ? `${formatDate(v)} (${o.amendedBy})` : '—') },
    { key: 'completedAt', label: 'Completed', format: formatDate }, { key: 'evidence', label: 'Records behind it', numeric: true, format: v => (v || []).length },
  ], t.obligations, 'Obligations per phase and party: status, deadlines as agreed and as amended, completion');
}

/** The replay slider: one step a day from the start to the as-of date; the cursor and the text follow it. */
function replay(t, chart) {
  const start = +new Date(t.start);
  const days = Math.max(0, Math.floor((+new Date(t.asOf) - start) / DAY));
  const slider = $('replay-time');
  slider.max = String(days);
  slider.value = String(days);
  slider.disabled = days === 0;
  const show = () => {
    const when = new Date(Math.min(start + Number(slider.value) * DAY, +new Date(t.asOf))).toISOString();
    $('replay-label').value = formatDate(when);
    const at = chart.x(when);
    chart.cursor.setAttribute('x1', at);
    chart.cursor.setAttribute('x2', at);
    const open = gatesOpenAt(t, when);
    const counts = {};
    for (const o of t.obligations) counts[labelAt(t, o, when)] = (counts[labelAt(t, o, when)] || 0) + 1;
    $('replay-gates').textContent = `Gates open: ${open.length ? open.map(g => g.name).join('; ') : 'none'}. Obligations: `
      + Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ') + '.';
    $('replay-gates').dataset.open = open.map(g => g.id).join(' ');
  };
  slider.addEventListener('input', show);
  show();
}

main();
