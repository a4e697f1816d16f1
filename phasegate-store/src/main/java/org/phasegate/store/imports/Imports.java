package org.phasegate.store.imports;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.phasegate.store.Tx;

/** The imports in a store, oldest first (from import_batch, the projection of the import entries). */
public final class Imports {
    public record Summary(long id, String kind, String dataset, long rows, String state, String origin, String file, String fileSha256) {
    }

    private Imports() {
    }

    public static List<Summary> list(DataSource ds) {
        return Tx.run(ds, c -> {
            var out = new ArrayList<Summary>();
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT id, kind, dataset, row_count, state, origin, file, file_sha256 FROM import_batch ORDER BY id")) {
                while (rs.next()) {
                    out.add(new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        });
    }
}
