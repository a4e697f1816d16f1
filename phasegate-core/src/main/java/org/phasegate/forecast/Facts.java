package org.phasegate.forecast;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.phasegate.nowcast.Likelihood;
import org.phasegate.nowcast.Observation;

/**
 * The verified events of a nowcast against a compiled model: per gate and per deliverable, the day (from the
 * origin) of its verified first opening or completion, or NaN when it had not happened by the as-of date; and which
 * are observed at all (those already so at the origin are not).
 */
final class Facts {
    private final double[] gateDay;
    private final boolean[] gateSeen;
    private final double[] doneDay;
    private final boolean[] doneSeen;
    /**
     * The verified collapse's day, when a holding gate lets the evidence say; without one, NaN: no collapse before the
     * as-of date, the premise of a forecast from the verified state there (it starts from a plan still running).
     */
    private final double[] collapseDay = {Double.NaN};
    private final boolean[] collapseSeen = {true};
    private boolean premise = true;

    private Facts(int gates, int obligations) {
        gateDay = new double[gates];
        gateSeen = new boolean[gates];
        doneDay = new double[obligations];
        doneSeen = new boolean[obligations];
        Arrays.fill(gateDay, Double.NaN);
        Arrays.fill(doneDay, Double.NaN);
    }

    static Facts of(Model m, List<Observation> observations, Instant origin) {
        var f = new Facts(m.gates(), m.obligations());
        var gates = Arrays.asList(m.gateIds);
        var obligations = Arrays.asList(m.obligationIds);
        for (var o : observations) {
            double day = o.at().map(t -> (t.getEpochSecond() - origin.getEpochSecond()) / 86400.0).orElse(Double.NaN);
            if (o.kind() == Observation.Kind.COLLAPSE) {
                f.premise = false;
                f.collapseDay[0] = day;
                continue;
            }
            int i = (o.kind() == Observation.Kind.GATE ? gates : obligations).indexOf(o.id());
            if (i < 0) continue;
            if (o.kind() == Observation.Kind.GATE) {
                f.gateSeen[i] = true;
                f.gateDay[i] = day;
            } else {
                f.doneSeen[i] = true;
                f.doneDay[i] = day;
            }
        }
        return f;
    }

    /** Verified openings, completions and collapses in (lo, hi]. */
    int events(double lo, double hi) {
        return count(gateDay, lo, hi) + count(doneDay, lo, hi) + count(collapseDay, lo, hi);
    }

    private static int count(double[] days, double lo, double hi) {
        int n = 0;
        for (double d : days) if (d > lo && d <= hi) n++;
        return n;
    }

    /**
     * The log-likelihood of a run's history up to {@code hi} given the verified events of (lo, hi]: each verified event
     * against the run's (timing, or a mismatch if the run had not got there), and each of the run's events in
     * (lo, hi] that the evidence says had not happened by the as-of date (a mismatch).
     */
    double logLikelihood(RunResult run, double[] completed, double lo, double hi, Likelihood l) {
        return sum(run, completed, lo, hi, new Score(l::logMatch, l.logMismatch()));
    }

    /**
     * Whether the run collapsed in (lo, hi] although the nowcast takes, as the forecast from the verified state does, that
     * the plan was still running at the as-of date (no holding gate names the evidence of a collapse): such a run is
     * dropped, not merely weighed down, as long as some run kept the premise.
     */
    boolean breaksPremise(RunResult run, double lo, double hi) {
        double x = run.collapse();
        return premise && !Double.isNaN(x) && x > lo && x <= hi + 1e-9;
    }

    /** How many facts of (lo, hi] the run disagrees with on whether something happened at all (0: it tells the same story). */
    int misses(RunResult run, double[] completed, double lo, double hi) {
        return (int) Math.round(-sum(run, completed, lo, hi, new Score((x, v) -> 0, -1)));
    }

    /** What a fact adds: {@code match} when the run had it too (its day, the verified day), {@code miss} when the two disagree. */
    private record Score(java.util.function.DoubleBinaryOperator match, double miss) {
    }

    private double sum(RunResult run, double[] completed, double lo, double hi, Score score) {
        return part(gateSeen, gateDay, run.gateOpened(), lo, hi, score) + part(doneSeen, doneDay, completed, lo, hi, score)
                + part(collapseSeen, collapseDay, new double[] {run.collapse()}, lo, hi, score);
    }

    private static double part(boolean[] seen, double[] verified, double[] simulated, double lo, double hi, Score score) {
        double sum = 0;
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) continue;
            double v = verified[i];
            double x = simulated[i];
            if (!Double.isNaN(v)) {
                if (v > lo && v <= hi) sum += !Double.isNaN(x) && x <= hi + 1e-9 ? score.match().applyAsDouble(x, v) : score.miss();
            } else if (!Double.isNaN(x) && x > lo && x <= hi + 1e-9) {
                sum += score.miss();
            }
        }
        return sum;
    }
}
