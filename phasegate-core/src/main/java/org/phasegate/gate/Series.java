package org.phasegate.gate;

import java.time.Instant;
import java.util.Arrays;

/**
 * The verified records of one measure in time order, with running totals, so that any total, count or
 * "last record before" question is a binary search. A record may restate the total ({@code cumulative}: the total
 * becomes its value) or a share of it ({@code percent}); {@code percent[i]} is the latest stated percentage if no
 * cumulative total came after it (else NaN) and {@code sincePercent[i]} what increments added after it.
 */
final class Series {
    static final Series EMPTY = new Series(new long[0], new double[0], new int[0], new double[0], new double[0]);
    private final long[] times;          // epoch seconds, ascending
    private final double[] cumulative;   // the measure's total after record i
    private final int[] attestations;    // independent attestations of record i
    private final double[] percent;
    private final double[] sincePercent;

    Series(long[] times, double[] cumulative, int[] attestations, double[] percent, double[] sincePercent) {
        this.times = times;
        this.cumulative = cumulative;
        this.attestations = attestations;
        this.percent = percent;
        this.sincePercent = sincePercent;
    }

    /** The latest stated percentage still in force at {@code at} (NaN if none), and what was added after it. */
    double percentUpTo(long at) {
        int n = countUpTo(at);
        return n == 0 ? Double.NaN : percent[n - 1];
    }

    double addedSincePercentUpTo(long at) {
        int n = countUpTo(at);
        return n == 0 ? 0 : sincePercent[n - 1];
    }

    long[] times() {
        return times;
    }

    /** Number of records at or before {@code at}. */
    int countUpTo(long at) {
        int i = Arrays.binarySearch(times, at);
        if (i < 0) return -i - 1;
        while (i + 1 < times.length && times[i + 1] == at) i++;
        return i + 1;
    }

    double totalUpTo(long at) {
        int n = countUpTo(at);
        return n == 0 ? 0 : cumulative[n - 1];
    }

    /** Total of records in (from, to]. */
    double totalBetween(long from, long to) {
        return totalUpTo(to) - totalUpTo(from);
    }

    int countBetween(long from, long to) {
        return countUpTo(to) - countUpTo(from);
    }

    /** Epoch second of the last record at or before {@code at}, or Long.MIN_VALUE if none. */
    long lastUpTo(long at) {
        int n = countUpTo(at);
        return n == 0 ? Long.MIN_VALUE : times[n - 1];
    }

    /** Most independent attestations any record up to {@code at} has. */
    int bestAttestationsUpTo(long at) {
        int n = countUpTo(at);
        int best = 0;
        for (int i = 0; i < n; i++) best = Math.max(best, attestations[i]);
        return best;
    }

    static Instant instant(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond);
    }
}
