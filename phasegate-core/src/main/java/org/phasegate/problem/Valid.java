package org.phasegate.problem;

/**
 * Checks for the values records hold, called from their compact constructors so that no path (reader, store,
 * test, benchmark) can build an invalid one. Each throws {@link IllegalArgumentException} with a message fit
 * for a user; readers turn it into a located problem.
 */
public final class Valid {
    /** Ids and names are short: long enough for any real one, short enough to quote. */
    public static final int MAX_ID = 200;
    /** Free text such as a description or a note. */
    public static final int MAX_TEXT = 100_000;

    private Valid() {
    }

    /** A non-blank id of at most {@value #MAX_ID} characters, without control characters or lone surrogates. */
    public static String id(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + " is missing or blank");
        return text(value, what, MAX_ID);
    }

    /**
     * An id that the scenario loader may leave empty after reporting it missing; anything else follows {@link #id}.
     */
    public static String idOrMissing(String value, String what) {
        return value != null && value.isEmpty() ? value : id(value, what);
    }

    /** Text of at most {@code max} characters without control characters (tab and line breaks allowed) or lone surrogates. */
    public static String text(String value, String what, int max) {
        if (value == null) throw new IllegalArgumentException(what + " is missing");
        if (value.length() > max) throw new IllegalArgumentException(what + " is " + value.length() + " characters long; at most " + max);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw new IllegalArgumentException(what + " " + Quote.of(value) + " contains a control character (at " + (i + 1) + ")");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                throw new IllegalArgumentException(what + " contains a lone surrogate (at " + (i + 1) + "), not text");
            }
        }
        return value;
    }

    public static double finite(double value, String what) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException(what + " must be a finite number, not " + value);
        return value;
    }

    public static double nonNegative(double value, String what) {
        if (!(finite(value, what) >= 0)) throw new IllegalArgumentException(what + " must not be negative, not " + value);
        return value;
    }
}
