package org.phasegate.forecast;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.phasegate.nowcast.Checkpoint;
import org.phasegate.nowcast.Likelihood;

/**
 * A forecast conditioned on the verified history: runs simulated from {@code origin}, weighed against the verified
 * events at each checkpoint up to {@code asOf} and resampled (see {@link Nowcaster}). The estimates are P(by each
 * reported date) over the resampled runs, with a standard error that counts only the effective sample size at the
 * last checkpoint (resampled runs share their past). {@code warning} is present when the effective sample size fell
 * below {@link #ESS_WARNING} of the runs at some checkpoint. The collapse is read from {@code holdingGate}; without one, none before {@code asOf} is assumed.
 */
public record Nowcast(Instant origin, Instant asOf, long seed, int runs, double everyDays, Optional<String> holdingGate, Likelihood likelihood,
                      List<Checkpoint> checkpoints, int origins, Optional<String> warning, List<Line> phases, List<Line> gates,
                      List<Forecast.Estimate> collapse) {
    /** The share of the runs below which the effective sample size is reported as collapsed. */
    public static final double ESS_WARNING = 0.05;

    public Nowcast {
        checkpoints = List.copyOf(checkpoints);
        phases = List.copyOf(phases);
        gates = List.copyOf(gates);
        collapse = List.copyOf(collapse);
        if (origins < 1 || origins > runs) throw new IllegalArgumentException("the runs descend from " + origins + " of " + runs + " runs");
        if (origin.isAfter(asOf)) throw new IllegalArgumentException("the nowcast's origin " + origin + " is after its as-of date " + asOf);
    }

    /** A phase's or a gate's P(by each reported date). */
    public record Line(String id, String name, List<Forecast.Estimate> by) {
        public Line {
            by = List.copyOf(by);
        }
    }

    /** The smallest effective sample size over the checkpoints (the runs, when there were none). */
    public double minEss() {
        return checkpoints.stream().mapToDouble(Checkpoint::ess).min().orElse(runs);
    }
}
