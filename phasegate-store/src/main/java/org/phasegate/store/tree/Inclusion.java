package org.phasegate.store.tree;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Entry;

/**
 * An RFC 9162 inclusion proof for one ledger entry (leaf {@code seq - 1}) in the tree of {@code treeSize} entries with
 * root {@code rootHash}. {@code body} is the entry's signed canonical JSON, whose SHA-256 is the entry hash, the leaf's
 * data; it is left out when the entry is a restricted record's (the hash alone proves inclusion).
 */
public record Inclusion(long seq, Optional<String> body, byte[] entryHash, long treeSize, byte[] rootHash, List<byte[]> path) {
    public Inclusion {
        path = List.copyOf(path);
    }

    /** Proves the entry that added record {@code id}; a restricted record's body is withheld. */
    public static Inclusion ofRecord(DataSource ds, String id, long size, byte[] root) {
        long[] seq = {0};
        boolean[] restricted = {false};
        Tx.run(ds, c -> {
            try (var ps = c.prepareStatement("SELECT seq, confidentiality FROM record WHERE id = ?")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreException("no record '" + id + "'; see: phasegate record list");
                    seq[0] = rs.getLong(1);
                    restricted[0] = "restricted".equals(rs.getString(2));
                }
            }
            return null;
        });
        return prove(ds, seq[0], !restricted[0], size, root);
    }

    /** Proves entry {@code seq} in the audited tree of {@code size} entries and {@code root}; checks the proof before giving it. */
    public static Inclusion prove(DataSource ds, long seq, boolean withBody, long size, byte[] root) {
        return Tx.run(ds, c -> {
            Entry e;
            try (var ps = c.prepareStatement("SELECT kind, actor, at, payload, prev_hash, hash FROM ledger_entry WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreException("no ledger entry " + seq);
                    e = new Entry(seq, rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
                            rs.getBytes(5), rs.getBytes(6), null);
                }
            }
            var path = new TreeNodes(c).inclusion(seq - 1, size);
            if (!Rfc9162.verifyInclusion(seq - 1, size, Rfc9162.leafHash(e.hash()), path, root)) {
                throw new StoreException("the inclusion proof of entry " + seq + " does not verify against the audited root (run phasegate ledger verify)");
            }
            var body = new String(Entry.body(seq, e.kind(), e.actor(), e.at(), e.payload(), e.prevHash()), StandardCharsets.UTF_8);
            return new Inclusion(seq, withBody ? Optional.of(body) : Optional.empty(), e.hash(), size, root, path);
        });
    }

    public String toJson(String recordId, TreeHead head) {
        var o = Canonical.object().put("recordId", recordId).put("entrySeq", seq);
        body.ifPresentOrElse(b -> o.put("entryBody", b), () -> o.put("entryBody", (String) null).put("note",
                "restricted record: the entry body is withheld; its hash alone proves that it is in the ledger"));
        o.put("entryHash", Hashes.hex(entryHash)).put("leafIndex", seq - 1).put("leafHash", Hashes.hex(Rfc9162.leafHash(entryHash)))
                .put("treeSize", treeSize).put("rootHash", Hashes.hex(rootHash));
        var p = o.putArray("inclusionPath");
        path.forEach(h -> p.add(Hashes.hex(h)));
        o.set("head", Canonical.parse(head.toJson()));
        return o.toPrettyString();
    }
}
