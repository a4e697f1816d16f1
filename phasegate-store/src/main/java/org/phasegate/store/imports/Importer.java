package org.phasegate.store.imports;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.phasegate.evidence.Workflow;
import org.phasegate.importing.Dataset;
import org.phasegate.importing.Rejection;
import org.phasegate.importing.SourceReader;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.ledger.Actor;
import org.phasegate.store.ledger.Appender;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Kinds;

/**
 * Imports one file in one transaction: the rows stream from the reader into COPY, each new one a leaf of the
 * import's Merkle tree; rows already imported unchanged are skipped (dataset + source id + content hash), a row whose
 * id was imported with other content is rejected (the stored row stands). Bad rows refuse the whole file unless
 * quarantined. If anything was added, one signed {@code import} entry commits to all of it; a file that adds nothing
 * writes nothing. The import's id is its entry's seq, known up front because the appender holds the ledger's lock.
 */
public final class Importer {
    /** Problems shown when a file is refused; the count says how many more there were. */
    static final int SHOWN = 100;
    private final DataSource ds;
    private final Clock clock;
    private final int checkpointEvery;

    public Importer(DataSource ds, Clock clock, int checkpointEvery) {
        this.ds = ds;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
    }

    /** Opens the file's bytes. */
    public interface Source {
        InputStream open() throws IOException;
    }

    /** Work to do with the outcome before the import commits (writing the quarantine file); throwing rolls the import back. */
    public interface BeforeCommit {
        void accept(ImportOutcome outcome) throws java.io.IOException;
    }

    public ImportOutcome run(Actor actor, SourceReader reader, Source source, ImportRequest request) {
        return run(actor, reader, source, request, o -> { });
    }

    public ImportOutcome run(Actor actor, SourceReader reader, Source source, ImportRequest request, BeforeCommit beforeCommit) {
        if (!request.dryRun()) Workflow.refuseReport(actor.name(), actor.role()).ifPresent(why -> {
            throw new StoreException(why.replace("report records", "import data"));
        });
        return Tx.run(ds, c -> {
            var appender = request.dryRun() ? null : Appender.begin(c, checkpointEvery);
            long importId = appender == null ? 0 : appender.lastSeq() + 1;
            var sink = new Sink(c, importId, request.dryRun());
            try (var in = source.open()) {
                Pipeline.run(reader, request.file(), in, sink);
                sink.finish();
            } catch (IOException e) {
                throw new StoreException("cannot read " + request.file() + ": " + e.getMessage(), e);
            } finally {
                sink.close();   // cancels a COPY still open (the read failed), so the rollback can run
            }
            if (!sink.rejected.isEmpty() && !request.quarantine() && !request.dryRun()) throw refused(request.file(), sink.rejected);
            ImportOutcome outcome;
            if (sink.added == 0 || appender == null) {
                outcome = sink.outcome(OptionalLong.empty(), Optional.empty());
            } else {
                var root = Hashes.hex(sink.tree.root());
                long seq = appender.append(Kinds.IMPORT, actor, payload(request, sink, root), clock.instant());
                if (seq != importId) throw new IllegalStateException("import entry " + seq + ", rows written for " + importId);
                appender.flush();
                outcome = sink.outcome(OptionalLong.of(importId), Optional.of(root));
            }
            try {
                beforeCommit.accept(outcome);
            } catch (java.io.IOException e) {
                throw new StoreException("nothing was imported: " + e.getMessage(), e);
            }
            return outcome;
        });
    }

