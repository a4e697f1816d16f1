package org.phasegate.score;

import java.util.Arrays;

/**
 * A Monte Carlo forecast of when something completes (a phase, a gate), as days after the forecast's date:
 * {@code completedDays} holds the day of each run that completed within the horizon (0..horizonDays), and
 * {@code notCompleted} counts the runs that had not completed by the horizon. Its distribution function is the
 * runs' empirical one, F(x) = #(runs done by day x) / runs, known only up to the horizon: beyond it the forecast does
 * not say when the other runs complete, or whether they ever do.
 */
public record CompletionForecast(double[] completedDays, int notCompleted, double horizonDays) {

    public CompletionForecast {
        if (!(horizonDays > 0) || Double.isInfinite(horizonDays)) {
            throw new IllegalArgumentException("the horizon must be a positive number of days, not " + horizonDays);
        }
        if (notCompleted < 0) throw new IllegalArgumentException("runs not completed cannot be negative: " + notCompleted);
        if (completedDays.length + (long) notCompleted == 0) throw new IllegalArgumentException("a forecast needs at least one run");
        completedDays = completedDays.clone();
        for (double d : completedDays) {
            if (!(d >= 0 && d <= horizonDays)) {
                throw new IllegalArgumentException("a run completed on day " + d + ", outside 0.." + horizonDays + " (the horizon)");
            }
        }
        Arrays.sort(completedDays);
    }

    @Override
    public double[] completedDays() {
        return completedDays.clone();
    }

    public int runs() {
        return completedDays.length + notCompleted;
    }

    /** P(completed within the horizon) = F(horizon). */
    public double completedByHorizon() {
        return (double) completedDays.length / runs();
    }

    double day(int sortedIndex) {
        return completedDays[sortedIndex];
    }

    int completedRuns() {
        return completedDays.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompletionForecast c && Arrays.equals(completedDays, c.completedDays) && notCompleted == c.notCompleted
                && Double.compare(horizonDays, c.horizonDays) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(completedDays) + notCompleted) + Double.hashCode(horizonDays);
    }

    @Override
    public String toString() {
        return "CompletionForecast[" + completedDays.length + " runs completed, " + notCompleted + " not by day " + horizonDays + "]";
    }
}
