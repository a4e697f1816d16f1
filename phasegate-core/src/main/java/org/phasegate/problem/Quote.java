package org.phasegate.problem;

/** A value from the input, quoted for a message: at most {@value #MAX} characters, control characters shown escaped. */
public final class Quote {
    public static final int MAX = 80;

    private Quote() {
    }

    /** {@code 'value'}, or {@code 'first 80 characters…' (N characters)} when longer. */
    public static String of(String value) {
        if (value == null) return "null";
        return "'" + shorten(value) + "'" + (value.length() > MAX ? " (" + value.length() + " characters)" : "");
    }

    /** The value cut to {@value #MAX} characters (never inside a surrogate pair), control characters escaped. */
    public static String shorten(String value) {
        int end = Math.min(value.length(), MAX);
        if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) end--;
        var out = new StringBuilder(end + 8);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return end < value.length() ? out.append('…').toString() : out.toString();
    }
}
