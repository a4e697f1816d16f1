package org.phasegate.store.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes the served tables back to what the ledger says, in the caller's transaction on an owner connection: the
 * append-only guard triggers are suspended for exactly these tables and this transaction, extra rows are deleted
 * (tables whose foreign keys point elsewhere first), then missing rows inserted and altered rows set back (parents
 * first). Returns how many rows were changed per table.
 */
public final class Rebuild {
    private Rebuild() {
    }

    public record Changed(String table, int inserted, int updated, int deleted) {
    }

    public static List<Changed> apply(Connection owner, List<Replay.Repair> repairs) throws SQLException {
        try (var st = owner.createStatement()) {
            for (var r : repairs) st.execute("ALTER TABLE " + r.table().name() + " DISABLE TRIGGER USER");
        }
        for (var r : repairs.reversed()) run(owner, "DELETE FROM " + r.table().name() + " WHERE " + r.table().keyWhere(), r.delete(), keys(r.table()));
        for (var r : repairs) {
            var t = r.table();
            var all = IntStream.range(0, t.columns().size()).boxed().toList();
            var rest = IntStream.range(t.keyColumns(), t.columns().size()).boxed().toList();
            var set = String.join(", ", rest.stream().map(i -> t.columns().get(i).name() + " = ?").toList());
            run(owner, t.insertSql(), r.insert(), all);
            if (!rest.isEmpty()) run(owner, "UPDATE " + t.name() + " SET " + set + " WHERE " + t.keyWhere(), r.update(),
                    java.util.stream.Stream.concat(rest.stream(), keys(t).stream()).toList());
        }
        try (var st = owner.createStatement()) {
            st.execute("SET CONSTRAINTS ALL IMMEDIATE");   // deferred foreign-key checks first: ALTER TABLE refuses while they are pending
            for (var r : repairs) st.execute("ALTER TABLE " + r.table().name() + " ENABLE TRIGGER USER");
        }
        return repairs.stream().map(r -> new Changed(r.table().name(), r.insert().size(), r.update().size(), r.delete().size())).toList();
    }

    private static List<Integer> keys(Table t) {
        return IntStream.range(0, t.keyColumns()).boxed().toList();
    }

    private static void run(Connection c, String sql, List<Row> rows, List<Integer> columns) throws SQLException {
        if (rows.isEmpty()) return;
        try (var ps = c.prepareStatement(sql)) {
            for (var row : rows) {
                row.bind(ps, 1, columns);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
