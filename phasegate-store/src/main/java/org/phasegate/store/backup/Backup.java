package org.phasegate.store.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import org.phasegate.store.DataKeyRotation;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.ledger.Canonical;

/**
 * A complete, encrypted copy of a store: every ledger entry (as {@code ledger export} writes them; the query tables
 * are rebuilt from them on restore), then the rows that are not in the ledger, still sealed as they are at rest
 * (users' signing keys under their passwords and the data key, confidential parts, the store's own secrets, failed
 * sign-ins), then an end line with the counts. The whole is encrypted by {@link SealedStream} under a key derived
 * from the data key, so restoring needs the data key the backup was made with, and users act again with their
 * passwords. {@code ledger export} stays the public form.
 */
public final class Backup {
    private static final int VERSION = 1;
    private static final String SECRETS = "{\"section\":\"secrets\"}";
    /** The tables not derived from the ledger, with their columns; binary columns travel as base64. */
    private static final List<Table> TABLES = List.of(
            new Table("user_key", List.of("name", "seq", "nonce", "private_key", "password_hash", "kek_salt")),
            new Table("confidential_blob", List.of("commitment", "nonce", "ciphertext")),
            new Table("sealed_secret", List.of("purpose", "nonce", "ciphertext")),
            new Table("auth_failure", List.of("name", "at", "reason")),
            // imported rows: their import's ledger entry commits to them by a Merkle root, but does not carry them
            new Table("import_row", List.of("import_id", "ordinal", "dataset", "source_id", "content_hash", "content")));

    private record Table(String name, List<String> columns) {
    }

    public record Summary(long entries, long rows) {
    }

    /** Opens the backup afresh (restore reads it more than once rather than holding it in memory). */
    public interface Source {
        InputStream open() throws IOException;
    }

    private Backup() {
    }

    public static Summary write(Store store, DataKey key, OutputStream raw) throws IOException {
        try (var w = new BufferedWriter(new OutputStreamWriter(SealedStream.sealing(raw, key), StandardCharsets.UTF_8))) {
            w.write(Canonical.json(Canonical.object().put("backup", "phasegate").put("version", VERSION)
                    .put("dataKey", DataKeyRotation.fingerprint(key))) + "\n");
            long entries = store.ledger().export(w);
            w.write(SECRETS + "\n");
            long rows = Tx.run(store.database().dataSource(), c -> {
                long n = 0;
                for (var t : TABLES) n += dump(c, t, w);
                return n;
            });
            w.write(Canonical.json(Canonical.object().put("end", true).put("entries", entries).put("rows", rows)) + "\n");
            return new Summary(entries, rows);
        }
    }

