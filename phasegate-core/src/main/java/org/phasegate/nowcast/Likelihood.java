package org.phasegate.nowcast;

/**
 * How likely a simulated history is given the verified one: the observation model of the nowcast (docs/forecast.md,
 * "Nowcasting"). Each verified event (a gate's first opening, a deliverable's completion) is compared with the run's:
 * a run that had it too scores exp(−½ (Δ / {@code timingSdDays})²), Δ the days between the two moments, a run that
 * did not (or had something the evidence says did not happen) scores {@code mismatch}. Both are named assumptions,
 * judgements rather than measurements: the timing spread is how far a model of months-long durations may be off and
 * still count as telling the same story; the mismatch is how often a verified record could be wrong about whether
 * something happened at all. A timing error of Δ days costs as much as a mismatch when exp(−½ (Δ/σ)²) = mismatch
 * (σ = 14, mismatch = 0.001: Δ ≈ 52 days).
 */
public record Likelihood(double timingSdDays, double mismatch) {
    public static final double DEFAULT_TIMING_SD_DAYS = 14;
    public static final double DEFAULT_MISMATCH = 0.001;
    public static final String SOURCE = "judgement (named assumption, docs/forecast.md 'Nowcasting')";

    public Likelihood {
        if (!(timingSdDays > 0) || !Double.isFinite(timingSdDays)) {
            throw new IllegalArgumentException("the timing spread must be a positive number of days, got " + timingSdDays);
        }
        if (!(mismatch > 0 && mismatch < 1)) throw new IllegalArgumentException("the mismatch probability must lie in (0, 1), got " + mismatch);
    }

    public static Likelihood defaults() {
        return new Likelihood(DEFAULT_TIMING_SD_DAYS, DEFAULT_MISMATCH);
    }

    /** Log-likelihood of a verified event at {@code observedDay} for a run that had it at {@code simulatedDay}. */
    public double logMatch(double simulatedDay, double observedDay) {
        double z = (simulatedDay - observedDay) / timingSdDays;
        return Math.max(-0.5 * z * z, logMismatch());
    }

    /** Log-likelihood of a disagreement on whether something happened at all. */
    public double logMismatch() {
        return Math.log(mismatch);
    }
}
