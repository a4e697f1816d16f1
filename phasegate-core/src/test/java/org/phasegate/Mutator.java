package org.phasegate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a valid input file, as a careless or hostile user would make them: byte flips, deletions,
 * duplications, truncation, huge values, deep nesting, invalid UTF-8, changed line endings, duplicated lines (so
 * duplicate keys), swapped lines and stray syntax. The same seed always gives the same bytes.
 */
public final class Mutator {
    private static final List<String> NOISE = List.of("", "-", ":", "{", "}", "[", "]", "'", "\"", "#", "&a", "*a", "!!binary",
            "\t", ",", "~", "null", "-1", "1e309", "1e-400", "NaN", "-0", "2.5", "2025-13-45", "%", "é", "\u0000", "<", ">", "</",
            "<!--", "&amp;", "\\u0000", "\uFEFF", "\u2028");
    private static final int HUGE = 300_000;
    private static final int DEEP = 3_000;

    private Mutator() {
    }

    /** One to three mutations of {@code original}. */
    public static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] bytes = original;
        int times = random.nextInt(1, 4);
        for (int i = 0; i < times; i++) bytes = once(bytes, random);
        return bytes;
    }

    private static byte[] once(byte[] b, SplittableRandom r) {
        int at = r.nextInt(b.length + 1);
        return switch (r.nextInt(12)) {
            case 0 -> flip(b, r);
            case 1 -> splice(b, at, Math.min(b.length, at + r.nextInt(1, 200)), new byte[0]);
            case 2 -> duplicateRange(b, r);
            case 3 -> java.util.Arrays.copyOf(b, at);
            case 4 -> splice(b, at, at, "x".repeat(r.nextInt(1, HUGE)).getBytes(StandardCharsets.UTF_8));
            case 5 -> splice(b, at, at, nesting(r));
            case 6 -> splice(b, at, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
            case 7 -> lineEndings(b, r);
            case 8 -> duplicateLine(b, r);
            case 9 -> swapLines(b, r);
            default -> splice(b, at, at, NOISE.get(r.nextInt(NOISE.size())).getBytes(StandardCharsets.UTF_8));
        };
    }

    private static byte[] flip(byte[] b, SplittableRandom r) {
        if (b.length == 0) return b;
        byte[] out = b.clone();
        int n = r.nextInt(1, 8);
        for (int i = 0; i < n; i++) out[r.nextInt(out.length)] = (byte) r.nextInt(256);
        return out;
    }

    private static byte[] nesting(SplittableRandom r) {
        String open = switch (r.nextInt(4)) {
            case 0 -> "[";
            case 1 -> "{\"a\":";
            case 2 -> "- ";
            default -> "<a>";
        };
        return open.repeat(r.nextInt(100, DEEP)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] duplicateRange(byte[] b, SplittableRandom r) {
        int from = r.nextInt(b.length + 1);
        int to = Math.min(b.length, from + r.nextInt(1, 2_000));
        return splice(b, to, to, java.util.Arrays.copyOfRange(b, from, to));
    }

    private static byte[] lineEndings(byte[] b, SplittableRandom r) {
        String text = new String(b, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        String ending = List.of("\r", "\r\n", "\n\n", "\n\r").get(r.nextInt(4));
        return text.replace("\n", ending).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] duplicateLine(byte[] b, SplittableRandom r) {
        var lines = lines(b);
        if (lines.isEmpty()) return b;
        int i = r.nextInt(lines.size());
        lines.add(i, lines.get(i));
        return join(lines);
    }

    private static byte[] swapLines(byte[] b, SplittableRandom r) {
        var lines = lines(b);
        if (lines.size() < 2) return b;
        java.util.Collections.swap(lines, r.nextInt(lines.size()), r.nextInt(lines.size()));
        return join(lines);
    }

    private static java.util.ArrayList<String> lines(byte[] b) {
        return new java.util.ArrayList<>(List.of(new String(b, StandardCharsets.ISO_8859_1).split("\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        var out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, from);
        out.writeBytes(insert);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }
}
