package org.phasegate.store.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.phasegate.importing.ImportedRow;

/**
 * A row ready to store: its source id and canonical content as UTF-8, its leaf data (SHA-256 of
 * {@code dataset 0x00 sourceId 0x00 content}) and its RFC 9162 leaf hash. Made on the reader's thread by a
 * {@link Preparer}, so the JSON and the hashing overlap with COPY on the other.
 */
record PreparedRow(ImportedRow row, byte[] sourceId, byte[] content, byte[] leafData, byte[] leafHash) {

    /** Prepares the rows of one dataset; holds a digest and a buffer, so one per thread. */
    static final class Preparer {
        private final MessageDigest md = sha256();
        private final RowBytes json = new RowBytes();
        private final byte[] dataset;

        Preparer(String dataset) {
            this.dataset = dataset.getBytes(StandardCharsets.UTF_8);
        }

        PreparedRow prepare(ImportedRow r) {
            var id = r.sourceId().getBytes(StandardCharsets.UTF_8);
            var content = json.content(r);
            md.update(dataset);
            md.update((byte) 0);
            md.update(id);
            md.update((byte) 0);
            md.update(content);
            var leafData = md.digest();
            md.update((byte) 0);   // RFC 9162 leaf hash: SHA-256(0x00 || leaf data)
            md.update(leafData);
            return new PreparedRow(r, id, content, leafData, md.digest());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
