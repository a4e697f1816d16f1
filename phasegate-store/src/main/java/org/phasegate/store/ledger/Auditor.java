package org.phasegate.store.ledger;

import static org.phasegate.store.ledger.Ledger.SELECT;
import static org.phasegate.store.ledger.Ledger.iterate;
import static org.phasegate.store.ledger.Ledger.tee;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import javax.sql.DataSource;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;
import org.phasegate.store.imports.ImportAudit;
import org.phasegate.store.projection.Difference;
import org.phasegate.store.projection.Rebuild;
import org.phasegate.store.projection.Replay;
import org.phasegate.store.tree.Heads;

/**
 * The whole store against its ledger: the entries' own checks ({@link Verifier}) with the served tables and the Merkle
 * tree replayed from the same stream on the reading thread ({@link Replay}), then compared; imported rows against
 * their imports' Merkle roots ({@link ImportAudit}); and the repair.
 */
final class Auditor {
    private Auditor() {
    }

    /**
     * Verifies the entries and, if they hold, re-derives every served table from them and compares, and checks the
     * stored head signatures; all in one repeatable-read snapshot, so concurrent appends cannot show as differences.
     */
    static Audit audit(DataSource ds) {
        var pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            return Tx.run(ds, c -> {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                var replay = new Replay();
                Verifier.Report report;
                try (var st = c.prepareStatement(SELECT)) {
                    st.setFetchSize(4096);
                    st.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                    try (var rs = st.executeQuery()) {
                        var entries = iterate(rs);
                        report = new Verifier(pool).run(tee(entries, replay::accept));
                    }
                }
                var tree = replay.tree();
                if (!report.ok()) return new Audit(report, Optional.empty(), Audit.Fault.ENTRIES, tree.size(), tree.root());
                var served = replay.first(c).map(Difference::render);
                if (served.isPresent()) return new Audit(report, served, Audit.Fault.SERVED_TABLE, tree.size(), tree.root());
                served = ImportAudit.check(c);
                if (served.isPresent()) return new Audit(report, served, Audit.Fault.IMPORT_ROWS, tree.size(), tree.root());
                served = Heads.checkStored(c, tree.size());
                return new Audit(report, served, served.isPresent() ? Audit.Fault.HEAD_SIGNATURE : Audit.Fault.NONE, tree.size(), tree.root());
            });
        } finally {
            pool.shutdown();
        }
    }

    /** Writes the served tables back to what the ledger says (as the owner, in one transaction); refuses if the entries do not verify. */
    static List<Rebuild.Changed> rebuild(Connection owner) throws SQLException {
        owner.setAutoCommit(false);
        try {
            owner.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            try (var st = owner.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + Appender.LOCK_ID + ")");
            }
            var replay = new Replay();
            Verifier.Report report;
            try (var st = owner.prepareStatement(SELECT)) {
                st.setFetchSize(4096);
                try (var rs = st.executeQuery()) {
                    var entries = iterate(rs);
                    report = Verifier.verify(tee(entries, replay::accept));
                }
            }
            if (!report.ok()) {
                throw new StoreException("rebuild refused: the ledger itself does not verify (" + report.firstBad().orElseThrow().render()
                        + "); the tables can only be rebuilt from a ledger that holds: " + Audit.RESTORE);
            }
            var changed = Rebuild.apply(owner, replay.repairs(owner));
            owner.commit();
            return changed;
        } catch (SQLException | RuntimeException e) {
            owner.rollback();
            throw e;
        }
    }

}
