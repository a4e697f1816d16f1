package org.phasegate.store.tree;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 transcribed literally over lists of leaf data, independent of the code under
 * test (its own SHA-256 calls, no shared helpers): the definitions the production proofs are compared with.
 */
final class Rfc9162Reference {
    private Rfc9162Reference() {
    }

    static byte[] sha256(byte prefix, byte[]... parts) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            md.update(prefix);
            for (var p : parts) md.update(p);
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] leaf(byte[] d) {
        return sha256((byte) 0, d);
    }

    static byte[] node(byte[] l, byte[] r) {
        return sha256((byte) 1, l, r);
    }

    /** k: the largest power of two smaller than n, counted up from 1. */
    static int k(int n) {
        int k = 1;
        while (k * 2 < n) k *= 2;
        return k;
    }

    /** MTH(D[n]). */
    static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            try {
                return MessageDigest.getInstance("SHA-256").digest();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
        if (d.size() == 1) return leaf(d.get(0));
        int k = k(d.size());
        return node(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> d) {
        var out = new ArrayList<byte[]>();
        if (d.size() == 1) return out;
        int k = k(d.size());
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(path(m - k, d.subList(k, d.size())));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
    static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        var out = new ArrayList<byte[]>();
        if (m == d.size()) {
            if (!b) out.add(mth(d));
            return out;
        }
        int k = k(d.size());
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(subproof(m - k, d.subList(k, d.size()), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** The reference as a subtree source for the production generator. */
    static Proofs.Subtrees over(List<byte[]> d) {
        return (start, end) -> mth(d.subList((int) start, (int) end));
    }
}
