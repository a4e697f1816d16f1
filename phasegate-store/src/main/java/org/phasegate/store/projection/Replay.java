package org.phasegate.store.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.store.ledger.Entry;
import org.phasegate.store.tree.Frontier;

/**
 * Replays ledger entries into an in-memory model of every served table (and the Merkle tree over the entries), then
 * compares it with the stored tables. Memory grows with the served rows, not with the ledger: entries that project
 * nothing (bench) cost only their leaf in the tree.
 */
public final class Replay {
    private final Map<Table, LinkedHashMap<String, Row>> expected = new LinkedHashMap<>();
    private final Frontier tree = new Frontier();
    private final List<Difference> unprojectable = new ArrayList<>();

    public Replay() {
        for (var t : Projections.TABLES) expected.put(t, new LinkedHashMap<>());
    }

    public void accept(Entry e) {
        try {
            for (var r : Projections.rows(e)) expected.get(r.table()).put(r.key(), r);
        } catch (RuntimeException malformed) {
            unprojectable.add(new Difference("ledger_entry", "seq=" + e.seq(), "payload", "'" + e.kind() + "'", "a payload the store can project", e.seq()));
        }
        for (var n : tree.add(e.hash())) {
            var row = Projections.MERKLE_NODE.row((long) n.level(), n.index(), n.hash());
            expected.get(row.table()).put(row.key(), row);
        }
    }

    public Frontier tree() {
        return tree;
    }

    /** The difference concerning the earliest entry, if the stored tables differ from the replay at all. */
    public Optional<Difference> first(Connection c) throws SQLException {
        return differences(c).stream().min(order());
    }

    /** Every difference, table by table, with what to write to repair it. */
    public List<Repair> repairs(Connection c) throws SQLException {
        var out = new ArrayList<Repair>();
        for (var t : Projections.TABLES) out.add(compare(c, t));
        return out;
    }

    /** A table's differences from the replay: rows to insert, to update (by key) and to delete (by key). */
    public record Repair(Table table, List<Row> insert, List<Row> update, List<Row> delete, List<Difference> differences) {
    }

    private List<Difference> differences(Connection c) throws SQLException {
        var out = new ArrayList<>(unprojectable);
        for (var t : Projections.TABLES) {
            var r = compare(c, t);
            r.differences().stream().min(order()).ifPresent(out::add);
        }
        return out;
    }

    private static Comparator<Difference> order() {
        return Comparator.comparingLong(d -> d.seq() < 0 ? Long.MAX_VALUE : d.seq());
    }

    private Repair compare(Connection c, Table t) throws SQLException {
        var want = expected.get(t);
        var seen = new HashMap<String, Row>();
        var insert = new ArrayList<Row>();
        var update = new ArrayList<Row>();
        var delete = new ArrayList<Row>();
        var diffs = new ArrayList<Difference>();
        try (var st = c.createStatement()) {
            st.setFetchSize(4096);
            try (var rs = st.executeQuery(t.selectSql())) {
                while (rs.next()) {
                    var stored = Row.read(t, rs);
                    var key = stored.key();
                    var exp = want.get(key);
                    if (exp == null || seen.containsKey(key)) {
                        diffs.add(Difference.extra(stored));
                        delete.add(stored);
                        if (exp != null) insert.add(exp);   // a duplicate: both go, the ledger's row comes back
                        continue;
                    }
                    seen.put(key, stored);
                    int col = stored.firstDifference(exp);
                    if (col >= 0) {
                        diffs.add(Difference.changed(stored, exp, col));
                        update.add(exp);
                    }
                }
            }
        }
        for (var e : want.entrySet()) {
            if (!seen.containsKey(e.getKey())) {
                diffs.add(Difference.missing(e.getValue()));
                insert.add(e.getValue());
            }
        }
        return new Repair(t, insert, update, delete, diffs);
    }
}
