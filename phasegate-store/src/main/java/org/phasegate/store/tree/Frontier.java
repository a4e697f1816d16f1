package org.phasegate.store.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing Merkle tree: one complete subtree per set bit of the size (a compact range), so leaves
 * can be added one at a time in O(1) amortised hashing and O(log n) memory. Reports every complete subtree of
 * {@link #STORED_LEVEL} or more levels as it completes: those are the subtrees the store keeps, from which any proof
 * is assembled with few look-ups.
 */
public final class Frontier {
    /** Complete subtrees of 2^8 = 256 leaves and more are stored; smaller ones are recomputed from the entries. */
    public static final int STORED_LEVEL = 8;

    /** A complete subtree: leaves [index * 2^level, (index + 1) * 2^level). */
    public record Node(int level, long index, byte[] hash) {
    }

    private final List<Node> stack = new ArrayList<>();
    private long size;

    /** A frontier for a tree of {@code size} leaves whose complete subtrees, largest first, are {@code nodes}. */
    public static Frontier of(long size, List<Node> nodes) {
        var f = new Frontier();
        f.size = size;
        if (nodes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(size) + " frontier nodes, not " + nodes.size());
        }
        f.stack.addAll(nodes);
        return f;
    }

    public long size() {
        return size;
    }

    /** Adds the next leaf (its data, not yet leaf-hashed); returns the stored-level subtrees it completes. */
    public List<Node> add(byte[] leafData) {
        var completed = new ArrayList<Node>(1);
        var node = new Node(0, size, Rfc9162.leafHash(leafData));
        while (!stack.isEmpty() && stack.getLast().level() == node.level()) {
            var left = stack.removeLast();
            node = new Node(node.level() + 1, node.index() >> 1, Rfc9162.nodeHash(left.hash(), node.hash()));
            if (node.level() >= STORED_LEVEL) completed.add(node);
        }
        stack.add(node);
        size++;
        return completed;
    }

    /** The complete subtrees of the frontier, largest (leftmost) first. */
    public List<Node> nodes() {
        return List.copyOf(stack);
    }

    /** MTH of the leaves added so far: the frontier's subtrees folded from the right. */
    public byte[] root() {
        if (stack.isEmpty()) return Rfc9162.emptyRoot();
        byte[] r = stack.getLast().hash();
        for (int i = stack.size() - 2; i >= 0; i--) r = Rfc9162.nodeHash(stack.get(i).hash(), r);
        return r;
    }
}
