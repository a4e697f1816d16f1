package org.phasegate.store.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.phasegate.problem.Quote;
import org.phasegate.store.crypto.Hashes;

/**
 * Every imported row against its import's ledger entry (through import_batch, which the audit has already compared
 * with the entries): each row's content must hash to its leaf data, the rows of an import must be leaves 0..n-1 of
 * the tree whose root the entry signed, and no row may belong to an import the ledger does not have. Streams the rows,
 * so memory stays O(log n) per import.
 */
public final class ImportAudit {
    private ImportAudit() {
    }

    /** The first difference, in the words of the audit ("table import_row, key ...: ..."), if any. */
    public static Optional<String> check(Connection c) throws SQLException {
        var batches = new LinkedHashMap<Long, Batch>();
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT id, dataset, row_count, root FROM import_batch ORDER BY id")) {
            while (rs.next()) batches.put(rs.getLong(1), new Batch(rs.getString(2), rs.getLong(3), rs.getString(4)));
        }
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT DISTINCT import_id FROM import_row")) {
            while (rs.next()) {
                if (!batches.containsKey(rs.getLong(1))) {
                    return Optional.of("table import_row, key import_id=" + rs.getLong(1) + ": rows of an import the ledger does not have (inserted outside it?)");
                }
            }
        }
        for (var b : batches.entrySet()) {
            var problem = check(c, b.getKey(), b.getValue());
            if (problem.isPresent()) return problem;
        }
        return Optional.empty();
    }

    private record Batch(String dataset, long rows, String root) {
    }

    private static Optional<String> check(Connection c, long id, Batch b) throws SQLException {
        var tree = new StreamingRoot();
        try (var ps = c.prepareStatement("SELECT ordinal, dataset, source_id, content_hash, content FROM import_row WHERE import_id = ? ORDER BY ordinal")) {
            ps.setLong(1, id);
            ps.setFetchSize(4096);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    int ordinal = rs.getInt(1);
                    var key = "table import_row, key (import_id=" + id + ", ordinal=" + ordinal + ")";
                    if (ordinal != tree.size()) return Optional.of(key + ": row " + tree.size() + " of import " + id + " is missing (deleted outside the ledger?)");
                    if (!b.dataset().equals(rs.getString(2))) return Optional.of(key + ", column dataset: stored " + Quote.of(rs.getString(2)) + ", the ledger says " + Quote.of(b.dataset()));
                    var leaf = RowContent.leafData(b.dataset(), rs.getString(3), rs.getString(5));
                    if (!Arrays.equals(leaf, rs.getBytes(4))) return Optional.of(key + ": source id or content does not match its hash (altered after import?)");
                    tree.add(leaf);
                }
            }
        }
        if (tree.size() != b.rows()) {
            return Optional.of("table import_row, import " + id + ": " + tree.size() + " rows stored, the ledger's entry " + id + " commits to " + b.rows()
                    + " (rows deleted or inserted outside the ledger?)");
        }
        if (!Hashes.hex(tree.root()).equals(b.root())) {
            return Optional.of("table import_row, import " + id + ": the rows' Merkle root is " + Hashes.hex(tree.root()) + ", the ledger's entry " + id
                    + " signed " + b.root() + " (a row was altered, re-ordered or replaced)");
        }
        return Optional.empty();
    }
}
