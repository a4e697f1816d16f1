package org.phasegate.store.tree;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.Ed25519;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.ledger.Actor;
import org.phasegate.store.ledger.Entry;

/**
 * Signed tree heads: users sign heads the ledger has had (the log's own signature and witnesses' cosignatures), and a
 * head kept elsewhere is checked against the ledger by an RFC 9162 consistency proof and its signatures. Callers pass
 * a size and root they have audited ({@link org.phasegate.store.ledger.Ledger#audit}), never one read unchecked.
 */
public final class Heads {
    private final DataSource ds;
    private final Clock clock;

    public Heads(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    /** What checking a head found: the consistency proof's length, and the organisations whose signatures hold. */
    public record Check(Optional<String> problem, int proofHashes, List<String> organisations, List<String> signers) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /** The head of this size and root with every signature stored for it. */
    public TreeHead head(long size, byte[] root) {
        return Tx.run(ds, c -> {
            var sigs = new ArrayList<TreeHead.Signature>();
            try (var ps = c.prepareStatement("SELECT h.signer, u.org, h.key_seq, k.public_key, h.at, h.signature FROM head_signature h"
                    + " JOIN app_user u ON u.name = h.signer JOIN user_public_key k ON k.seq = h.key_seq"
                    + " WHERE h.tree_size = ? AND h.root = ? ORDER BY h.at, h.signer")) {
                ps.setLong(1, size);
                ps.setBytes(2, root);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) sigs.add(new TreeHead.Signature(rs.getString(1), rs.getString(2), rs.getLong(3),
                            TreeHead.keyId(rs.getBytes(4)), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getBytes(6)));
                }
            }
            var at = sigs.stream().map(TreeHead.Signature::timestamp).max(Instant::compareTo).orElse(Entry.truncate(clock.instant()));
            return new TreeHead(size, root, at, sigs);
        });
    }

    /** Signs the head of this size and root as the user; a user signs a size once. */
    public TreeHead.Signature sign(Actor actor, long size, byte[] root) {
        var at = Entry.truncate(clock.instant());
        var signature = actor.signer().sign(TreeHead.message(size, root, at));
        return Tx.run(ds, c -> {
            try (var ps = c.prepareStatement("SELECT 1 FROM head_signature WHERE tree_size = ? AND signer = ?")) {
                ps.setLong(1, size);
                ps.setString(2, actor.name());
                try (var rs = ps.executeQuery()) {
                    if (rs.next()) throw new StoreException(actor.name() + " has already signed the head of " + size + " entries");
                }
            }
            long keySeq;
            byte[] publicKey;
            try (var ps = c.prepareStatement("SELECT seq, public_key FROM user_public_key WHERE name = ? ORDER BY seq DESC LIMIT 1")) {
                ps.setString(1, actor.name());
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreException("no key for " + actor.name() + " in the ledger");
                    keySeq = rs.getLong(1);
                    publicKey = rs.getBytes(2);
                }
            }
            try (var ps = c.prepareStatement("INSERT INTO head_signature (tree_size, root, signer, key_seq, at, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, size);
                ps.setBytes(2, root);
                ps.setString(3, actor.name());
                ps.setLong(4, keySeq);
                ps.setObject(5, at.atOffset(ZoneOffset.UTC));
                ps.setBytes(6, signature);
                ps.executeUpdate();
            }
            return new TreeHead.Signature(actor.name(), actor.org(), keySeq, TreeHead.keyId(publicKey), at, signature);
        });
    }

    /** Proves that the audited ledger ({@code size} entries, {@code root}) extends {@code head}, and checks its signatures. */
    public Check check(TreeHead head, long size, byte[] root, String source) {
        return Tx.run(ds, c -> {
            if (head.treeSize() > size) {
                return failed(source + " is a head of " + head.treeSize() + " entries, but the ledger has only " + size
                        + ": entries " + (size + 1) + ".." + head.treeSize() + " were removed (truncated or rolled back)");
            }
            var tree = new TreeNodes(c);
            var proof = tree.consistency(head.treeSize(), size);
            if (!Rfc9162.verifyConsistency(head.treeSize(), size, head.rootHash(), root, proof)) {
                return failed("the ledger is not an append-only extension of " + source + ": its first " + head.treeSize()
                        + " entries hash to " + Hashes.hex(tree.hash(0, head.treeSize())) + ", the head says " + Hashes.hex(head.rootHash())
                        + " (the consistency proof fails: history was rewritten, a fork)");
            }
            var orgs = new TreeSet<String>();
            var signers = new ArrayList<String>();
            for (var s : head.signatures()) {
                var bad = signatureProblem(c, s, head.treeSize(), head.rootHash());
                if (bad.isPresent()) return failed(source + ": " + bad.get());
                orgs.add(s.org());
                signers.add(s.signer() + " (" + s.org() + ")");
            }
            return new Check(Optional.empty(), proof.size(), List.copyOf(orgs), signers);
        });
    }

    /** Every stored head signature must hold, on a root the tree had at that size. */
    public static Optional<String> checkStored(Connection c, long size) throws SQLException {
        var tree = new TreeNodes(c);
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT h.tree_size, h.root, h.signer, h.key_seq, h.at, h.signature, u.org"
                + " FROM head_signature h LEFT JOIN app_user u ON u.name = h.signer ORDER BY h.tree_size, h.signer")) {
            while (rs.next()) {
                long n = rs.getLong(1);
                var where = "table head_signature, key (tree_size=" + n + ", signer='" + rs.getString(3) + "'): ";
                if (n < 1 || n > size) return Optional.of(where + "signs a head of " + n + " entries; the ledger has " + size);
                if (!Arrays.equals(tree.hash(0, n), rs.getBytes(2))) return Optional.of(where + "signs a root the ledger never had at that size");
                var s = new TreeHead.Signature(rs.getString(3), rs.getString(7) == null ? "" : rs.getString(7), rs.getLong(4), "",
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getBytes(6));
                var bad = signatureProblem(c, s, n, rs.getBytes(2));
                if (bad.isPresent()) return Optional.of(where + bad.get());
            }
        }
        return Optional.empty();
    }

    /** Why a signature does not hold against the ledger's keys and organisations, if it does not. */
    private static Optional<String> signatureProblem(Connection c, TreeHead.Signature s, long size, byte[] root) throws SQLException {
        try (var ps = c.prepareStatement("SELECT k.name, k.public_key, u.org FROM user_public_key k JOIN app_user u ON u.name = k.name WHERE k.seq = ?")) {
            ps.setLong(1, s.keySeq());
            try (var rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getString(1).equals(s.signer())) {
                    return Optional.of("the signature by '" + s.signer() + "' names key " + s.keySeq() + ", which the ledger does not give them");
                }
                if (!rs.getString(3).equals(s.org())) {
                    return Optional.of("the signature by '" + s.signer() + "' claims organisation '" + s.org() + "'; the ledger has '" + rs.getString(3) + "'");
                }
                if (!Ed25519.verify(rs.getBytes(2), TreeHead.message(size, root, s.timestamp()), s.signature())) {
                    return Optional.of("the signature by '" + s.signer() + "' does not verify (the head or its signature was altered)");
                }
            }
        }
        return Optional.empty();
    }

    private static Check failed(String why) {
        return new Check(Optional.of(why), 0, List.of(), List.of());
    }
}
