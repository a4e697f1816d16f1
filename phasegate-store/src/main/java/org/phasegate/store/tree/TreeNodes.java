package org.phasegate.store.tree;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.phasegate.store.StoreException;

/**
 * The ledger's Merkle tree as stored: entry hashes are the leaves' data (leaf i is entry i + 1), complete subtrees of
 * {@link Frontier#STORED_LEVEL} levels and more are rows of {@code merkle_node}; smaller subtrees are recomputed from
 * at most 255 entry hashes. Reads within the caller's transaction.
 */
public final class TreeNodes implements Proofs.Subtrees {
    private final Connection c;
    // a proof names O(log n) subtrees, but assembling the right edge's ones asks for the same stored nodes repeatedly
    private final Map<String, byte[]> seen = new HashMap<>();
    private final Map<Long, List<byte[]>> blocks = new HashMap<>();

    public TreeNodes(Connection c) {
        this.c = c;
    }

    /** The number of entries (leaves). */
    public long size() throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM ledger_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public byte[] hash(long start, long end) {
        return decompose(start, end, this::stored, this::fromLeaves);
    }

    /** The consistency proof from {@code first} to {@code second} leaves, its subtrees fetched in one query. */
    public List<byte[]> consistency(long first, long second) throws SQLException {
        prefetch(t -> new Proofs(t).consistency(first, second));
        return new Proofs(this).consistency(first, second);
    }

    /** The inclusion proof of leaf {@code index} in the tree of {@code size} leaves, its subtrees fetched in one query. */
    public List<byte[]> inclusion(long index, long size) throws SQLException {
        prefetch(t -> new Proofs(t).inclusion(index, size));
        return new Proofs(this).inclusion(index, size);
    }

    private interface Base {
        byte[] hash(long a, long b) throws SQLException;
    }

    /** MTH(D[start:end]) from stored subtrees (aligned, 2^STORED_LEVEL leaves or more) and leaves (smaller ones). */
    private static byte[] decompose(long start, long end, Base stored, Base leaves) {
        long n = end - start;
        if (n < 1) throw new IllegalArgumentException("empty range " + start + ".." + end);
        try {
            if (Long.bitCount(n) == 1 && start % n == 0) {
                int level = Long.numberOfTrailingZeros(n);
                return level >= Frontier.STORED_LEVEL ? stored.hash(level, start >> level) : leaves.hash(start, end);
            }
            long k = Proofs.largestPowerOfTwoBelow(n);
            return Rfc9162.nodeHash(decompose(start, start + k, stored, leaves), decompose(start + k, end, stored, leaves));
        } catch (SQLException e) {
            throw new StoreException("database: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the proof's plan once against placeholders to learn which stored subtrees and leaf blocks it names (the
     * recursion depends on sizes only), then reads them all at once: a proof costs two or three queries, not dozens.
     */
    private void prefetch(java.util.function.Consumer<Proofs.Subtrees> plan) throws SQLException {
        var nodes = new java.util.LinkedHashSet<List<Long>>();
        var wanted = new java.util.TreeMap<Long, Long>();   // leaf block -> the end of the leaves needed in it
        var zero = new byte[32];
        plan.accept((a, b) -> decompose(a, b, (level, index) -> {
            if (!seen.containsKey(level + ":" + index)) nodes.add(List.of(level, index));
            return zero;
        }, (x, y) -> {
            wanted.merge(x >> Frontier.STORED_LEVEL, y, Math::max);
            return zero;
        }));
        if (!nodes.isEmpty()) {
            var sql = "SELECT level, idx, hash FROM merkle_node WHERE (level, idx) IN (" + String.join(", ", java.util.Collections.nCopies(nodes.size(), "(?, ?)")) + ")";
            try (var ps = c.prepareStatement(sql)) {
                int i = 1;
                for (var k : nodes) {
                    ps.setInt(i++, k.get(0).intValue());
                    ps.setLong(i++, k.get(1));
                }
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) seen.put(rs.getInt(1) + ":" + rs.getLong(2), rs.getBytes(3));
                }
            }
        }
        for (var w : wanted.entrySet()) {
            long from = w.getKey() << Frontier.STORED_LEVEL;
            var known = blocks.get(w.getKey());
            if (known == null || known.size() < w.getValue() - from) blocks.put(w.getKey(), leaves(from, w.getValue()));
        }
    }

