package org.phasegate.durability;

import java.util.List;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The distribution of observation time, G(t) = P(still observed after t days), by the "reverse" Kaplan–Meier
 * estimate (the end of observation is the event, an agreement's end censors it; on a tie the agreement's end counts
 * first), and the Brier score at a horizon weighted by the inverse of G (IPCW; Graf, Schmoor, Sauerbrei and
 * Schumacher 1999, Statistics in Medicine 18:2529). An agreement that ended by the horizon weighs 1/G(its end−), one
 * still in force at the horizon 1/G(horizon), one whose observation stopped before the horizon 0: its status is
 * unknown, and the weights of those observed longer stand in for it. With no censoring before the horizon every
 * weight is 1 and the score is the plain Brier score.
 */
record Censoring(TreeMap<Long, Double> steps) {

    Censoring {
        steps = new TreeMap<>(steps);
    }

    static Censoring of(List<Agreement> data) {
        var counts = new TreeMap<Long, int[]>();   // day -> {observation ends (censored), leaving}
        for (Agreement a : data) {
            int[] c = counts.computeIfAbsent(a.days(), d -> new int[2]);
            if (!a.event()) c[0]++;
            c[1]++;
        }
        var steps = new TreeMap<Long, Double>();
        int atRisk = data.size();
        double g = 1;
        for (var e : counts.entrySet()) {
            if (e.getValue()[0] > 0) {
                g *= 1 - (double) e.getValue()[0] / atRisk;
                steps.put(e.getKey(), g);
            }
            atRisk -= e.getValue()[1];
        }
        return new Censoring(steps);
    }

    /** G(day): still observed after {@code day} (observation ending that day counts). */
    double observedAfter(double day) {
        var e = steps.floorEntry((long) Math.floor(day));
        return e == null ? 1 : e.getValue();
    }

    /** G(day−): still observed just before {@code day}. */
    double observedBefore(long day) {
        var e = steps.lowerEntry(day);
        return e == null ? 1 : e.getValue();
    }

    /** Number of agreements whose observation stopped before {@code days} without an end: weighted 0 in the Brier score. */
    static long censoredBefore(List<Agreement> data, double days) {
        return data.stream().filter(a -> !a.event() && a.days() < days).count();
    }

    /** IPCW Brier score at {@code days} of P(ended within days) from {@code p}, averaged over all of {@code data}. */
    double brier(List<Agreement> data, double days, ToDoubleFunction<Agreement> p) {
        if (data.isEmpty()) throw new ArithmeticException("no agreements to score");
        double sum = 0;
        for (Agreement a : data) {
            double weight;
            int outcome;
            if (a.event() && a.days() <= days) {
                weight = 1 / observedBefore(a.days());
                outcome = 1;
            } else if (a.days() >= days) {
                weight = 1 / observedAfter(days);
                outcome = 0;
            } else {
                continue;   // observation stopped before the horizon, no end seen
            }
            double e = p.applyAsDouble(a) - outcome;
            sum += weight * e * e;
        }
        return sum / data.size();
    }
}
