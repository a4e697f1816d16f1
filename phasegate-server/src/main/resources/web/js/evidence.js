// Evidence: look up a record; monitors report, attest others' records and correct; monitors and the board dispute;
// the board adjudicates. Each section shows only for roles the API lets do it; the API decides in any case.
import { api, ready, renderNav, el, dataTable, formatDateTime, showError } from './app.js';
import { reportForm, showApiError, clearErrors } from './evidence-form.js';

const $ = id => document.getElementById(id);

async function main() {
  const me = await renderNav('evidence');
  try {
    $('lookup-form').addEventListener('submit', e => { e.preventDefault(); lookup($('lookup-id').value.trim()); });
    const wanted = new URLSearchParams(location.search).get('id');
    if (wanted) { $('lookup-id').value = wanted; await lookup(wanted); }
    if (me.role === 'monitor') await monitorSections(me);
    if (me.role === 'monitor' || me.role === 'board') disputeSection(me);
  } catch (e) {
    showError($('lookup-result'), e);
  }
  ready();
}

async function monitorSections(me) {
  const { scenarios } = await api('/scenarios');
  const stored = scenarios.find(s => s.stored);
  const scenario = stored ? await api(`/scenarios/${encodeURIComponent(stored.id)}`) : { partyIds: [] };
  $('report').hidden = false;
  const form = reportForm($('report-form'), scenario.partyIds || [], $('report-result'), $('report-mode'));
  $('corrections').hidden = false;
  $('correct-form').addEventListener('submit', async e => {
    e.preventDefault();
    try { form.load(await api(`/records/${encodeURIComponent($('correct-id').value.trim())}`)); $('correct-result').replaceChildren(); }
    catch (err) { showError($('correct-result'), err); }
  });
  $('queue').hidden = false;
  await drawQueue(me);
}

/** Records other organisations reported that still need attestations and that this monitor has not attested. */
async function drawQueue(me) {
  const pending = [];
  for (const state of ['reported', 'corroborated']) {
    const page = await api(`/records?state=${state}&limit=1000`);
    pending.push(...page.items);
  }
  const mine = pending.filter(r => r.reporterOrg.toLowerCase() !== (me.org || '').toLowerCase()
    && !r.attestations.some(a => a.by === me.user || a.org.toLowerCase() === (me.org || '').toLowerCase()));
  dataTable($('queue-table'), [
    { key: 'id', label: 'Record', format: v => el('a', { href: `/evidence.html?id=${encodeURIComponent(v)}` }, v) },
    { key: 'type', label: 'Type' },
    { key: 'time', label: 'Observed', format: formatDateTime },
    { key: 'reporter', label: 'Reported by', format: (v, r) => `${v} (${r.reporterOrg})` },
    { key: 'attestations', label: 'Attested by', format: v => v.map(a => a.org).join(', ') || 'nobody yet' },
    { key: 'required', label: 'Needs', numeric: true, format: v => `${v} organisations` },
    { key: 'id', label: 'Action', format: v => el('button', { type: 'button', 'data-attest': v, onclick: () => attest(me, v) }, `Attest ${v}`) },
  ], mine, `${mine.length} record(s) waiting for your organisation's attestation`);
}

async function attest(me, id) {
  try {
    const r = await api(`/records/${encodeURIComponent(id)}/attestations`, { method: 'POST' });
    $('queue-result').replaceChildren(el('p', { class: 'notice', id: 'attest-done' }, `Attested ${id}: it is now ${r.state}.`));
  } catch (e) {
    showError($('queue-result'), e);
  }
  await drawQueue(me);
}

