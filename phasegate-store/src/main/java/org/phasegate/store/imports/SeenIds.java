package org.phasegate.store.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The source ids an import has met so far, with the line of each, to refuse a second row with the same id. An
 * open-addressing table of 64-bit hashes of the ids' UTF-8 bytes; the ids themselves (and their lines) are kept in
 * 1 MB chunks of one byte arena, and a hash that matches is confirmed byte for byte, so two ids are one only when they
 * are equal. No object per id: a million ids are a few arrays the garbage collector does not trace, where a map of
 * strings was four million objects kept to the end of the import.
 */
final class SeenIds {
    private static final int CHUNK = 1 << 20;
    private long[] hashes = new long[1 << 12];   // 0: an empty slot
    private long[] refs = new long[1 << 12];     // chunk << 20 | offset of the id's record: length (4 bytes), bytes, line (8 bytes)
    private int size;
    private final List<byte[]> chunks = new ArrayList<>();
    private int used = CHUNK;
    private final ToLongFunction<byte[]> hash;

    SeenIds() {
        this(SeenIds::hash);
    }

    /** With another hash function: tests give a poor one, to make every id collide. */
    SeenIds(ToLongFunction<byte[]> hash) {
        this.hash = hash;
    }

    /** The line where {@code id} was met before; or -1, and {@code id} is remembered as met at {@code line}. */
    long putIfAbsent(byte[] id, long line) {
        if (id.length + 12 > CHUNK) throw new IllegalArgumentException("a source id of " + id.length + " bytes");
        long h = hash.applyAsLong(id);
        if (h == 0) h = 1;
        int mask = hashes.length - 1;
        for (int i = (int) h & mask; ; i = (i + 1) & mask) {
            if (hashes[i] == 0) {
                hashes[i] = h;
                refs[i] = store(id, line);
                if (++size * 2 > hashes.length) grow();
                return -1;
            }
            if (hashes[i] == h && same(refs[i], id)) return lineOf(refs[i], id.length);
        }
    }

    private long store(byte[] id, long line) {
        if (used + id.length + 12 > CHUNK) {
            chunks.add(new byte[CHUNK]);
            used = 0;
        }
        var chunk = chunks.getLast();
        long ref = (long) (chunks.size() - 1) << 20 | used;
        putInt(chunk, used, id.length);
        System.arraycopy(id, 0, chunk, used + 4, id.length);
        for (int s = 0; s < 8; s++) chunk[used + 4 + id.length + s] = (byte) (line >>> (56 - 8 * s));
        used += id.length + 12;
        return ref;
    }

    private boolean same(long ref, byte[] id) {
        var chunk = chunks.get((int) (ref >>> 20));
        int at = (int) (ref & (CHUNK - 1));
        int len = (chunk[at] & 0xFF) << 24 | (chunk[at + 1] & 0xFF) << 16 | (chunk[at + 2] & 0xFF) << 8 | chunk[at + 3] & 0xFF;
        return len == id.length && Arrays.equals(chunk, at + 4, at + 4 + len, id, 0, len);
    }

    private long lineOf(long ref, int idLength) {
        var chunk = chunks.get((int) (ref >>> 20));
        int at = (int) (ref & (CHUNK - 1)) + 4 + idLength;
        long line = 0;
        for (int s = 0; s < 8; s++) line = line << 8 | chunk[at + s] & 0xFF;
        return line;
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int s = 0; s < 4; s++) b[at + s] = (byte) (v >>> (24 - 8 * s));
    }

    /** Doubles the table; the hashes are kept, so no id is read again. */
    private void grow() {
        var oldHashes = hashes;
        var oldRefs = refs;
        hashes = new long[oldHashes.length * 2];
        refs = new long[oldRefs.length * 2];
        int mask = hashes.length - 1;
        for (int j = 0; j < oldHashes.length; j++) {
            if (oldHashes[j] == 0) continue;
            int i = (int) oldHashes[j] & mask;
            while (hashes[i] != 0) i = (i + 1) & mask;
            hashes[i] = oldHashes[j];
            refs[i] = oldRefs[j];
        }
    }

    /** FNV-1a over the bytes, then MurmurHash3's finaliser so that the low bits, which pick the slot, are well mixed. */
    static long hash(byte[] id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id) h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ h >>> 33;
    }
}
