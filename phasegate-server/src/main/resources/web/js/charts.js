// Charts of the forecast and bargaining pages: uPlot line charts with Monte Carlo bands, and small SVG charts
// (tornado, reliability diagram) drawn with presentation attributes only (the Content-Security-Policy allows no inline style).
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { el, formatPercent, PALETTE } from './app.js';

const SVG = 'http://www.w3.org/2000/svg';

/** Seconds since the epoch for an ISO date or instant (uPlot's time axis). */
export function seconds(iso) {
  return Date.parse(iso.length === 10 ? iso + 'T00:00:00Z' : iso) / 1000;
}

/** A percentage axis from 0 to 100%. */
const PERCENT_AXIS = { values: (u, ticks) => ticks.map(t => formatPercent(t)), size: 56 };

/**
 * A line chart into container: x (seconds) and lines [{label, colour, values, band?: [low[], high[]], dash?}], y a share 0..1.
 * Each band is drawn as a shaded area between its two bounds. Returns the uPlot instance.
 */
export function lineChart(container, x, lines, { title, height = 260, yMax = 1, timeAxis = true, xLabel } = {}) {
  const data = [x];
  const series = [timeAxis ? {} : { label: xLabel || 'x' }];
  const bands = [];
  for (const line of lines) {
    data.push(line.values);
    series.push({ label: line.label, stroke: line.colour, width: 2, dash: line.dash, points: { show: x.length < 40 },
      value: (u, v) => v === null || v === undefined ? '—' : (yMax === 1 ? formatPercent(v, 1) : String(v)) });
    if (line.band) {
      const hi = data.push(line.band[1]) - 1;
      series.push({ label: line.label + ' (upper band)', class: 'band', stroke: line.colour, width: 0, points: { show: false } });
      const lo = data.push(line.band[0]) - 1;
      series.push({ label: line.label + ' (lower band)', class: 'band', stroke: line.colour, width: 0, points: { show: false } });
      bands.push({ series: [hi, lo], fill: line.colour + '33' });
    }
  }
  const width = Math.max(280, container.clientWidth || 560);
  const opts = {
    title, width, height, series, bands,
    scales: { x: { time: timeAxis }, y: { range: [0, yMax] } },
    axes: [{}, yMax === 1 ? PERCENT_AXIS : { size: 48 }],
    legend: { live: false },
  };
  container.replaceChildren();
  return new uPlot(opts, data, container);
}

function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

/** A tornado: for each item {label, pLow, pHigh}, a bar from one to the other on a 0..max percentage axis. */
export function tornadoChart(items, { title }) {
  const W = 560, row = 22, left = 230, top = 28, plot = W - left - 20;
  const max = Math.max(0.01, ...items.flatMap(i => [i.pLow, i.pHigh]));
  const x = p => left + (p / max) * plot;
  const H = top + items.length * row + 26;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': title, class: 'tornado' });
  chart.append(svg('text', { x: 4, y: 16, 'font-size': 13, 'font-weight': 600 }, title));
  items.forEach((it, k) => {
    const y = top + k * row;
    const a = Math.min(it.pLow, it.pHigh), b = Math.max(it.pLow, it.pHigh);
    const colour = it.pHigh >= it.pLow ? PALETTE.blue : PALETTE.vermillion;
    chart.append(svg('text', { x: left - 6, y: y + 14, 'font-size': 12, 'text-anchor': 'end' }, it.label));
    chart.append(svg('rect', { x: x(a), y: y + 3, width: Math.max(1.5, x(b) - x(a)), height: row - 8, fill: colour, class: 'bar' },
      svg('title', {}, `${it.label}: ${formatPercent(it.pLow, 1)} at the low end, ${formatPercent(it.pHigh, 1)} at the high end`)));
  });
  const axisY = top + items.length * row + 4;
  chart.append(svg('line', { x1: left, x2: left + plot, y1: axisY, y2: axisY, stroke: '#555' }));
  for (const f of [0, 0.5, 1]) {
    chart.append(svg('text', { x: x(f * max), y: axisY + 16, 'font-size': 11, 'text-anchor': 'middle' }, formatPercent(f * max, 1)));
  }
  return chart;
}

/** A reliability diagram: the diagonal, and per forecaster its bins' observed frequency against mean forecast (dot area ~ count). */
export function reliabilityChart(forecasters, { title }) {
  const S = 300, pad = 40, plot = S - 2 * pad;
  const px = p => pad + p * plot, py = p => S - pad - p * plot;
  const chart = svg('svg', { viewBox: `0 0 ${S + 140} ${S}`, width: '100%', role: 'img', 'aria-label': title, class: 'reliability' });
  chart.append(svg('text', { x: 4, y: 14, 'font-size': 13, 'font-weight': 600 }, title));
  chart.append(svg('rect', { x: pad, y: pad, width: plot, height: plot, fill: 'none', stroke: '#999' }));
  chart.append(svg('line', { x1: px(0), y1: py(0), x2: px(1), y2: py(1), stroke: '#999', 'stroke-dasharray': '4 3' }));
  chart.append(svg('text', { x: S / 2, y: S - 8, 'font-size': 11, 'text-anchor': 'middle' }, 'mean forecast'));
  chart.append(svg('text', { x: 12, y: S / 2, 'font-size': 11, transform: `rotate(-90 12 ${S / 2})`, 'text-anchor': 'middle' }, 'observed frequency'));
  const most = Math.max(1, ...forecasters.flatMap(f => f.bins.map(b => b.count)));
  forecasters.forEach((f, k) => {
    for (const b of f.bins) {
      const r = 3 + 9 * Math.sqrt(b.count / most);
      chart.append(svg('circle', { cx: px(b.meanForecast), cy: py(b.observedFrequency), r, fill: f.colour, 'fill-opacity': 0.6, stroke: f.colour },
        svg('title', {}, `${f.label}: ${b.count} forecasts in ${formatPercent(b.lower)}–${formatPercent(b.upper)}, mean ${formatPercent(b.meanForecast, 1)}, observed ${formatPercent(b.observedFrequency, 1)}`)));
    }
    chart.append(svg('circle', { cx: S + 12, cy: pad + 10 + k * 20, r: 6, fill: f.colour }));
    chart.append(svg('text', { x: S + 24, y: pad + 14 + k * 20, 'font-size': 12 }, f.label));
  });
  return chart;
}

/** A figure: the chart, a caption, and the table alternative in a disclosure. */
export function figure(chartNode, caption, tableNode) {
  return el('figure', { class: 'chart' }, chartNode, el('figcaption', {}, caption),
    el('details', {}, el('summary', {}, 'Table'), tableNode));
}
