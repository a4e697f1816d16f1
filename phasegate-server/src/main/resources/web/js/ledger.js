// Ledger: the signed tree head with its signatures (the server's and witnesses' cosignatures), the ledger's
// verification (signed-in users), and a record's inclusion proof, checked again here in the browser.
import { api, ready, renderNav, el, dataTable, formatDateTime, formatNumber, showError } from './app.js';
import { leafHash, verifyInclusion } from './merkle.js';

const $ = id => document.getElementById(id);

async function main() {
  const me = await renderNav('ledger');
  try {
    const head = await api('/ledger/head');
    $('head-body').replaceChildren(el('dl', { class: 'facts' },
      el('dt', {}, 'Entries (tree size)'), el('dd', { id: 'tree-size' }, formatNumber(head.treeSize)),
      el('dt', {}, 'Root hash (SHA-256)'), el('dd', {}, el('code', { id: 'root-hash' }, head.rootHash)),
      el('dt', {}, 'Signed at'), el('dd', {}, formatDateTime(head.timestamp))));
    const table = el('div');
    dataTable(table, [
      { key: 'signer', label: 'Signer' }, { key: 'org', label: 'Organisation' }, { key: 'keyId', label: 'Key id', format: v => el('code', {}, v) },
      { key: 'keySeq', label: 'Key no.', numeric: true }, { key: 'timestamp', label: 'Signed at', format: formatDateTime },
    ], head.signatures, `${head.signatures.length} signature(s) over this head`);
    $('witnesses-body').replaceChildren(head.signatures.length ? table : el('p', { class: 'muted' },
      'No witness has cosigned this head yet: each new entry makes a new head, and a witness of another organisation signs one with ',
      el('code', {}, 'phasegate ledger cosign --as NAME'), ' (docs/ledger.md, Witnesses).'));
    await verifySection(me);
    $('proof-form').addEventListener('submit', e => { e.preventDefault(); prove($('proof-id').value.trim()); });
    const wanted = new URLSearchParams(location.search).get('record');
    if (wanted) { $('proof-id').value = wanted; await prove(wanted); }
  } catch (e) {
    showError($('head-body'), e);
  }
  ready();
}

async function verifySection(me) {
  if (me.role === 'anonymous') {
    $('verify-body').replaceChildren(el('p', { class: 'muted' }, 'Signed-in users can have the server check every entry\'s hash, link and signature. ',
      'Anyone can check a record\'s inclusion proof below, in this browser.'));
    return;
  }
  const v = await api('/ledger/verify');
  $('verify-body').replaceChildren(el('p', { id: 'verify-status', class: v.ok ? 'notice' : 'error' },
    v.ok ? `Every hash, link and signature checks: ${formatNumber(v.entries)} entries, ${formatNumber(v.checkpoints)} checkpoints.`
      : `The ledger does not verify: ${v.firstBad}`));
}

async function prove(id) {
  if (!id) return;
  const out = $('proof-body');
  try {
    const p = await api(`/ledger/proofs/inclusion/${encodeURIComponent(id)}`);
    const leafOk = (await leafHash(p.entryHash)) === p.leafHash;
    const pathOk = await verifyInclusion(p.leafIndex, p.treeSize, p.leafHash, p.inclusionPath, p.rootHash);
    const headOk = p.head.rootHash === p.rootHash && p.head.treeSize === p.treeSize;
    const ok = leafOk && pathOk && headOk;
    out.replaceChildren(el('div', { class: 'card', id: 'proof-detail' },
      el('p', { id: 'proof-status', class: ok ? 'notice' : 'error' }, ok
        ? `Checked in this browser: entry ${p.entrySeq} (record ${p.recordId}) is leaf ${p.leafIndex} of the signed tree of ${formatNumber(p.treeSize)} entries.`
        : `The proof does not check: ${[leafOk ? '' : 'leaf hash', pathOk ? '' : 'inclusion path', headOk ? '' : 'signed head'].filter(Boolean).join(', ')} failed.`),
      el('dl', { class: 'facts' },
        el('dt', {}, 'Entry hash'), el('dd', {}, el('code', {}, p.entryHash)),
        el('dt', {}, 'Leaf hash'), el('dd', {}, el('code', {}, p.leafHash)),
        el('dt', {}, 'Path'), el('dd', {}, el('ol', {}, p.inclusionPath.map(h => el('li', {}, el('code', {}, h))))),
        el('dt', {}, 'Root hash'), el('dd', {}, el('code', {}, p.rootHash))),
      p.note ? el('p', { class: 'muted' }, p.note) : null));
  } catch (e) {
    showError(out, e);
  }
}

main();
