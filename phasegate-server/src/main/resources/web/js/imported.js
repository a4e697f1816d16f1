// How far the imported series the figures count go: the `importedData` lines of the status or timeline answer,
// one per measure over an imported dataset (docs/importing.md, "Measures over imported series").
import { el, formatDate } from './app.js';

/** "data up to 2026-02 (last day 28 Feb 2026), 620 rows counted, import state corroborated", or why there is none. */
export function upToText(d) {
  if (!d.read) return 'not read';
  if (!d.lastDay) return `no row counted yet${d.countedAs && d.countedAs !== d.state ? ` (${stateText(d)})` : ''}`;
  return `data up to ${d.lastPeriod} (last day ${formatDate(d.lastDay)}), ${d.rows.toLocaleString('en')} rows counted, ${stateText(d)}`;
}

/** The import's state, and the one its rows count in under this scenario's policy when that is lower. */
function stateText(d) {
  return !d.countedAs || d.countedAs === d.state ? `import state ${d.state}`
    : `import state ${d.state}, counted as ${d.countedAs} under this scenario's policy`;
}

/** One element per line, marked with its dataset and last day. */
export function importedItems(lines, tag) {
  return lines.map(d => el(tag, { 'data-dataset': d.dataset, 'data-last-day': d.lastDay || '' },
    el('strong', {}, d.dataset), ` (measure ${d.measure}): ${upToText(d)}`));
}

/** A paragraph starting with `lead`, one span per line separated by semicolons; null when no series is read. */
export function importedParagraph(attributes, lead, lines) {
  if (!lines || !lines.length) return null;
  const parts = importedItems(lines, 'span').flatMap((s, i) => (i ? ['; ', s] : [s]));
  return el('p', attributes, lead, ...parts, '.');
}

/** A paragraph after `anchor` saying up to when each imported series runs at the page's date; nothing when none is read. */
export function showImportedData(anchor, lines) {
  const p = importedParagraph({ id: 'imported-data', class: 'muted' }, 'Imported series counted, as of this date: ', lines);
  if (p) anchor.after(p);
}
