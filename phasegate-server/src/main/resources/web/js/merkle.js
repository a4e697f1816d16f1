// RFC 9162 (Certificate Transparency v2) Merkle proofs checked in the browser with the Web Crypto API, so a reader
// need not trust the server's word that a record is in the signed tree.

const hex = bytes => Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
const unhex = h => Uint8Array.from(h.match(/../g) || [], b => parseInt(b, 16));

async function sha256(...parts) {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.length; }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
}

/** §2.1.1: a leaf's hash, SHA-256(0x00 || data); data given as hex. Resolves to hex. */
export async function leafHash(dataHex) {
  return hex(await sha256(Uint8Array.of(0), unhex(dataHex)));
}

/**
 * §2.1.3.2: does the path (hex hashes) prove that the leaf (hex hash) is at index in the tree of treeSize leaves with
 * this root (hex)? Resolves to true or false.
 */
export async function verifyInclusion(index, treeSize, leafHex, pathHex, rootHex) {
  if (index < 0 || index >= treeSize) return false;
  let fn = BigInt(index), sn = BigInt(treeSize) - 1n;
  let r = unhex(leafHex);
  for (const p of pathHex.map(unhex)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = await sha256(Uint8Array.of(1), p, r);
      while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      r = await sha256(Uint8Array.of(1), r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && hex(r) === rootHex.toLowerCase();
}
