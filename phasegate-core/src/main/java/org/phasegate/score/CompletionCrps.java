package org.phasegate.score;

/**
 * The CRPS of a Monte Carlo completion-date forecast against what happened, over the window the forecast and the
 * outcome both cover: ∫_0^U (F(x) − 1{y ≤ x})² dx with U = min(horizon, observed until), computed exactly over the
 * step function F of the runs (O(runs) once sorted).
 *
 * <p>Why a window. The forecast's F is unknown past its horizon, and an outcome not completed by its evaluation date
 * is unknown past that date; integrating beyond either would invent values. Restricting the integral to [0, U] is
 * the threshold-weighted CRPS with weight 1 on [0, U] (Gneiting and Ranjan 2011, J. Bus. Econ. Stat. 29:411), which
 * stays proper when U is fixed by the forecast's horizon and the evaluation date, not by the outcome. Consequences:
 * scores are comparable only between forecasts scored over the same window (hence {@code windowDays} in the result);
 * a completion after the horizon scores as "not by the horizon"; a forecast with all runs and the outcome inside the
 * window gets exactly the standard ensemble CRPS ({@link Crps.Estimator#STANDARD}).
 */
public record CompletionCrps(double crps, double windowDays) {

    public CompletionCrps {
        if (!(crps >= 0) || !(windowDays >= 0)) throw new IllegalArgumentException("CRPS and window are non-negative");
    }

    public static CompletionCrps of(CompletionForecast f, DateOutcome outcome) {
        double end = Math.min(f.horizonDays(), outcome.observedUntilDays());
        double y = outcome.completedDay().orElse(Double.POSITIVE_INFINITY);
        double step = 1.0 / f.runs();
        double sum = 0, at = 0, cdf = 0;
        int next = 0;
        boolean happened = false;
        while (at < end) {
            double runDay = next < f.completedRuns() ? f.day(next) : Double.POSITIVE_INFINITY;
            double change = Math.min(Math.min(runDay, happened ? Double.POSITIVE_INFINITY : y), end);
            double gap = cdf - (happened ? 1 : 0);
            sum += gap * gap * (change - at);
            at = change;
            while (next < f.completedRuns() && f.day(next) <= at) {
                cdf = (next + 1) * step;
                next++;
            }
            if (y <= at) happened = true;
        }
        return new CompletionCrps(sum, end);
    }
}
