package org.phasegate.store.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.tree.Frontier;
import org.phasegate.store.tree.TreeNodes;

/**
 * Appends entries within the caller's transaction: takes the ledger's lock, chains each entry, and at each
 * {@link #flush} signs (in parallel) and writes the entries and the query tables' rows they project to, in JDBC batches
 * (a read of those tables in the same transaction sees an entry's rows only after the flush). Nothing is visible until
 * the caller commits, so a batch lands whole or not at all. Every {@code checkpointEvery} entries it appends a signed Merkle-root checkpoint. It keeps
 * the RFC 9162 tree's stored subtrees up to date as entries complete them.
 */
public final class Appender {
    static final long LOCK_ID = 0x70686173656761L;
    private static final int BATCH = 512;
    private final Connection c;
    private final int checkpointEvery;
    private final List<Unsigned> pending = new ArrayList<>();
    private final List<Frontier.Node> pendingNodes = new ArrayList<>();
    private TreeNodes tree;
    private Frontier frontier;
    private long seq;
    private byte[] prev;
    private long lastCheckpoint;

    private Appender(Connection c, int checkpointEvery) {
        this.c = c;
        this.checkpointEvery = checkpointEvery;
    }

    /** Starts appending; the connection must not be in auto-commit mode. */
    public static Appender begin(Connection c, int checkpointEvery) throws SQLException {
        if (c.getAutoCommit()) throw new IllegalStateException("appends need a transaction");
        var a = new Appender(c, checkpointEvery);
        try (var st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + LOCK_ID + ")");
            try (var rs = st.executeQuery("SELECT seq, hash FROM ledger_entry ORDER BY seq DESC LIMIT 1")) {
                a.seq = rs.next() ? rs.getLong(1) : 0;
                a.prev = a.seq == 0 ? Entry.genesis() : rs.getBytes(2);
            }
            try (var rs = st.executeQuery("SELECT coalesce(max(upto_seq), 0) FROM checkpoint")) {
                rs.next();
                a.lastCheckpoint = rs.getLong(1);
            }
        }
        a.tree = new TreeNodes(c);
        a.frontier = a.tree.frontier(a.seq);
        return a;
    }

    public long lastSeq() {
        return seq;
    }

    /** Appends one entry and returns its number; it is signed and written at the next flush. */
    public long append(String kind, Actor actor, JsonNode payload, Instant now) throws SQLException {
        long n = appendOne(kind, actor, Canonical.json(payload), now);
        if (checkpointEvery > 0 && seq - lastCheckpoint >= checkpointEvery) checkpoint(actor, now);
        return n;
    }

    private record Unsigned(Entry entry, Actor actor) {
        Entry signed() {
            var e = entry;
            return new Entry(e.seq(), e.kind(), e.actor(), e.at(), e.payload(), e.prevHash(), e.hash(), actor.signer().sign(e.hash()));
        }
    }

    private long appendOne(String kind, Actor actor, String payload, Instant now) throws SQLException {
        var at = Entry.truncate(now);
        long next = seq + 1;
        byte[] hash = Hashes.sha256(Entry.body(next, kind, actor.name(), at, payload, prev));
        var e = new Entry(next, kind, actor.name(), at, payload, prev, hash, null);
        pending.add(new Unsigned(e, actor));
        seq = next;
        prev = hash;
        pendingNodes.addAll(frontier.add(hash));
        if (pending.size() >= BATCH) flush();
        return next;
    }

    private void checkpoint(Actor actor, Instant now) throws SQLException {
        flush();
        var hashes = new ArrayList<byte[]>();
        try (var ps = c.prepareStatement("SELECT hash FROM ledger_entry WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            ps.setLong(1, lastCheckpoint);
            ps.setLong(2, seq);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) hashes.add(rs.getBytes(1));
            }
        }
        var payload = Canonical.object().put("from", lastCheckpoint + 1).put("to", seq)
                .put("root", Hashes.hex(Merkle.root(hashes)));
        long upto = seq;
        appendOne(Kinds.CHECKPOINT, actor, Canonical.json(payload), now);
        lastCheckpoint = upto;
    }

    /** Writes pending entries and their projections; called automatically, and must be called before commit. */
    public void flush() throws SQLException {
        if (pending.isEmpty()) return;
        Projector.apply(c, pending.stream().map(Unsigned::entry).toList());
        // the chain is sequential, but each signature depends only on its entry's hash: sign on every core
        var signed = pending.parallelStream().map(Unsigned::signed).toList();
        try (var ps = c.prepareStatement("INSERT INTO ledger_entry (seq, kind, actor, at, payload, prev_hash, hash, signature)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (var e : signed) {
                bind(ps, e);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        pending.clear();
        tree.insert(pendingNodes);
        pendingNodes.clear();
    }

    static void bind(java.sql.PreparedStatement ps, Entry e) throws SQLException {
        ps.setLong(1, e.seq());
        ps.setString(2, e.kind());
        ps.setString(3, e.actor());
        ps.setObject(4, e.at().atOffset(java.time.ZoneOffset.UTC));
        ps.setString(5, e.payload());
        ps.setBytes(6, e.prevHash());
        ps.setBytes(7, e.hash());
        ps.setBytes(8, e.signature());
    }
}
