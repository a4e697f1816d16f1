package org.phasegate.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * How to run a forecast: the seed, the number of runs, the threads, the step and horizon, the dates to report,
 * the phase the failure paths and the sensitivity analysis look at, how many runs each sensitivity arm gets
 * (0: no sensitivity analysis) and the date whose P(complete by) it compares (default: the end of the horizon).
 */
public record ForecastOptions(long seed, int runs, int threads, double stepDays, int horizonDays, List<LocalDate> by,
                              String focusPhase, int sensitivityRuns, Optional<LocalDate> sensitivityDate) {

    public ForecastOptions {
        by = List.copyOf(by);
        if (runs < 1) throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        if (!(stepDays > 0)) throw new IllegalArgumentException("stepDays must be positive, got " + stepDays);
        if (horizonDays < 1) throw new IllegalArgumentException("horizonDays must be positive, got " + horizonDays);
        if (sensitivityRuns < 0) throw new IllegalArgumentException("sensitivityRuns cannot be negative");
    }

    /** Weekly steps over two years on every core, reporting the ends of 2026 and 2027, phase 2 in focus. */
    public static ForecastOptions defaults(long seed, int runs) {
        return new ForecastOptions(seed, runs, Runtime.getRuntime().availableProcessors(), 7, 730,
                List.of(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 12, 31)), "phase-2", Math.min(runs, 2000), Optional.empty());
    }

    public ForecastOptions withThreads(int n) {
        return new ForecastOptions(seed, runs, n, stepDays, horizonDays, by, focusPhase, sensitivityRuns, sensitivityDate);
    }

    public ForecastOptions withRuns(int n, int sensitivity) {
        return new ForecastOptions(seed, n, threads, stepDays, horizonDays, by, focusPhase, sensitivity, sensitivityDate);
    }

    public ForecastOptions withHorizon(double step, int days) {
        return new ForecastOptions(seed, runs, threads, step, days, by, focusPhase, sensitivityRuns, sensitivityDate);
    }
}
