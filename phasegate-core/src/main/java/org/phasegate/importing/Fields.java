package org.phasegate.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.phasegate.problem.Valid;

/**
 * Reads one source row's values, remembering the first one that is wrong (its column, value and why). Mapping code
 * reads every field it needs and then asks {@link #rejection()}: a row is mapped whole, or rejected with a reason.
 */
final class Fields {
    private static final DateTimeFormatter ACLED_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private final long line;
    private final int position;
    private final java.util.function.Supplier<String> raw;
    private Rejection first;

    Fields(long line, String raw) {
        this(line, () -> raw);
    }

    /** A row starting at character {@code position} of its line (a JSON row: a minified file is one line). */
    Fields(long line, int position, String raw) {
        this(line, position, () -> raw);
    }

    /** With the row's text made only if the row is rejected. */
    Fields(long line, java.util.function.Supplier<String> raw) {
        this(line, 0, raw);
    }

    Fields(long line, int position, java.util.function.Supplier<String> raw) {
        this.line = line;
        this.position = position;
        this.raw = raw;
    }

    long line() {
        return line;
    }

    boolean ok() {
        return first == null;
    }

    Optional<Rejection> rejection() {
        return Optional.ofNullable(first);
    }

    void reject(String column, String value, String reason) {
        if (first == null) first = new Rejection(line, column, value, reason, raw.get(), position);
    }

    /** Rejects a row whose {@code key} another row of this file had, naming where: "{@code what} was given before in this file, at line N". */
    void firstInFile(java.util.Map<String, Long> seen, String key, String column, String value, String what) {
        if (!ok()) return;
        var before = seen.putIfAbsent(key, line);
        if (before != null) reject(column, value, what + " was given before in this file, at line " + before);
    }

    /** Rejects a date after {@code today}: no source reports a day that has not come yet (a typing error, a test row). */
    void notAfter(String column, String value, Optional<LocalDate> date, LocalDate today) {
        if (date.isPresent() && date.get().isAfter(today)) reject(column, value, "dated after today (" + today + ")");
    }

    /** The row's id: required, and short plain text ({@link Valid#MAX_ID} characters, no control character). */
    String id(String column, String value) {
        var v = required(column, value);
        if (ok()) textProblem(v, Valid.MAX_ID).ifPresent(why -> reject(column, v, why));
        return v;
    }

    /** An attribute's value (absent stays absent): plain text of at most {@link Valid#MAX_TEXT} characters. */
    String text(String column, String value) {
        if (value != null && ok()) textProblem(value, Valid.MAX_TEXT).ifPresent(why -> reject(column, value, why));
        return value;
    }

    /** Why {@code v} is not text a row can keep (too long, a control character, a lone surrogate), if it is not. */
    static Optional<String> textProblem(String v, int max) {
        if (v.length() > max) return Optional.of(String.format("longer than %,d characters", max));
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return Optional.of(String.format("contains a control character (U+%04X at character %d)", (int) c, i + 1));
            }
            if (Character.isHighSurrogate(c) && (i + 1 == v.length() || !Character.isLowSurrogate(v.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(v.charAt(i - 1)))) {
                return Optional.of("contains a lone surrogate (at character " + (i + 1) + "), not text");
            }
        }
        return Optional.empty();
    }

    /** A value the row must have. */
    String required(String column, String value) {
        if (value == null || value.isBlank()) reject(column, "", "a value is required");
        return value == null ? "" : value;
    }

    /** A whole number >= 0 (a count: events, fatalities, persons); absent stays absent, never 0. */
    OptionalDouble count(String column, String value) {
        if (value == null || value.isBlank()) return OptionalDouble.empty();
        try {
            long n = Long.parseLong(value.strip());
            if (n < 0) {
                reject(column, value, "a count cannot be negative");
                return OptionalDouble.empty();
            }
            if (n > 1_000_000_000L) {
                reject(column, value, "a count over 1,000,000,000 is not plausible for one row");
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(n);
        } catch (NumberFormatException e) {
            reject(column, value, "not a whole number");
            return OptionalDouble.empty();
        }
    }

    /** A required count. */
    double requiredCount(String column, String value) {
        if (value == null || value.isBlank()) {
            reject(column, "", "a count is required");
            return 0;
        }
        return count(column, value).orElse(0);
    }

    /** A finite decimal in [min, max] (a coordinate). */
    OptionalDouble decimal(String column, String value, double min, double max) {
        if (value == null || value.isBlank()) return OptionalDouble.empty();
        try {
            double d = Double.parseDouble(value.strip());
            if (!Double.isFinite(d) || d < min || d > max) {
                reject(column, value, "must be a number from " + fmt(min) + " to " + fmt(max));
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(d);
        } catch (NumberFormatException e) {
            reject(column, value, "not a number");
            return OptionalDouble.empty();
        }
    }

    /** A date: ISO ({@code 2024-01-15}, or the date part of {@code 2024-01-15 00:00:00.000}) or ACLED's {@code 15 January 2024}. */
    Optional<LocalDate> date(String column, String value) {
        if (value == null || value.isBlank()) {
            reject(column, "", "a date is required");
            return Optional.empty();
        }
        var v = value.strip();
        try {
            if (isoDigits(v)) return Optional.of(LocalDate.of(digits(v, 0, 4), digits(v, 5, 7), digits(v, 8, 10)));
            if (v.length() >= 10 && Character.isDigit(v.charAt(0)) && v.charAt(4) == '-') {
                if (v.length() > 10 && v.charAt(10) != ' ' && v.charAt(10) != 'T') throw new DateTimeParseException("", v, 10);
                return Optional.of(LocalDate.parse(v.substring(0, 10)));
            }
            return Optional.of(LocalDate.parse(v, ACLED_DATE));
        } catch (DateTimeException | StringIndexOutOfBoundsException e) {
            reject(column, value, "not a date (yyyy-mm-dd or '15 January 2024')");
            return Optional.empty();
        }
    }

    /** Exactly {@code yyyy-mm-dd} in ASCII digits: read without the formatter, which costs more than the rest of a row's checks. */
    private static boolean isoDigits(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') return false;
        for (int i = 0; i < 10; i++) {
            char c = v.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) return false;
        }
        return true;
    }

    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) n = n * 10 + (v.charAt(i) - '0');
        return n;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
