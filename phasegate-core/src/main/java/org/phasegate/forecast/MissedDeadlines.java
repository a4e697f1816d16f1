package org.phasegate.forecast;

import java.util.Arrays;

/**
 * One run's missed deadlines, as the collapse hazard sees them: when an obligation's deadline passes before it is
 * complete, the hazard is raised from the deadline for a bounded number of days (overlapping windows merge, they do
 * not multiply). The January 2025 ceasefire broke down 17 days after its first phase ran out with no second phase
 * agreed (docs/forecast.md). For one thread; reset at the start of each run.
 */
final class MissedDeadlines {
    private final Model m;
    private final boolean[] passed;
    double from = Double.POSITIVE_INFINITY;
    double until = Double.NEGATIVE_INFINITY;

    MissedDeadlines(Model m) {
        this.m = m;
        this.passed = new boolean[m.deadlineObligations.length];
    }

    void reset() {
        Arrays.fill(passed, false);
        from = Double.POSITIVE_INFINITY;
        until = Double.NEGATIVE_INFINITY;
    }

    /** Records the deadlines that fall before {@code end} (a forecast day), given the run's state now. */
    void update(RunState s, double end) {
        for (int i = 0; i < passed.length; i++) {
            if (passed[i]) continue;
            double due = day(m.deadlineMoments[i], s);
            if (Double.isNaN(due) || due >= end) continue;
            passed[i] = true;
            int o = m.deadlineObligations[i];
            boolean met = s.progress[o] >= 1 && !(s.completedDay[o] > due);
            if (met) continue;
            double stop = due + m.collapse.deadlineDays;
            if (due <= until) {
                until = Math.max(until, stop);
            } else {
                from = due;
                until = stop;
            }
        }
    }

    /** The day a moment falls on in this run; NaN while it has not happened (a gate not yet opened). */
    static double day(Expr.Moment moment, RunState s) {
        return switch (moment) {
            case Expr.Moment.Fixed f -> f.day();
            case Expr.Moment.GateOpened g -> s.gateOpenedDay[g.gate()] + g.offset();
            case Expr.Moment.Completed c -> s.completedDay[c.obligation()] + c.offset();
        };
    }
}
