package org.phasegate.store.imports;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.phasegate.store.Tx;
import org.phasegate.store.ledger.Canonical;

/**
 * The imported places that have a geometry (rows of type {@code place}, as {@code import geojson} writes them), each
 * with its import's provenance, for the map: read from import_row and import_batch, which the store's audit checks
 * against the ledger before anything is read (callers go through {@code Store.importedPlaces}).
 */
public final class ImportedPlaces {
    private ImportedPlaces() {
    }

    /** An import a place came from: what its signed entry says of the file, its licence and its state. */
    public record Provenance(long importId, String title, String kind, String file, String fileSha256, String licence, String attribution,
                             String sourceUrl, String state, String origin, String importedBy, String importedAt) {
    }

    /** A place: its dataset and row id, its stored content (canonical JSON, the geometry a JSON text in it) and its import. */
    public record Place(String dataset, String sourceId, String content, Provenance provenance) {
    }

    /** The newest import's id (0 for none): places change only with an import, so this names their state. */
    public static long latestImport(DataSource ds) {
        return Tx.run(ds, c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM import_batch")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Every imported place with a geometry, by dataset, then import, then file order; only {@code dataset}'s if given. */
    public static List<Place> list(DataSource ds, Optional<String> dataset) {
        return Tx.run(ds, c -> {
            var out = new ArrayList<Place>();
            // the LIKE only narrows the scan to rows that can hold a geometry; the jsonb test decides
            var sql = "SELECT r.dataset, r.source_id, r.content, b.id, b.kind, b.file, b.file_sha256, b.licence, b.attribution, b.source_url,"
                    + " b.state, b.origin, e.actor, e.at, e.payload FROM import_row r JOIN import_batch b ON b.id = r.import_id"
                    + " JOIN ledger_entry e ON e.seq = b.seq WHERE r.content LIKE '%\"geometry\":%' AND r.content::jsonb->>'type' = 'place'"
                    + " AND r.content::jsonb->'geometry' IS NOT NULL" + (dataset.isPresent() ? " AND r.dataset = ?" : "") + " ORDER BY r.dataset, r.import_id, r.ordinal";
            try (var ps = c.prepareStatement(sql)) {
                if (dataset.isPresent()) ps.setString(1, dataset.get());
                ps.setFetchSize(1024);
                try (var rs = ps.executeQuery()) {
                    Provenance last = null;
                    while (rs.next()) {
                        if (last == null || last.importId() != rs.getLong(4)) {
                            last = new Provenance(rs.getLong(4), Canonical.parse(rs.getString(15)).path("title").asText(""), rs.getString(5),
                                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                                    rs.getString(12), rs.getString(13), rs.getObject(14, OffsetDateTime.class).toInstant().toString());
                        }
                        out.add(new Place(rs.getString(1), rs.getString(2), rs.getString(3), last));
                    }
                }
            }
            return out;
        });
    }
}
