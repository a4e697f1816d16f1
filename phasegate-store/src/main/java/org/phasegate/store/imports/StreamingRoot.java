package org.phasegate.store.imports;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import org.phasegate.store.tree.Rfc9162;

/**
 * The RFC 9162 Merkle tree hash of leaves given one at a time, in O(log n) memory: complete subtrees are merged as
 * they fill (sizes strictly decreasing from the bottom of the stack), and {@link #root} folds the rest right to left,
 * which is MTH's split at the largest power of two below n.
 */
final class StreamingRoot {
    private record Subtree(long size, byte[] hash) {
    }

    private final ArrayDeque<Subtree> stack = new ArrayDeque<>();
    private final MessageDigest md = PreparedRow.sha256();
    private long size;

    /** Adds the next leaf's data (its leaf hash is taken here). */
    void add(byte[] leafData) {
        addLeafHash(Rfc9162.leafHash(leafData));
    }

    /** Adds the next leaf by its leaf hash, SHA-256(0x00 || leaf data). */
    void addLeafHash(byte[] leafHash) {
        var t = new Subtree(1, leafHash);
        while (!stack.isEmpty() && stack.peek().size() == t.size()) {
            var left = stack.pop();
            t = new Subtree(left.size() * 2, node(left.hash(), t.hash()));
        }
        stack.push(t);
        size++;
    }

    /** {@link Rfc9162#nodeHash}, with this tree's digest instead of a new one per node. */
    private byte[] node(byte[] left, byte[] right) {
        md.update((byte) 1);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    long size() {
        return size;
    }

    byte[] root() {
        if (stack.isEmpty()) return Rfc9162.emptyRoot();
        var it = stack.iterator();   // top (smallest, rightmost) first
        byte[] r = it.next().hash();
        while (it.hasNext()) r = node(it.next().hash(), r);
        return r;
    }
}
