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
 * time rather than a char at a time, which is where a StringBuilder spent most of an import's CPU. One per thread.
 */
final class RowBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf = new byte[1024];
    private int len;
    private final String[][] lastKeys = new String[2][];

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
        var keys = sortedKeys(map, text ? 0 : 1);
        put('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) put(',');
            quote(keys[i]);
            put(':');
            var v = map.get(keys[i]);
            if (text) quote((String) v);
            else number((Double) v);
        }
        put('}');
    }

    /** The map's keys sorted; the last row's when the key set is the same (as it mostly is: one reader, one shape). */
    private String[] sortedKeys(Map<String, ?> map, int slot) {
        var last = lastKeys[slot];
        if (last != null && last.length == map.size()) {
            boolean same = true;
            for (int i = 0; i < last.length && same; i++) same = map.containsKey(last[i]);
            if (same) return last;   // as many keys, all of them in the map: the same set
        }
        var keys = map.keySet().toArray(String[]::new);
        Arrays.sort(keys);
        lastKeys[slot] = keys;
        return keys;
    }

    /**
     * A JSON string as Jackson escapes it, UTF-8 encoded (a lone surrogate as '?', as String.getBytes does). The JDK
     * encodes (a copy for ASCII text); only ASCII bytes can need escaping, since UTF-8's multi-byte sequences have none.
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
