package org.phasegate.store.imports;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.tree.Inclusion;
import org.phasegate.store.tree.Proofs;
import org.phasegate.store.tree.Rfc9162;
import org.phasegate.store.tree.TreeHead;

/**
 * Proof that one imported row is in the ledger, in two RFC 9162 steps: the row's leaf is leaf {@code ordinal} of its
 * import's tree (root signed in the import entry), and that entry is in the ledger's tree (its {@link Inclusion}).
 * Each step is checked before the proof is given; docs/importing.md says how to check it offline.
 */
public record ImportProof(String dataset, String sourceId, long importId, long ordinal, String content, byte[] leafData, long importSize,
                          byte[] importRoot, List<byte[]> path, Inclusion entry) {
    public ImportProof {
        path = List.copyOf(path);
    }

    /** The proof for row {@code sourceId} of {@code dataset}, in the audited ledger tree of {@code size} entries and {@code root}. */
    public static ImportProof of(DataSource ds, String dataset, String sourceId, long size, byte[] root) {
        var found = Tx.run(ds, c -> {
            long id;
            long ordinal;
            String content;
            byte[] leaf;
            try (var ps = c.prepareStatement("SELECT import_id, ordinal, content, content_hash FROM import_row WHERE dataset = ? AND source_id = ?")) {
                ps.setString(1, dataset);
                ps.setString(2, sourceId);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreException("no imported row '" + sourceId + "' in dataset '" + dataset + "' (ROWID is DATASET:SOURCE-ID; see: phasegate import list)");
                    id = rs.getLong(1);
                    ordinal = rs.getLong(2);
                    content = rs.getString(3);
                    leaf = rs.getBytes(4);
                }
            }
            var leaves = new ArrayList<byte[]>();
            try (var ps = c.prepareStatement("SELECT content_hash FROM import_row WHERE import_id = ? ORDER BY ordinal")) {
                ps.setLong(1, id);
                ps.setFetchSize(10_000);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) leaves.add(Rfc9162.leafHash(rs.getBytes(1)));
                }
            }
            byte[] importRoot;
            try (var ps = c.prepareStatement("SELECT root FROM import_batch WHERE id = ?")) {
                ps.setLong(1, id);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreException("import " + id + " is not in the ledger (run phasegate ledger verify)");
                    importRoot = Hashes.unhex(rs.getString(1));
                }
            }
            var path = new Proofs((start, end) -> mth(leaves, (int) start, (int) end)).inclusion(ordinal, leaves.size());
            if (!Rfc9162.verifyInclusion(ordinal, leaves.size(), Rfc9162.leafHash(leaf), path, importRoot)) {
                throw new StoreException("the row's proof does not verify against import " + id + "'s signed root (run phasegate ledger verify)");
            }
            return new ImportProof(dataset, sourceId, id, ordinal, content, leaf, leaves.size(), importRoot, path, null);
        });
        var entry = Inclusion.prove(ds, found.importId(), true, size, root);
        return new ImportProof(dataset, sourceId, found.importId(), found.ordinal(), found.content(), found.leafData(), found.importSize(),
                found.importRoot(), found.path(), entry);
    }

    /** MTH(D[start:end]) over leaf hashes. */
    private static byte[] mth(List<byte[]> leaves, int start, int end) {
        if (end - start == 1) return leaves.get(start);
        int k = Integer.highestOneBit(end - start - 1);
        return Rfc9162.nodeHash(mth(leaves, start, start + k), mth(leaves, start + k, end));
    }

    public String toJson(TreeHead head) {
        var o = Canonical.object().put("dataset", dataset).put("sourceId", sourceId).put("importId", importId).put("content", content)
                .put("leafData", Hashes.hex(leafData)).put("leafIndex", ordinal).put("leafHash", Hashes.hex(Rfc9162.leafHash(leafData)))
                .put("importSize", importSize).put("importRoot", Hashes.hex(importRoot));
        var p = o.putArray("importPath");
        path.forEach(h -> p.add(Hashes.hex(h)));
        o.set("importEntry", Canonical.parse(entry.toJson("import " + importId, head)));
        return o.toPrettyString();
    }
}