function disputeSection(me) {
  $('disputes').hidden = false;
  const form = $('dispute-form');
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors(form);
    const id = $('dispute-id').value.trim();
    try {
      const r = await api(`/records/${encodeURIComponent(id)}/disputes`, { method: 'POST', body: { reason: $('dispute-reason').value } });
      $('dispute-result').replaceChildren(el('p', { class: 'notice' }, `Disputed ${id}: it is now ${r.state}; the board adjudicates.`));
      if (me.role === 'board') await drawDisputed();
    } catch (err) {
      showApiError(form, err);
    }
  });
  if (me.role === 'board') { $('adjudication').hidden = false; drawDisputed(); }
}

async function drawDisputed() {
  const page = await api('/records?state=disputed&limit=1000');
  dataTable($('disputed-table'), [
    { key: 'id', label: 'Record', format: v => el('a', { href: `/evidence.html?id=${encodeURIComponent(v)}` }, v) },
    { key: 'type', label: 'Type' },
    { key: 'reporter', label: 'Reported by', format: (v, r) => `${v} (${r.reporterOrg})` },
    { key: 'id', label: 'Decision', format: v => adjudicationForm(v) },
  ], page.items, `${page.items.length} disputed record(s)`);
}

function adjudicationForm(id) {
  const reason = el('input', { id: `adj-reason-${id}`, 'aria-label': `Reason for the decision on ${id}`, required: true, maxlength: 2000, 'data-field': 'reason' });
  const outcome = el('select', { id: `adj-outcome-${id}`, 'aria-label': `Decision on ${id}`, 'data-field': 'outcome' },
    el('option', { value: 'upheld' }, 'upheld (the record stands)'), el('option', { value: 'overturned' }, 'overturned (rejected)'));
  const form = el('form', { class: 'adjudicate' }, outcome, ' ', reason, ' ', el('button', { type: 'submit' }, 'Decide'),
    el('span', { class: 'field-error form-error', role: 'alert' }));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const r = await api(`/records/${encodeURIComponent(id)}/adjudications`, { method: 'POST', body: { outcome: outcome.value, reason: reason.value } });
      $('dispute-result').replaceChildren(el('p', { class: 'notice' }, `${id}: ${outcome.value}; it is now ${r.state}.`));
      await drawDisputed();
    } catch (err) {
      showApiError(form, err);
    }
  });
  return form;
}

/** One record as the caller may see it: state, attestations, what it still needs, sources, its steps. */
async function lookup(id) {
  const out = $('lookup-result');
  if (!id) return;
  try {
    const r = await api(`/records/${encodeURIComponent(id)}`);
    const body = r.body || {};
    out.replaceChildren(el('div', { class: 'card', id: 'record-detail' },
      el('h3', {}, `${r.id} — ${r.type}`),
      el('p', {}, el('strong', { id: 'record-state' }, r.state), ` · ${r.confidentiality} · observed ${formatDateTime(r.time)}`, r.party ? ` · party ${r.party}` : '',
        ` · reported by ${r.reporter} (${r.reporterOrg})`),
      el('p', {}, 'Attested by: ', r.attestations.map(a => `${a.by} (${a.org})`).join(', ') || 'nobody yet',
        r.state === 'verified' ? '' : ` · still needs ${r.stillNeeded}`),
      body.place ? el('p', {}, 'Place: ', body.place.pcode || '', body.place.geometry ? ` ${JSON.stringify(body.place.geometry.coordinates)}` : '') : null,
      el('p', {}, 'Sources: ', ...(r.sources || []).flatMap((s, i) => [i ? ', ' : '', /^https?:\/\//.test(s) ? el('a', { href: s, rel: 'noopener noreferrer' }, s) : s])),
      el('details', {}, el('summary', {}, 'Steps in the ledger'), el('ol', {}, (r.steps || []).map(s =>
        el('li', {}, `${s.what} by ${s.by} (${s.org})${s.reason ? ': ' + s.reason : ''} — entry ${s.entry}`)))),
      el('p', {}, el('a', { href: `/ledger.html?record=${encodeURIComponent(r.id)}` }, 'Inclusion proof in the ledger'))));
  } catch (e) {
    showError(out, e);
  }
}

main();
