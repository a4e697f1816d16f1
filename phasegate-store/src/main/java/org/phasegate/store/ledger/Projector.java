package org.phasegate.store.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import org.phasegate.store.projection.Projections;

/**
 * Derives the query tables from ledger entries. Writes and imports both go through here, so an imported ledger
 * rebuilds exactly the tables the original had (less the secrets, which never enter the ledger). What each entry
 * projects is declared once, in {@link Projections}.
 */
public final class Projector {
    private Projector() {
    }

    public static void apply(Connection c, Entry e) throws SQLException {
        for (var row : Projections.rows(e)) Projections.insert(c, row);
    }
}
