package org.phasegate.store.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates RFC 9162 proofs by the RFC's recursive definitions (PATH of §2.1.3.1, PROOF and SUBPROOF of §2.1.4.1),
 * asking a {@link Subtrees} source for the hash of each subtree the proof names. With stored subtree hashes a proof
 * costs O(log n) look-ups, whatever the tree size.
 */
public final class Proofs {
    /** MTH(D[start:end]), the Merkle tree hash of leaves start (inclusive) to end (exclusive). */
    public interface Subtrees {
        byte[] hash(long start, long end);
    }

    private final Subtrees tree;

    public Proofs(Subtrees tree) {
        this.tree = tree;
    }

    /** The inclusion proof (audit path) of leaf {@code index} in the tree of {@code size} leaves. */
    public List<byte[]> inclusion(long index, long size) {
        if (index < 0 || index >= size) throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        var out = new ArrayList<byte[]>();
        path(index, 0, size, out);
        return out;
    }

    /** The consistency proof between the tree of {@code first} leaves and the tree of {@code second} leaves. */
    public List<byte[]> consistency(long first, long second) {
        if (first < 1 || first > second) throw new IllegalArgumentException("no consistency proof from " + first + " to " + second + " leaves");
        var out = new ArrayList<byte[]>();
        subproof(first, 0, second, true, out);
        return out;
    }

    /** PATH(m, D[start:end]), appended bottom-up as the RFC lists it. */
    private void path(long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) return;
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, out);
            out.add(tree.hash(start + k, end));
        } else {
            path(m - k, start + k, end, out);
            out.add(tree.hash(start, start + k));
        }
    }

    /** SUBPROOF(m, D[start:end], b). */
    private void subproof(long m, long start, long end, boolean b, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!b) out.add(tree.hash(start, end));
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, b, out);
            out.add(tree.hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(tree.hash(start, start + k));
        }
    }

    /** The largest power of two smaller than n (n > 1). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
