package org.phasegate.store.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.phasegate.store.projection.Projections;
import org.phasegate.store.projection.Row;

/**
 * Derives the query tables from ledger entries. Writes and imports both go through here, so an imported ledger
 * rebuilds exactly the tables the original had (less the secrets, which never enter the ledger). What each entry
 * projects is declared once, in {@link Projections}.
 */
public final class Projector {
    private Projector() {
    }

    public static void apply(Connection c, Entry e) throws SQLException {
        Projections.insert(c, Projections.rows(e));
    }

    /** The rows of several entries, in entry order, written in batches (see {@link Projections#insert(Connection, List)}). */
    public static void apply(Connection c, List<Entry> entries) throws SQLException {
        var rows = new ArrayList<Row>();
        for (var e : entries) rows.addAll(Projections.rows(e));
        Projections.insert(c, rows);
    }
}
