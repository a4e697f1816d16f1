// A forecast's curves and reported probabilities as the forecast page draws and tabulates them.
import { SERIES, PALETTE } from './app.js';

/** ± two standard errors around each estimate, within 0..1. */
export function band(estimates) {
  return [estimates.map(e => Math.max(0, e.p - 2 * e.se)), estimates.map(e => Math.min(1, e.p + 2 * e.se))];
}

/** The lines of a forecast: each phase's completion and the collapse, with bands. */
export function curveLines(f, dash) {
  const lines = f.phases.map((p, k) => ({ label: `${p.name}: complete`, colour: SERIES[k % SERIES.length], values: p.curve.map(e => e.p), band: band(p.curve), dash }));
  lines.push({ label: 'ceasefire collapsed', colour: PALETTE.black, values: f.collapse.curve.map(e => e.p), band: band(f.collapse.curve), dash: dash || [6, 4] });
  return lines;
}

/** Rows "what, by date, p, se" for each phase and the collapse at the reported dates. */
export function byRows(f) {
  const rows = f.phases.flatMap(p => p.by.map(e => ({ what: `${p.name} complete`, key: `${p.phase}|${e.date}`, ...e })));
  return rows.concat(f.collapse.by.map(e => ({ what: 'ceasefire collapsed', key: `collapse|${e.date}`, ...e })));
}
