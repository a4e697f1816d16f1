package org.phasegate.store.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.phasegate.evidence.JsonLines;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.imports.ExportedRows;
import org.phasegate.store.imports.ImportAudit;
import org.phasegate.store.projection.Rebuild;
import org.phasegate.store.tree.TreeNodes;

/** Reading, verifying, exporting and importing the ledger as a whole. */
public final class Ledger {
    public static final int DEFAULT_CHECKPOINT_EVERY = 1024;
    static final String SELECT = "SELECT seq, kind, actor, at, payload, prev_hash, hash, signature FROM ledger_entry ORDER BY seq";
    private final DataSource ds;

    public Ledger(DataSource ds) {
        this.ds = ds;
    }

    /** Streams every entry in order to the consumer, inside one read transaction. */
    public void forEach(Consumer<Iterator<Entry>> consumer) {
        Tx.run(ds, c -> {
            try (var st = c.prepareStatement(SELECT)) {
                st.setFetchSize(4096);
                // binary transfer: bytea and timestamptz arrive as bytes, not text the reading thread must decode
                st.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                try (var rs = st.executeQuery()) {
                    consumer.accept(iterate(rs));
                }
            }
            return null;
        });
    }

    /** Verifies on a pool with one worker per core (the common pool has one fewer, and the reader is busy reading). */
    public Verifier.Report verify() {
        var pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            return verify(pool);
        } finally {
            pool.shutdown();
        }
    }

    public Verifier.Report verify(ForkJoinPool pool) {
        Verifier.Report[] out = new Verifier.Report[1];
        forEach(it -> out[0] = new Verifier(pool).run(it));
        return out[0];
    }

    /**
     * Verifies the entries (as {@link #verify}) and, if they hold, re-derives every served table from them and
     * compares, and checks the stored head signatures; see {@link Auditor}.
     */
    public Audit audit() {
        return Auditor.audit(ds);
    }

    /** Writes the served tables back to what the ledger says (as the owner, in one transaction); see {@link Auditor}. */
    public List<Rebuild.Changed> rebuild(Connection owner) throws SQLException {
        return Auditor.rebuild(owner);
    }

    /**
     * What a rebuild changed, and the audit of the store after it: a rebuild restores only what the entries hold (the
     * served tables), so imported rows or head signatures altered outside the ledger are still there, and the audit
     * says so with their own remedy ({@link Audit#remedy}) rather than the rebuild claiming success.
     */
    public record Rebuilt(List<Rebuild.Changed> changed, Audit after) {
        public long total() {
            return changed.stream().mapToLong(c -> c.inserted() + c.updated() + c.deleted()).sum();
        }
    }

    /** {@link #rebuild}, then a fresh {@link #audit} of the result. */
    public Rebuilt rebuildAndAudit(Connection owner) throws SQLException {
        var changed = Auditor.rebuild(owner);
        return new Rebuilt(changed, audit());
    }

    /** The last entry's number (0 for an empty ledger): every change to the served tables raises it. */
    public long lastSeq() {
        return Tx.run(ds, c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM ledger_entry")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public long size() {
        return Tx.run(ds, c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM ledger_entry")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The entries after {@code after}, at most {@code limit}, each as its export line (see {@link #export}). */
    public java.util.List<String> lines(long after, int limit) {
        return Tx.run(ds, c -> {
            var out = new java.util.ArrayList<String>();
            try (var st = c.prepareStatement(SELECT.replace("ORDER BY", "WHERE seq > ? ORDER BY") + " LIMIT ?")) {
                st.setLong(1, after);
                st.setInt(2, limit);
                try (var rs = st.executeQuery()) {
                    iterate(rs).forEachRemaining(e -> out.add(toLine(e)));
                }
            }
            return out;
        });
    }

    /** Writes every entry as one JSON line; the payload is kept as a string so its bytes survive exactly. */
    public long export(Writer out) {
        long[] n = {0};
        forEach(it -> it.forEachRemaining(e -> {
            try {
                out.write(toLine(e));
                out.write('\n');
                n[0]++;
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }));
        return n[0];
    }

    /** What an export wrote: entries, and the imported rows their import entries commit to. */
    public record Exported(long entries, long importedRows) {
    }

    /**
     * Every entry, then the imported rows that the exported import entries commit to (see {@link ExportedRows}): the
     * form {@code ledger export} writes, which {@link #importFrom} turns back into a store that passes its audit.
     */
    public Exported exportWithRows(Writer out) {
        long[] last = {0, 0};
        forEach(it -> it.forEachRemaining(e -> {
            try {
                out.write(toLine(e));
                out.write('\n');
                last[0] = e.seq();
                last[1]++;
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }));
        long rows = Tx.run(ds, c -> {
            try {
                return ExportedRows.write(c, last[0], out);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
        return new Exported(last[1], rows);
    }

    /** Opens the export's bytes afresh; import reads it twice (verify, then write) rather than holding it in memory. */
    public interface Source {
        InputStream open() throws IOException;
    }

    /**
     * Imports an export into this (empty) store: verifies it completely first, then writes every entry and its
     * projections in one transaction. {@code name} names the export in problems ({@code name:line:col}).
     */
    public Verifier.Report importFrom(String name, Source source) {
        return importFrom(name, source, c -> { });
    }

    /** More writing to do in the import's transaction (a backup's sealed rows), after the entries and projections. */
    public interface AlsoInTransaction {
        void run(Connection c) throws SQLException;
    }

    /** As {@link #importFrom(String, Source)}, then {@code also} in the same transaction: all of it lands, or none. */
    public Verifier.Report importFrom(String name, Source source, AlsoInTransaction also) {
        var report = read(name, source, Verifier::verify);
        if (!report.ok()) throw new StoreException("import refused: " + report.firstBad().orElseThrow().render());
        Tx.run(ds, c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM ledger_entry")) {
                rs.next();
                if (rs.getLong(1) > 0) throw new StoreException("import needs an empty store; this one has " + rs.getLong(1) + " entries");
            }
            read(name, source, entries -> {
                try {
                    insertAll(c, entries);
                } catch (SQLException e) {
                    throw new StoreException("database: " + e.getMessage(), e);
                }
                return null;
            });
            try (var in = source.open()) {
                ExportedRows.insert(c, rows(name, in));
            } catch (IOException | UncheckedIOException e) {
                throw new StoreException("cannot read the export: " + e.getMessage());
            }
            also.run(c);
            var rowProblem = ImportAudit.check(c);
            if (rowProblem.isPresent()) {
                throw new StoreException("import refused: " + rowProblem.get() + "; an export carries the rows of its imports after the entries"
                        + " (exports made before it did carry none): export the source store again with ledger export");
            }
            return null;
        });
        return report;
    }

    private static <T> T read(String name, Source source, Function<Iterator<Entry>, T> use) {
        try (var in = source.open()) {
            return use.apply(entries(name, in));
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("cannot read the export: " + e.getMessage());
        }
    }

    /**
     * The export's entries as they are read, through the one JSON Lines reader: the first bad line (invalid UTF-8,
     * not JSON, not an entry) stops the import as a problem at {@code name:line:col}.
     */
    static Iterator<Entry> entries(String name, InputStream in) {
        var problems = new Problems(name);
        var cursor = JSON_LINES.cursor(in, problems);
        return new Lookahead<>(() -> {
            try {
                var line = cursor.next();
                while (line.isPresent() && ExportedRows.isRow(line.get().node())) line = cursor.next();   // the rows are read on their own
                problems.throwIfAny();
                return line.map(l -> fromNode(l.node(), l.at(), problems)).orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The export's imported rows (lines with {@link ExportedRows#KEY}), each checked for its fields at its line. */
    static Iterator<ExportedRows.Row> rows(String name, InputStream in) {
        var problems = new Problems(name);
        var cursor = JSON_LINES.cursor(in, problems);
        return new Lookahead<>(() -> {
            try {
                var line = cursor.next();
                while (line.isPresent() && !ExportedRows.isRow(line.get().node())) line = cursor.next();
                problems.throwIfAny();
                if (line.isEmpty()) return null;
                try {
                    return ExportedRows.row(line.get().node());
                } catch (IllegalArgumentException e) {
                    problems.add(line.get().at(), Quote.shorten(String.valueOf(e.getMessage())), "each imported row needs " + ExportedRows.KEY
                            + ", ordinal, dataset, sourceId and content, as ledger export writes them");
                    throw new InvalidInputException(problems.list());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void insertAll(Connection c, Iterator<Entry> entries) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO ledger_entry (seq, kind, actor, at, payload, prev_hash, hash, signature)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            while (entries.hasNext()) {
                var e = entries.next();
                Appender.bind(ps, e);
                ps.addBatch();
                Projector.apply(c, e);
                if (++n % 512 == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
        new TreeNodes(c).catchUp();
    }

    static String toLine(Entry e) {
        var o = Canonical.object().put("seq", e.seq()).put("kind", e.kind()).put("actor", e.actor())
                .put("at", e.at().toString()).put("payload", e.payload()).put("prev", Hashes.hex(e.prevHash()))
                .put("hash", Hashes.hex(e.hash())).put("signature", Base64.getEncoder().encodeToString(e.signature()));
        return Canonical.json(o);
    }

    private static final List<String> FIELDS = List.of("seq", "kind", "actor", "at", "payload", "prev", "hash", "signature");

    private static final JsonLines JSON_LINES = new JsonLines();

    private static Entry fromNode(JsonNode o, Position at, Problems problems) {
        try {
            var missing = FIELDS.stream().filter(f -> o.get(f) == null || o.get(f).isNull()).toList();
            if (!missing.isEmpty()) throw new IllegalArgumentException("missing " + String.join(", ", missing));
            return new Entry(o.get("seq").asLong(), o.get("kind").asText(), o.get("actor").asText(),
                    Instant.parse(o.get("at").asText()), o.get("payload").asText(), Hashes.unhex(o.get("prev").asText()),
                    Hashes.unhex(o.get("hash").asText()), Base64.getDecoder().decode(o.get("signature").asText()));
        } catch (RuntimeException e) {
            problems.add(at, "not a ledger entry (" + Quote.shorten(String.valueOf(e.getMessage())) + ")",
                    "each line needs " + String.join(", ", FIELDS));
            throw new InvalidInputException(problems.list());
        }
    }

    /** The entries as they are read, each shown to {@code also} on the way (the replay runs on the reading thread). */
    static Iterator<Entry> tee(Iterator<Entry> entries, Consumer<Entry> also) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Entry next() {
                var e = entries.next();
                also.accept(e);
                return e;
            }
        };
    }

    static Iterator<Entry> iterate(ResultSet rs) {
        return new Iterator<>() {
            Boolean ahead;

            @Override
            public boolean hasNext() {
                try {
                    if (ahead == null) ahead = rs.next();
                    return ahead;
                } catch (SQLException e) {
                    throw new StoreException("database: " + e.getMessage(), e);
                }
            }

            @Override
            public Entry next() {
                if (!hasNext()) throw new NoSuchElementException();
                ahead = null;
                try {
                    return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getBytes(6),
                            rs.getBytes(7), rs.getBytes(8));
                } catch (SQLException e) {
                    throw new StoreException("database: " + e.getMessage(), e);
                }
            }
        };
    }
}
