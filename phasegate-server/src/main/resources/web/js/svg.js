// SVG drawn as DOM nodes (no markup strings: nothing is parsed as HTML, and no inline style, which the CSP forbids).
const NS = 'http://www.w3.org/2000/svg';

/** svg('rect', {x: 1, class: 'bar'}, child...): attributes set one by one; a string child becomes text. */
export function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) e.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

/** A time scale: instant (ISO or ms) to x between x0 and x1 for the range [from, to]. */
export function timeScale(from, to, x0, x1) {
  const a = +new Date(from);
  const b = +new Date(to);
  const f = t => x0 + ((+new Date(t) - a) / Math.max(1, b - a)) * (x1 - x0);
  f.ticks = months => monthTicks(a, b, months);
  return f;
}

/** The first instant of every `step`-th month between a and b (ms), for axis labels. */
function monthTicks(a, b, step) {
  const out = [];
  const d = new Date(a);
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  while (t <= b) {
    out.push(t);
    const n = new Date(t);
    t = Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + step, 1);
  }
  return out;
}
