package org.phasegate.store.ledger;

import java.sql.SQLException;
import java.util.SplittableRandom;
import org.phasegate.store.Database;
import org.phasegate.store.Tx;
import org.phasegate.store.tree.Rfc9162;
import org.phasegate.store.tree.TreeNodes;

/**
 * Times RFC 9162 proofs over a ledger grown to {@code size} entries: the entries beyond the bench's signed ones are
 * bulk-inserted (hash = SHA-256 of the sequence number; unsigned, the ledger no longer verifies afterwards, so this
 * runs last) and their stored subtrees built exactly as appends build them. Each proof starts from a fresh
 * {@link TreeNodes} (no cache carried over) and is checked against the tree's root.
 */
final class ProofBench {
    /** Milliseconds per proof (mean and worst), each a fresh proof from random sizes. */
    record Figures(long treeSize, int proofs, double consistencyMeanMs, double consistencyMaxMs, double inclusionMeanMs) {
    }

    private ProofBench() {
    }

    static Figures run(Database db, long size, int proofs) throws SQLException {
        try (var owner = db.ownerConnection(); var st = owner.createStatement()) {
            st.execute("INSERT INTO ledger_entry (seq, kind, actor, at, payload, prev_hash, hash, signature)"
                    + " SELECT g, 'bench', 'bench', now(), '{}', '\\x00'::bytea, sha256(int8send(g)), '\\x00'::bytea"
                    + " FROM generate_series((SELECT coalesce(max(seq), 0) + 1 FROM ledger_entry), " + size + ") g");
        }
        byte[] root = Tx.run(db.dataSource(), c -> {
            var tree = new TreeNodes(c);
            tree.catchUp();
            return tree.frontier(tree.size()).root();
        });
        var rnd = new SplittableRandom(42);
        double sum = 0;
        double max = 0;
        double inclusion = 0;
        for (int i = -proofs / 10; i < proofs; i++) {   // the first tenth warms up and is not counted
            long m = 1 + rnd.nextLong(size - 1);
            long index = rnd.nextLong(size);
            long t0 = System.nanoTime();
            var proof = Tx.run(db.dataSource(), c -> new TreeNodes(c).consistency(m, size));
            double ms = (System.nanoTime() - t0) / 1e6;
            var old = Tx.run(db.dataSource(), c -> new TreeNodes(c).hash(0, m));
            if (!Rfc9162.verifyConsistency(m, size, old, root, proof)) throw new IllegalStateException("consistency proof " + m + " to " + size + " fails");
            long t1 = System.nanoTime();
            var path = Tx.run(db.dataSource(), c -> new TreeNodes(c).inclusion(index, size));
            double inMs = (System.nanoTime() - t1) / 1e6;
            var leaf = Tx.run(db.dataSource(), c -> Rfc9162.leafHash(new TreeNodes(c).leaves(index, index + 1).getFirst()));
            if (!Rfc9162.verifyInclusion(index, size, leaf, path, root)) throw new IllegalStateException("inclusion proof of " + index + " fails");
            if (i < 0) continue;
            sum += ms;
            max = Math.max(max, ms);
            inclusion += inMs;
        }
        return new Figures(size, proofs, sum / proofs, max, inclusion / proofs);
    }

}