    private static long dump(Connection c, Table t, BufferedWriter w) throws SQLException {
        long n = 0;
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT " + String.join(", ", t.columns()) + " FROM " + t.name())) {
            while (rs.next()) {
                var row = Canonical.object().put("table", t.name());
                for (int i = 0; i < t.columns().size(); i++) {
                    var v = rs.getObject(i + 1);
                    var col = t.columns().get(i);
                    if (v == null) row.putNull(col);
                    else if (col.equals("at")) row.put(col, rs.getObject(i + 1, java.time.OffsetDateTime.class).toInstant().toString());
                    else if (v instanceof byte[] b) row.put(col, Base64.getEncoder().encodeToString(b));
                    else row.put(col, rs.getString(i + 1));
                }
                w.write(Canonical.json(row));
                w.write('\n');
                n++;
            }
        } catch (IOException e) {
            throw new StoreException("cannot write the backup: " + e.getMessage(), e);
        }
        return n;
    }

    /**
     * Restores into this empty store: checks the whole backup opens and is complete, verifies its ledger, then writes
     * the entries, the query tables they project, and the sealed rows in one transaction.
     */
    public static Summary restore(Store store, DataKey key, Source source) {
        var end = check(key, source);
        var report = store.ledger().importFrom("backup", () -> entries(key, source), c -> {
            try (var in = reader(key, source)) {
                skipTo(in, SECRETS);
                for (String line; (line = in.readLine()) != null; ) {
                    var row = Canonical.parse(line);
                    if (row.has("end")) break;
                    insert(c, row);
                }
            } catch (IOException e) {
                throw new StoreException("cannot read the backup: " + e.getMessage(), e);
            }
        });
        return new Summary(report.entries(), end.path("rows").asLong());
    }

    /** Reads the backup through: every part authentic, the header known, the end line present and its counts right. */
    public static JsonNode check(DataKey key, Source source) {
        try (var in = reader(key, source)) {
            var header = Canonical.parse(in.readLine());
            if (!"phasegate".equals(header.path("backup").asText()) || header.path("version").asInt() != VERSION) {
                throw new StoreException("not a phasegate backup of version " + VERSION);
            }
            long entries = 0;
            long rows = 0;
            boolean secrets = false;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals(SECRETS)) secrets = true;
                else if (line.startsWith("{\"end\":")) {
                    var end = Canonical.parse(line);
                    if (end.path("entries").asLong() != entries || end.path("rows").asLong() != rows) {
                        throw new StoreException("the backup is incomplete: it holds " + entries + " entries and " + rows + " rows, its end line says "
                                + end.path("entries").asLong() + " and " + end.path("rows").asLong());
                    }
                    return end;
                } else if (secrets) rows++;
                else entries++;
            }
            throw new StoreException("the backup has no end line (cut short?)");
        } catch (IOException e) {
            throw new StoreException("cannot read the backup: " + e.getMessage(), e);
        }
    }

    private static BufferedReader reader(DataKey key, Source source) throws IOException {
        return new BufferedReader(new InputStreamReader(SealedStream.opening(source.open(), key), StandardCharsets.UTF_8));
    }

    /** The entries part as an export's bytes: after the header line, up to the secrets line. */
    private static InputStream entries(DataKey key, Source source) throws IOException {
        var in = reader(key, source);
        in.readLine();
        return new InputStream() {
            private byte[] pending = new byte[0];
            private int pos;
            private boolean done;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                while (pos == pending.length) {
                    if (done) return -1;
                    var line = in.readLine();
                    if (line == null || line.equals(SECRETS)) {
                        done = true;
                        return -1;
                    }
                    pending = (line + "\n").getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                }
                int n = Math.min(len, pending.length - pos);
                System.arraycopy(pending, pos, buf, off, n);
                pos += n;
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static void skipTo(BufferedReader in, String marker) throws IOException {
        for (String line; (line = in.readLine()) != null; ) if (line.equals(marker)) return;
        throw new StoreException("the backup has no secrets section");
    }

    private static void insert(Connection c, JsonNode row) throws SQLException {
        var table = TABLES.stream().filter(t -> t.name().equals(row.path("table").asText())).findFirst()
                .orElseThrow(() -> new StoreException("the backup names an unknown table '" + row.path("table").asText() + "'"));
        var cols = table.columns();
        try (var ps = c.prepareStatement("INSERT INTO " + table.name() + " (" + String.join(", ", cols) + ") VALUES ("
                + String.join(", ", cols.stream().map(x -> "?").toList()) + ")")) {
            for (int i = 0; i < cols.size(); i++) bind(ps, i + 1, cols.get(i), row.get(cols.get(i)));
            ps.executeUpdate();
        }
    }

    private static void bind(java.sql.PreparedStatement ps, int i, String col, JsonNode v) throws SQLException {
        if (v == null || v.isNull()) {
            ps.setObject(i, null);
            return;
        }
        switch (col) {
            case "nonce", "private_key", "kek_salt", "ciphertext", "content_hash" -> ps.setBytes(i, Base64.getDecoder().decode(v.asText()));
            case "seq", "import_id" -> ps.setLong(i, v.asLong());
            case "ordinal" -> ps.setInt(i, v.asInt());
            case "at" -> ps.setObject(i, java.time.Instant.parse(v.asText()).atOffset(java.time.ZoneOffset.UTC));
            default -> ps.setString(i, v.asText());
        }
    }
}
