package org.phasegate.store.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import org.phasegate.store.ledger.Canonical;

/**
 * The imported rows in a ledger export: after the entries, one JSON line a row,
 * {@code {"content":"...","dataset":"...","importRow":SEQ,"ordinal":N,"sourceId":"..."}}, in (import, ordinal) order.
 * An import entry commits to its rows by their Merkle root but does not contain them, so an export without them could
 * not be imported into a store that passes its audit. Read back, they are written with COPY in the import's
 * transaction, and the audit checks them against the signed roots before it commits.
 */
public final class ExportedRows {
    /** The key that marks a row line (entries have none). */
    public static final String KEY = "importRow";

    private ExportedRows() {
    }

    /** A row as read from an export line. */
    public record Row(long importId, int ordinal, String dataset, String sourceId, String content) {
    }

    public static boolean isRow(JsonNode line) {
        return line.has(KEY);
    }

    /** The row of a row line; throws IllegalArgumentException naming what is wrong. */
    public static Row row(JsonNode o) {
        for (var f : new String[] {KEY, "ordinal", "dataset", "sourceId", "content"}) {
            if (o.get(f) == null || o.get(f).isNull()) throw new IllegalArgumentException("an imported row without " + f);
        }
        if (!o.get(KEY).canConvertToLong() || !o.get("ordinal").canConvertToInt() || !o.get("dataset").isTextual() || !o.get("sourceId").isTextual()
                || !o.get("content").isTextual()) {
            throw new IllegalArgumentException("an imported row needs whole numbers importRow and ordinal, and text dataset, sourceId and content");
        }
        return new Row(o.get(KEY).asLong(), o.get("ordinal").asInt(), o.get("dataset").asText(), o.get("sourceId").asText(), o.get("content").asText());
    }

    /** Writes the rows of the imports up to entry {@code lastSeq} (those the exported entries commit to); returns how many. */
    public static long write(Connection c, long lastSeq, Writer out) throws SQLException, IOException {
        long n = 0;
        try (var ps = c.prepareStatement("SELECT import_id, ordinal, dataset, source_id, content FROM import_row WHERE import_id <= ? ORDER BY import_id, ordinal")) {
            ps.setLong(1, lastSeq);
            ps.setFetchSize(4096);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    var o = Canonical.object().put(KEY, rs.getLong(1)).put("ordinal", rs.getInt(2)).put("dataset", rs.getString(3))
                            .put("sourceId", rs.getString(4)).put("content", rs.getString(5));
                    out.write(Canonical.json(o));
                    out.write('\n');
                    n++;
                }
            }
        }
        return n;
    }

    /** Writes the rows with COPY, a COPY per import, in the caller's transaction; returns how many. The audit checks them after. */
    public static long insert(Connection c, Iterator<Row> rows) throws SQLException {
        long n = 0;
        CopyRows copy = null;
        long current = Long.MIN_VALUE;
        try {
            while (rows.hasNext()) {
                var r = rows.next();
                if (copy == null || r.importId() != current) {
                    if (copy != null) copy.finish();
                    copy = new CopyRows(c);
                    current = r.importId();
                }
                var leaf = RowContent.leafData(r.dataset(), r.sourceId(), r.content());
                copy.add(r.importId(), r.ordinal(), r.dataset().getBytes(StandardCharsets.UTF_8), r.sourceId().getBytes(StandardCharsets.UTF_8), leaf,
                        r.content().getBytes(StandardCharsets.UTF_8));
                n++;
            }
            if (copy != null) copy.finish();
        } finally {
            if (copy != null) copy.close();
        }
        return n;
    }
}
