// The choropleth's scale: five classes of a colour-blind-safe sequential palette (viridis, light to dark), zero in a
// class of its own, the other four on a square-root scale up to the largest value of ANY month, so that a colour means
// the same number whichever month the slider shows. No value (ACLED reports none) is grey, never zero.

/** viridis at 0.95, 0.7, 0.45, 0.25, 0.02 (light to dark). */
export const COLOURS = Object.freeze(['#e5e419', '#5ec962', '#21918c', '#3b528b', '#440154']);
export const NO_DATA = '#bdbdbd';

/** The classes for values 0..max: [{from, to, colour}], the first being exactly zero. */
export function classes(max) {
  const out = [{ from: 0, to: 0, colour: COLOURS[0] }];
  if (!(max > 0)) return out;
  let from = 1;
  for (let i = 1; i <= 4; i++) {
    const to = i === 4 ? max : Math.max(from, Math.round(max * (i / 4) ** 2));
    if (to >= from) out.push({ from, to, colour: COLOURS[i] });
    from = to + 1;
    if (from > max) break;
  }
  return out;
}

/** The colour of a value under the classes (null or undefined: no data). */
export function colourOf(value, cls) {
  if (value === null || value === undefined) return NO_DATA;
  for (const c of cls) if (value >= c.from && value <= c.to) return c.colour;
  return cls[cls.length - 1].colour;
}

/** A legend: one swatch and range per class, and the no-data swatch. Colours set through the CSSOM (the CSP forbids inline styles). */
export function legend(cls, unit, el) {
  const item = (colour, text) => {
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = colour;
    return el('li', {}, swatch, text);
  };
  return el('ul', { class: 'legend', 'aria-label': `Colour scale, ${unit}` },
    cls.map(c => item(c.colour, c.from === c.to ? `${c.from.toLocaleString('en-GB')} ${unit}` : `${c.from.toLocaleString('en-GB')}–${c.to.toLocaleString('en-GB')} ${unit}`)),
    item(NO_DATA, 'no value reported'));
}
