package org.phasegate.scenario;

import java.time.Duration;

/** Formatting of quantities and durations for people. */
public final class Numbers {
    private Numbers() {
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
