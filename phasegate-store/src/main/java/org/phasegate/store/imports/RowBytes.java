package org.phasegate.store.imports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.phasegate.importing.ImportedRow;

/**
 * Writes a row's canonical JSON straight into UTF-8 bytes, reusing one buffer: the import's hot path. The bytes are
 * those of {@code Canonical.json} encoded as UTF-8 (keys sorted, Jackson's escaping and number form), which
 * {@code RowContentTest} checks against Jackson on real and generated rows. Plain ASCII runs are copied a string at a
 * time rather than a char at a time, which is where a StringBuilder spent most of an import's CPU; a map's values are
 * read in the last row's sorted key order, one lookup a key. One per thread.
 */
final class RowBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf = new byte[1024];
    private int len;
    private final String[][] lastKeys = new String[2][];
    private Object[] values = new Object[32];

    /** The row's content bytes (a fresh array). */
    byte[] content(ImportedRow r) {
        len = 0;
        ascii("{\"attributes\":");
        object(r.attributes(), true);
        ascii(",\"flags\":[");
        List<String> flags = r.flags();
        if (flags.size() > 1) flags = flags.stream().sorted().toList();
        for (int i = 0; i < flags.size(); i++) {
            if (i > 0) put(',');
            quote(flags.get(i));
        }
        put(']');
        if (r.geometry().isPresent()) {
            ascii(",\"geometry\":");
            quote(r.geometry().get());
        }
        if (r.pcode().isPresent()) {
            ascii(",\"pcode\":");
            quote(r.pcode().get());
        }
        if (r.period().isPresent()) {
            var p = r.period().get();
            ascii(",\"period\":{\"end\":\"").ascii(p.end().toString()).ascii("\",\"label\":");
            quote(p.label());
            ascii(",\"start\":\"").ascii(p.start().toString()).ascii("\"}");
        }
        ascii(",\"quantities\":");
        object(r.quantities(), false);
        ascii(",\"type\":");
        quote(r.type());
        put('}');
        return Arrays.copyOf(buf, len);
    }

    private void object(Map<String, ?> map, boolean text) {
        var keys = lastKeys[text ? 0 : 1];
        var values = sameKeys(map, keys);
        if (values == null) {
            keys = map.keySet().toArray(String[]::new);
            Arrays.sort(keys);
            lastKeys[text ? 0 : 1] = keys;
            values = sameKeys(map, keys);
        }
        put('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) put(',');
            quote(keys[i]);
            put(':');
            if (text) quote((String) values[i]);
            else number((Double) values[i]);
        }
        put('}');
    }

    /**
     * The map's values in the order of {@code keys} (the last row's sorted keys, as a reader mostly gives one shape), or
     * null when the key set is another: as many keys, each with a value (an immutable map holds no null), is the same set.
     */
    private Object[] sameKeys(Map<String, ?> map, String[] keys) {
        if (keys == null || keys.length != map.size()) return null;
        if (values.length < keys.length) values = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if ((values[i] = map.get(keys[i])) == null) return null;
        }
        return values;
    }

    /**
     * A JSON string as Jackson escapes it, UTF-8 encoded (a lone surrogate as '?', as String.getBytes does). The JDK
     * encodes (a vectorised copy for ASCII text, twice as fast as writing it a char at a time here); only ASCII bytes can
     * need escaping, since UTF-8's multi-byte sequences have none.
     */
    private void quote(String s) {
        var b = s.getBytes(StandardCharsets.UTF_8);
        int plain = 0;
        while (plain < b.length && plainByte(b[plain])) plain++;
        ensure(plain + (b.length - plain) * 6 + 2);
        buf[len++] = '"';
        System.arraycopy(b, 0, buf, len, plain);
        len += plain;
        for (int i = plain; i < b.length; i++) {
            if (plainByte(b[i])) buf[len++] = b[i];
            else escape((char) b[i]);
        }
        buf[len++] = '"';
    }

    /** Whether a UTF-8 byte is written as it is: any byte of a multi-byte sequence (negative), or printable ASCII but '"' and '\\'. */
    private static boolean plainByte(byte c) {
        return c < 0 || c >= 0x20 && c != '"' && c != '\\';
    }

    private void escape(char ch) {
        buf[len++] = '\\';
        switch (ch) {
            case '"' -> buf[len++] = '"';
            case '\\' -> buf[len++] = '\\';
            case '\n' -> buf[len++] = 'n';
            case '\r' -> buf[len++] = 'r';
            case '\t' -> buf[len++] = 't';
            case '\b' -> buf[len++] = 'b';
            case '\f' -> buf[len++] = 'f';
            default -> {
                buf[len++] = 'u';
                buf[len++] = '0';
                buf[len++] = '0';
                buf[len++] = HEX[ch >> 4];
                buf[len++] = HEX[ch & 0xF];
            }
        }
    }

    /** As Jackson writes a double (Double.toString); a whole number below 10^7 is "N.0" in that form, without the general algorithm. */
    private void number(double v) {
        if (v >= 0 && v < 1e7 && v == Math.rint(v) && !(v == 0 && 1 / v < 0)) ascii(Long.toString((long) v)).ascii(".0");
        else ascii(Double.toString(v));
    }

    /** Text known to be ASCII without anything to escape (fixed keys, dates, numbers). */
    private RowBytes ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) buf[len++] = (byte) s.charAt(i);
        return this;
    }

    private void put(char ascii) {
        ensure(1);
        buf[len++] = (byte) ascii;
    }

    private void ensure(int more) {
        if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
}
