package org.phasegate.store.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.phasegate.store.StoreException;
import org.phasegate.store.crypto.DataKey;

/**
 * A backup file's encryption: AES-256-GCM in chunks of 64 KiB, so memory stays bounded however large the store. The
 * file starts with a magic and a random 16-byte salt; the file key is HMAC-SHA256(data key's backup sub-key, salt).
 * Chunk i's nonce is i (8 bytes) and a last-chunk flag, and the header is associated data: chunks cannot be
 * reordered, dropped, or cut off at the end without the tag check failing.
 */
final class SealedStream {
    static final byte[] MAGIC = "PHASEGATE-BACKUP-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 64 * 1024;
    private static final int SALT = 16;

    private SealedStream() {
    }

    static OutputStream sealing(OutputStream raw, DataKey dataKey) throws IOException {
        var salt = new byte[SALT];
        new SecureRandom().nextBytes(salt);
        raw.write(MAGIC);
        raw.write(salt);
        var key = fileKey(dataKey, salt);
        var header = header(salt);
        var out = new DataOutputStream(raw);
        return new OutputStream() {
            private final byte[] buffer = new byte[CHUNK];
            private int filled;
            private long index;

            @Override
            public void write(int b) throws IOException {
                if (filled == CHUNK) emit(false);
                buffer[filled++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    if (filled == CHUNK) emit(false);
                    int n = Math.min(len, CHUNK - filled);
                    System.arraycopy(b, off, buffer, filled, n);
                    filled += n;
                    off += n;
                    len -= n;
                }
            }

            private void emit(boolean last) throws IOException {
                var sealed = crypt(Cipher.ENCRYPT_MODE, key, nonce(index++, last), header, buffer, filled);
                out.writeInt(sealed.length);
                out.write(sealed);
                filled = 0;
            }

            @Override
            public void close() throws IOException {
                emit(true);
                out.close();
            }
        };
    }

    static InputStream opening(InputStream raw, DataKey dataKey) throws IOException {
        var in = new DataInputStream(raw);
        var magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) throw new StoreException("not a phasegate backup (it does not start with " + new String(MAGIC, StandardCharsets.US_ASCII).strip() + ")");
        var salt = in.readNBytes(SALT);
        var key = fileKey(dataKey, salt);
        var header = header(salt);
        return new InputStream() {
            private byte[] plain = new byte[0];
            private int pos;
            private long index;
            private boolean ended;

            @Override
            public int read() throws IOException {
                if (!fill()) return -1;
                return plain[pos++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) return 0;
                if (!fill()) return -1;
                int n = Math.min(len, plain.length - pos);
                System.arraycopy(plain, pos, b, off, n);
                pos += n;
                return n;
            }

            private boolean fill() throws IOException {
                while (pos == plain.length) {
                    if (ended) return false;
                    int length;
                    try {
                        length = in.readInt();
                    } catch (EOFException e) {
                        throw new StoreException("the backup is cut short (its last part is missing)");
                    }
                    if (length < 16 || length > CHUNK + 16) throw new StoreException("the backup is damaged (part " + index + " has a bad length)");
                    var sealed = in.readNBytes(length);
                    if (sealed.length < length) throw new StoreException("the backup is cut short (part " + index + " is incomplete)");
                    plain = open(sealed, false);
                    if (plain == null) {
                        plain = open(sealed, true);
                        if (plain == null) throw new StoreException("the backup does not open with this data key, or part " + index + " was altered");
                        ended = true;
                    }
                    index++;
                    pos = 0;
                }
                return true;
            }

            private byte[] open(byte[] sealed, boolean last) {
                try {
                    return crypt(Cipher.DECRYPT_MODE, key, nonce(index, last), header, sealed, sealed.length);
                } catch (IOException e) {
                    return null;
                }
            }
        };
    }

    private static byte[] crypt(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] data, int length) throws IOException {
        try {
            var c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad);
            return c.doFinal(data, 0, length);
        } catch (GeneralSecurityException e) {
            throw new IOException("tag check failed", e);
        }
    }

    private static byte[] nonce(long index, boolean last) {
        return ByteBuffer.allocate(12).putLong(index).put((byte) (last ? 1 : 0)).array();
    }

    private static byte[] header(byte[] salt) {
        var h = Arrays.copyOf(MAGIC, MAGIC.length + salt.length);
        System.arraycopy(salt, 0, h, MAGIC.length, salt.length);
        return h;
    }

    private static byte[] fileKey(DataKey dataKey, byte[] salt) {
        return DataKey.hmac(dataKey.derive("phasegate backup v1"), salt);
    }
}
