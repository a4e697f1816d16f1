// Shared by every page: the API client, who is signed in, the navigation, tables, formatting and the palette.
import { PAGES } from './pages.js';

const BASE = '/api/v1';
const CSRF_KEY = 'phasegate.csrf';

/** Okabe & Ito's colour-blind-safe palette (https://jfly.uni-koeln.de/color/), by name. */
export const PALETTE = Object.freeze({
  black: '#000000', orange: '#E69F00', skyBlue: '#56B4E9', bluishGreen: '#009E73',
  yellow: '#F0E442', blue: '#0072B2', vermillion: '#D55E00', reddishPurple: '#CC79A7',
});
/** The palette in the order charts use for series. */
export const SERIES = Object.freeze([PALETTE.blue, PALETTE.orange, PALETTE.bluishGreen, PALETTE.vermillion,
  PALETTE.reddishPurple, PALETTE.skyBlue, PALETTE.yellow, PALETTE.black]);
/** Meaning → colour, the same on every page: done/open, in progress, not started/closed, breached/refused. */
export const STATUS_COLOURS = Object.freeze({
  good: PALETTE.bluishGreen, partial: PALETTE.orange, none: PALETTE.skyBlue, bad: PALETTE.vermillion,
});

/** An error from the API: the problem's detail as message, with its status, field and located problems. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `the server answered ${status}`);
    this.status = status;
    this.field = problem.field;
    this.value = problem.value;
    this.problems = problem.problems || [];
  }
}

/** Remembers the CSRF token sign-in gave; every state-changing request sends it. */
export function rememberCsrf(token) {
  if (token) sessionStorage.setItem(CSRF_KEY, token); else sessionStorage.removeItem(CSRF_KEY);
}

/**
 * Calls the API at /api/v1 + path. options: method (GET), body (sent as JSON; a string is sent as is), headers.
 * Resolves to the parsed JSON (null for 204); rejects with an ApiError carrying the problem's detail.
 */
export async function api(path, options = {}) {
  const method = options.method || 'GET';
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  let body;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] = headers['Content-Type'] || 'application/json';
  }
  const csrf = sessionStorage.getItem(CSRF_KEY);
  if (csrf && !['GET', 'HEAD'].includes(method)) headers['X-CSRF-Token'] = csrf;
  let res;
  try {
    res = await fetch(BASE + path, { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { detail: `the server cannot be reached (${e.message}); check that it is running` });
  }
  if (res.status === 204) return null;
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!res.ok) throw new ApiError(res.status, json || { detail: `the server answered ${res.status}` });
  return json;
}

/** The caller: {user, role, via, org?}; role "anonymous" when not signed in. */
export function whoami() {
  return api('/session');
}

/** Creates an element: el('a', {href: '/'}, 'text', child...). Text is always text, never parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

/**
 * Fills <header id="top"> with the skip link, the site name, the pages (the current one marked) and who is signed in,
 * with a sign-in or sign-out control. Resolves to whoami()'s answer.
 */
export async function renderNav(currentPage) {
  let me = { user: 'anonymous', role: 'anonymous' };
  try { me = await whoami(); } catch (e) { me = { user: 'anonymous', role: 'anonymous', error: e.message }; }
  const header = document.getElementById('top');
  const links = PAGES.filter(p => p.roles === 'anyone' || p.roles.includes(me.role)).map(p => el('li', {},
    el('a', { href: p.href, 'aria-current': p.id === currentPage ? 'page' : null }, p.title)));
  const account = me.role === 'anonymous'
    ? el('a', { href: '/login.html?next=' + encodeURIComponent(location.pathname + location.search), id: 'sign-in' }, 'Sign in')
    : el('span', {}, el('span', { id: 'whoami' }, `${me.user} (${me.role}${me.org ? ', ' + me.org : ''})`), ' ',
      el('button', { type: 'button', id: 'sign-out', onclick: signOut }, 'Sign out'));
  header.replaceChildren(
    el('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    el('a', { class: 'brand', href: '/' }, 'Phasegate'),
    el('nav', { 'aria-label': 'Pages' }, el('ul', {}, links)),
    el('div', { class: 'account' }, account));
  return me;
}

async function signOut() {
  try { await api('/session', { method: 'DELETE' }); } finally { rememberCsrf(null); location.assign('/'); }
}

/**
 * Renders rows as an accessible table into container (replacing its content). columns: [{key, label, format?, numeric?}];
 * format(value, row) may return text or a Node. caption: what the table shows (also the text alternative of a chart).
 */
export function dataTable(container, columns, rows, caption) {
  const head = el('tr', {}, columns.map(c => el('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)));
  const body = rows.map(r => el('tr', {}, columns.map(c => {
    const v = c.format ? c.format(r[c.key], r) : r[c.key];
    return el('td', { class: c.numeric ? 'num' : null }, v === undefined || v === null ? '—' : v);
  })));
  const table = el('table', { class: 'data' }, caption ? el('caption', {}, caption) : null, el('thead', {}, head),
    el('tbody', {}, rows.length ? body : el('tr', {}, el('td', { colspan: columns.length }, 'none'))));
  container.replaceChildren(el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption || 'table' }, table));
  return table;
}

/** Shows an error where the page's content would go, in words: never a stack trace. */
export function showError(container, error) {
  container.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message || String(error)));
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit',
  minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

/** "9 Oct 2025" (UTC) for an ISO date or instant; the input unchanged when it is not one. */
export function formatDate(iso) {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  return Number.isNaN(d.getTime()) ? String(iso) : DATE.format(d);
}

/** "9 Oct 2025, 12:00 UTC" for an ISO instant. */
export function formatDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : DATE_TIME.format(d);
}

/** A number with thousands separators and at most `digits` decimals; "—" when absent or not finite. */
export function formatNumber(n, digits = 0) {
  if (n === undefined || n === null || !Number.isFinite(Number(n))) return '—';
  return Number(n).toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/** A share 0..1 as "42%" ("42.5%" with digits = 1); "unknown" when absent. */
export function formatPercent(p, digits = 0) {
  if (p === undefined || p === null || !Number.isFinite(Number(p))) return 'unknown';
  return (Number(p) * 100).toLocaleString('en-GB', { maximumFractionDigits: digits }) + '%';
}

/** Whole days between an ISO instant and now (the browser's clock), e.g. for "reported 3 days ago". */
export function daysSince(iso, now = new Date()) {
  return Math.floor((now.getTime() - new Date(iso).getTime()) / 86400000);
}

/** Marks the page as drawn (its data shown, or its error): the browser tests wait for this before they look. */
export function ready() {
  document.documentElement.dataset.ready = 'true';
}
