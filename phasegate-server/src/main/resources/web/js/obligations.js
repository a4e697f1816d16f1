// What the Timeline and the Compliance matrix share: the stored scenario's timeline (GET /scenarios/{id}/timeline),
// status colours, and each obligation's status over time from the history of changes.
import { api, STATUS_COLOURS } from './app.js';

/** The scenario whose evidence the store holds, and its timeline as of now (or `asOf`). */
export async function loadTimeline(asOf) {
  const { scenarios } = await api('/scenarios');
  const stored = scenarios.find(s => s.stored);
  if (!stored) throw new Error('the server holds no scenario with evidence; start it with a scenario (docs/server.md)');
  return api(`/scenarios/${encodeURIComponent(stored.id)}/timeline` + (asOf ? '?asOf=' + encodeURIComponent(asOf) : ''));
}

/** The Peace Accords Matrix scale (deliverables) and a standing obligation's three states. */
export const SCALE = Object.freeze(['not initiated', 'minimal', 'intermediate', 'complete']);

/** Status label to colour: complete and in force good; minimal and intermediate partial; breached bad; the rest none. */
export function colourOfLabel(label) {
  if (label === 'complete' || label === 'in force') return STATUS_COLOURS.good;
  if (label === 'minimal' || label === 'intermediate') return STATUS_COLOURS.partial;
  if (label === 'breached') return STATUS_COLOURS.bad;
  return STATUS_COLOURS.none;
}

/**
 * An obligation's status over time, as segments [{from, to, label}] from the scenario's start to `end`, from the
 * history's obligation changes (the label before the first change is that change's `from`; without any, today's).
 */
export function segments(timeline, obligation, end) {
  const changes = timeline.history.filter(h => h.kind === 'obligation' && h.id === obligation.id);
  const out = [];
  let from = timeline.start;
  let label = changes.length ? changes[0].from : obligation.label;
  for (const c of changes) {
    if (+new Date(c.time) > +new Date(end)) break;
    if (+new Date(c.time) > +new Date(from)) out.push({ from, to: c.time, label });
    from = c.time;
    label = c.to;
  }
  if (+new Date(end) > +new Date(from)) out.push({ from, to: end, label });
  return out;
}

/** The label of an obligation at instant t. */
export function labelAt(timeline, obligation, t) {
  const s = segments(timeline, obligation, timeline.asOf).find(x => +new Date(x.from) <= +new Date(t) && +new Date(t) < +new Date(x.to));
  return s ? s.label : obligation.label;
}

/** The gates open at instant t, by the history's gate changes. */
export function gatesOpenAt(timeline, t) {
  const open = new Set();
  for (const h of timeline.history) {
    if (h.kind !== 'gate' || +new Date(h.time) > +new Date(t)) continue;
    if (h.to === 'open') open.add(h.id); else open.delete(h.id);
  }
  return timeline.gates.filter(g => open.has(g.id));
}
