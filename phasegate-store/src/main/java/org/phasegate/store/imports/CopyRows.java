package org.phasegate.store.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes import rows with PostgreSQL's binary COPY inside the caller's transaction: the bulk path, an order of
 * magnitude faster than batched INSERTs for a million rows, and binary so that neither side quotes, escapes or parses
 * text (the content is JSON, full of quotes). Rows are buffered and sent in chunks of about 1 MB.
 */
final class CopyRows implements AutoCloseable {
    private static final int CHUNK = 1 << 20;
    /** The binary format's signature, flags (none) and header extension length (none). */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final short FIELDS = 6;
    private final CopyIn copy;
    private final byte[] dataset;
    private byte[] buf = new byte[CHUNK + 64 * 1024];
    private int len;

    CopyRows(Connection c, byte[] dataset) throws SQLException {
        this.copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY import_row (import_id, ordinal, dataset, source_id, content_hash, content) FROM STDIN (FORMAT binary)");
        this.dataset = dataset;
        bytes(HEADER);
    }

    void add(long importId, int ordinal, PreparedRow r) throws SQLException {
        ensure(2 + 4 + 8 + 4 + 4 + 4 * 4 + dataset.length + r.sourceId().length + r.leafData().length + r.content().length);
        int16(FIELDS);
        int32(8);
        int64(importId);
        int32(4);
        int32(ordinal);
        field(dataset);
        field(r.sourceId());
        field(r.leafData());
        field(r.content());
        if (len >= CHUNK) send();
    }

    private void field(byte[] b) {
        int32(b.length);
        bytes(b);
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    private void int16(int v) {
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int32(int v) {
        for (int s = 24; s >= 0; s -= 8) buf[len++] = (byte) (v >>> s);
    }

    private void int64(long v) {
        for (int s = 56; s >= 0; s -= 8) buf[len++] = (byte) (v >>> s);
    }

    private void ensure(int more) {
        if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }

    private void send() throws SQLException {
        if (len == 0) return;
        copy.writeToCopy(buf, 0, len);
        len = 0;
    }

    /** Sends what is buffered and the trailer, and ends the COPY; returns the rows the server took. */
    long finish() throws SQLException {
        ensure(2);
        int16(-1);
        send();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) copy.cancelCopy();
    }
}
