package org.phasegate.store.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes import rows with PostgreSQL's COPY (CSV format) inside the caller's transaction: the bulk path, an order of
 * magnitude faster than batched INSERTs for a million rows. Rows are buffered and sent in chunks of about 1 MB.
 */
final class CopyRows implements AutoCloseable {
    private static final int CHUNK = 1 << 20;
    private static final HexFormat HEX = HexFormat.of();
    private final CopyIn copy;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 64 * 1024);
    private final StringBuilder line = new StringBuilder(1024);

    CopyRows(Connection c) throws SQLException {
        this.copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY import_row (import_id, ordinal, dataset, source_id, content_hash, content) FROM STDIN (FORMAT csv)");
    }

    void add(long importId, int ordinal, String dataset, String sourceId, byte[] hash, String content) throws SQLException {
        line.setLength(0);
        line.append(importId).append(',').append(ordinal).append(',');
        quoted(dataset).append(',');
        quoted(sourceId).append(",\\x").append(HEX.formatHex(hash)).append(',');
        quoted(content).append('\n');
        buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        if (buffer.size() >= CHUNK) send();
    }

    private StringBuilder quoted(String s) {
        line.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') line.append('"');
            line.append(ch);
        }
        return line.append('"');
    }

    private void send() throws SQLException {
        if (buffer.size() == 0) return;
        var bytes = buffer.toByteArray();
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.reset();
    }

    /** Sends what is buffered and ends the COPY; returns the rows the server took. */
    long finish() throws SQLException {
        send();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) copy.cancelCopy();
    }
}