    /** The frontier of the tree of {@code size} leaves, from stored subtrees and the last partial block's entries. */
    public Frontier frontier(long size) throws SQLException {
        prefetch(t -> frontierNodes(t, size));
        return Frontier.of(size, frontierNodes(this, size));
    }

    private static List<Frontier.Node> frontierNodes(Proofs.Subtrees tree, long size) {
        var nodes = new ArrayList<Frontier.Node>();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size & (1L << level)) == 0) continue;
            nodes.add(new Frontier.Node(level, start >> level, tree.hash(start, start + (1L << level))));
            start += 1L << level;
        }
        return nodes;
    }

    /** Stores the subtrees of entries beyond the stored ones (after an import); the caller holds the ledger lock. */
    public void catchUp() throws SQLException {
        long size = size();
        long covered;
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT coalesce(max(idx) + 1, 0) FROM merkle_node WHERE level = " + Frontier.STORED_LEVEL)) {
            rs.next();
            covered = rs.getLong(1) << Frontier.STORED_LEVEL;
        }
        if (size - covered < (1L << Frontier.STORED_LEVEL)) return;
        var f = frontier(covered);
        var added = new ArrayList<Frontier.Node>();
        try (var ps = c.prepareStatement("SELECT hash FROM ledger_entry WHERE seq > ? ORDER BY seq")) {
            ps.setLong(1, covered);
            ps.setFetchSize(4096);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) added.addAll(f.add(rs.getBytes(1)));
            }
        }
        insert(added);
    }

    public void insert(List<Frontier.Node> nodes) throws SQLException {
        if (nodes.isEmpty()) return;
        try (var ps = c.prepareStatement("INSERT INTO merkle_node (level, idx, hash) VALUES (?, ?, ?)")) {
            for (var n : nodes) {
                ps.setInt(1, n.level());
                ps.setLong(2, n.index());
                ps.setBytes(3, n.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The data of leaves [start, end): the hashes of entries start + 1 .. end. */
    public List<byte[]> leaves(long start, long end) throws SQLException {
        var out = new ArrayList<byte[]>((int) (end - start));
        try (var ps = c.prepareStatement("SELECT hash FROM ledger_entry WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            ps.setLong(1, start);
            ps.setLong(2, end);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getBytes(1));
            }
        }
        if (out.size() != end - start) {
            throw new StoreException("the ledger lacks entries among " + (start + 1) + ".." + end + " (run phasegate ledger verify)");
        }
        return out;
    }

    /** Subtrees below the stored level lie within one block of 2^STORED_LEVEL leaves, read once. */
    private byte[] fromLeaves(long start, long end) throws SQLException {
        long block = start >> Frontier.STORED_LEVEL;
        long blockStart = block << Frontier.STORED_LEVEL;
        var leaves = blocks.get(block);
        if (leaves == null || leaves.size() < end - blockStart) {
            leaves = leaves(blockStart, Math.max(end, Math.min(blockStart + (1L << Frontier.STORED_LEVEL), size())));
            blocks.put(block, leaves);
        }
        var f = new Frontier();
        for (var l : leaves.subList((int) (start - blockStart), (int) (end - blockStart))) f.add(l);
        return f.root();
    }

    private byte[] stored(long level, long index) throws SQLException {
        var known = seen.get(level + ":" + index);
        if (known != null) return known;
        var h = lookUp(level, index);
        seen.put(level + ":" + index, h);
        return h;
    }

    private byte[] lookUp(long level, long index) throws SQLException {
        try (var ps = c.prepareStatement("SELECT hash FROM merkle_node WHERE level = ? AND idx = ?")) {
            ps.setInt(1, (int) level);
            ps.setLong(2, index);
            try (var rs = ps.executeQuery()) {
                if (rs.next()) return rs.getBytes(1);
            }
        }
        throw new StoreException("the Merkle tree lacks its subtree at level " + level + ", index " + index
                + " (run phasegate ledger verify; phasegate ledger rebuild restores it from the ledger)");
    }
}
