package org.phasegate.store.imports;

import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.tree.TreeHead;

/**
 * One imported row, found by its dataset and source id, as {@code import show} and the API give it: its values (the
 * stored content), its provenance (dataset and title, row id, licence, attribution, source address, file and its
 * SHA-256, the import's state and origin, who imported it and when: the import entry's signer and time) and its
 * inclusion proof ({@link ImportProof}, checked before it is given).
 */
public record ImportedRowDetail(ImportProof proof, String title, String kind, String file, String fileSha256, String licence, String attribution,
                                String sourceUrl, String state, String origin, String importedBy, String importedAt) {

    public static ImportedRowDetail of(DataSource ds, String dataset, String sourceId, long size, byte[] root) {
        var proof = ImportProof.of(ds, dataset, sourceId, size, root);
        return Tx.run(ds, c -> {
            try (var ps = c.prepareStatement("SELECT b.kind, b.file, b.file_sha256, b.licence, b.attribution, b.source_url, b.state, b.origin, e.actor, e.at,"
                    + " e.payload FROM import_batch b JOIN ledger_entry e ON e.seq = b.seq WHERE b.id = ?")) {
                ps.setLong(1, proof.importId());
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreException("import " + proof.importId() + " is not in the ledger (run phasegate ledger verify)");
                    var title = Canonical.parse(rs.getString(11)).path("title").asText("");
                    return new ImportedRowDetail(proof, title, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class).toInstant().toString());
                }
            }
        });
    }

    /** {@code {dataset, sourceId, importId, values, provenance, proof}}; {@code proof} is what {@code import proof} prints. */
    public String toJson(TreeHead head) {
        var o = Canonical.object().put("dataset", proof.dataset()).put("sourceId", proof.sourceId()).put("importId", proof.importId());
        o.set("values", Canonical.parse(proof.content()));
        o.putObject("provenance").put("dataset", proof.dataset()).put("title", title).put("row", proof.sourceId()).put("licence", licence)
                .put("attribution", attribution).put("sourceUrl", sourceUrl).put("kind", kind).put("file", file).put("fileSha256", fileSha256)
                .put("state", state).put("origin", origin).put("importedBy", importedBy).put("importedAt", importedAt)
                .put("importEntry", proof.importId());
        o.set("proof", Canonical.parse(proof.toJson(head)));
        return o.toPrettyString();
    }
}