    private static InvalidInputException refused(String file, List<Rejection> rejected) {
        var problems = new ArrayList<Problem>();
        rejected.stream().limit(SHOWN).forEach(r -> problems.add(r.problem(file)));
        if (rejected.size() > SHOWN) {
            problems.add(new Problem(file, 0, 0, (rejected.size() - SHOWN) + " more rejected row" + (rejected.size() - SHOWN == 1 ? "" : "s") + " not shown",
                    "--dry-run lists them all; --quarantine FILE imports the good rows and writes the bad ones there"));
        }
        return new InvalidInputException(problems);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode payload(ImportRequest r, Sink s, String root) {
        var d = s.dataset;
        var p = Canonical.object().put("kind", r.kind().wireName()).put("dataset", d.id()).put("title", d.title()).put("file", fileName(r.file()))
                .put("fileSha256", r.fileSha256()).put("rows", s.added).put("root", root).put("state", r.rule().state().wireName())
                .put("origin", r.rule().origin().wireName()).put("licence", d.licence()).put("attribution", d.attribution())
                .put("sourceUrl", d.sourceUrl()).put("unchanged", s.unchanged).put("rejected", s.rejected.size());
        var types = p.putObject("types");
        new TreeMap<>(s.byType).forEach(types::put);
        return p;
    }

    private static String fileName(String file) {
        var name = java.nio.file.Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }

    /** Receives the reader's rows: dedup against the store, COPY, Merkle leaves, counts. */
    private static final class Sink implements Pipeline.Sink {
        private final Connection c;
        private final long importId;
        private final boolean dry;
        private final StreamingRoot tree = new StreamingRoot();
        private final List<Rejection> rejected = new ArrayList<>();
        private final Map<String, Long> byType = new HashMap<>();
        private final Map<String, Long> flagged = new HashMap<>();
        private final SeenIds seen = new SeenIds();
        private Map<String, Stored> stored = Map.of();
        private Dataset dataset;
        private byte[] datasetBytes;
        private CopyRows copy;
        private long read;
        private long added;
        private long unchanged;
        private LocalDate lastEnd;
        private String lastPeriod;
        private long storedIn;

        private record Stored(byte[] hash, long importId) {
        }

        Sink(Connection c, long importId, boolean dry) {
            this.c = c;
            this.importId = importId;
            this.dry = dry;
        }

        @Override
        public void begin(Dataset d) {
            dataset = d;
            try {
                stored = stored(d.id());
                datasetBytes = d.id().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (!dry) copy = new CopyRows(c);
            } catch (SQLException e) {
                throw new StoreException("database: " + e.getMessage(), e);
            }
        }

        private Map<String, Stored> stored(String datasetId) throws SQLException {
            var out = new HashMap<String, Stored>();
            try (var ps = c.prepareStatement("SELECT source_id, content_hash, import_id FROM import_row WHERE dataset = ?")) {
                ps.setString(1, datasetId);
                ps.setFetchSize(10_000);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), new Stored(rs.getBytes(2), rs.getLong(3)));
                }
            }
            return out;
        }

        @Override
        public void row(PreparedRow prepared) {
            var row = prepared.row();
            read++;
            long before = seen.putIfAbsent(prepared.sourceId(), row.line());
            if (before >= 0) {
                rejected.add(new Rejection(row.line(), "id", row.sourceId(), "row id given before in this file, at line " + before, ""));
                return;
            }
            var hash = prepared.leafData();
            var old = stored.get(row.sourceId());
            if (old != null) {
                if (java.util.Arrays.equals(old.hash(), hash)) {
                    unchanged++;
                    storedIn = Math.max(storedIn, old.importId());
                    countFlags(row);
                } else {
                    rejected.add(new Rejection(row.line(), "id", row.sourceId(), "row id was imported before (import " + old.importId()
                        + ") with other content; the stored row stands and is not overwritten (a correction needs a new row id)",
                            new String(prepared.content(), java.nio.charset.StandardCharsets.UTF_8)));
                }
                return;
            }
            if (!dry) {
                try {
                    copy.add(importId, (int) added, datasetBytes, prepared.sourceId(), prepared.leafData(), prepared.content());
                } catch (SQLException e) {
                    throw new StoreException("database: " + e.getMessage(), e);
                }
            }
            tree.addLeafHash(prepared.leafHash());
            added++;
            byType.merge(row.type(), 1L, Long::sum);
            countFlags(row);
            row.period().ifPresent(p -> {
                if (lastEnd == null || p.end().isAfter(lastEnd)) {
                    lastEnd = p.end();
                    lastPeriod = p.upTo();
                }
            });
        }

        private void countFlags(org.phasegate.importing.ImportedRow row) {
            for (var flag : row.flags()) flagged.merge(flag, 1L, Long::sum);
        }

        @Override
        public void rejected(Rejection rejection) {
            read++;
            rejected.add(rejection);
        }

        void finish() throws SQLException {
            if (copy != null) {
                long n = copy.finish();
                if (n != added) throw new IllegalStateException("COPY took " + n + " rows of " + added);
            }
        }

        void close() throws SQLException {
            if (copy != null) copy.close();
        }

        ImportOutcome outcome(OptionalLong id, Optional<String> root) {
            if (dataset == null) throw new IllegalStateException("the reader named no dataset");
            return new ImportOutcome(dataset, read, added, unchanged, rejected, byType, id, root, Optional.ofNullable(lastPeriod), stored(), flagged);
        }

        private Optional<ImportOutcome.Stored> stored() {
            if (storedIn == 0) return Optional.empty();
            try (var ps = c.prepareStatement("SELECT source_url, licence, attribution FROM import_batch WHERE id = ?")) {
                ps.setLong(1, storedIn);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreException("import " + storedIn + " holds rows but is not in import_batch (run phasegate ledger verify)");
                    return Optional.of(new ImportOutcome.Stored(storedIn, rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            } catch (SQLException e) {
                throw new StoreException("database: " + e.getMessage(), e);
            }
        }
    }
}
