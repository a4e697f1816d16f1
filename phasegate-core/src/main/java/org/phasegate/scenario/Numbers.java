package org.phasegate.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** Numbers read from input (finite, whole where whole is required) and formatted for people. */
public final class Numbers {
    /** A decimal number as YAML and JSON write it; no hex, no "Infinity", no trailing 'd' or 'f' as Java would accept. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,9})?");
    /**
     * A whole number short enough for an int without BigDecimal, whose class initialisation alone (tables of powers
     * of ten, computed) was a tenth of a {@code scenario check}'s start-up; every whole number in the bundled files is one.
     */
    private static final Pattern SHORT_WHOLE = Pattern.compile("[-+]?\\d{1,9}");

    private Numbers() {
    }

    /** A finite double, or empty: NaN, infinities, overflow (1e309) and text that is not a decimal number. */
    public static Optional<Double> parseFinite(String text) {
        String t = text.trim();
        if (t.length() > 400 || !DECIMAL.matcher(t).matches()) return Optional.empty();
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
    }

    /** A whole number within [min, max], or empty: 2.5, 1e-400 (not whole), 1e309 (too big) and non-numbers. */
    public static Optional<Integer> parseWhole(String text, int min, int max) {
        String t = text.trim();
        if (SHORT_WHOLE.matcher(t).matches()) {
            int v = Integer.parseInt(t);
            return v < min || v > max ? Optional.empty() : Optional.of(v);
        }
        if (t.length() > 400 || !DECIMAL.matcher(t).matches()) return Optional.empty();
        BigDecimal v;
        try {
            v = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
        if (!YamlMap.isWhole(v) || v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            return Optional.empty();
        }
        return Optional.of(v.intValueExact());
    }

    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    public static String format(Duration d) {
        long hours = d.toHours();
        return hours % 24 == 0 ? hours / 24 + "d" : hours + "h";
    }
}
