package org.phasegate.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The result of a forecast: every number with its Monte Carlo standard error, and the assumptions it used.
 * Immutable; renderers (text, JSON, charts) read it and nothing else. {@code heldMeasures} are the measures with a
 * threshold unmet at the start that no obligation targets and no proxy covers: they stay at their starting value in
 * every run. {@code fallback} is present only when the scenario declares fallbacks.
 */
public record Forecast(String scenario, String assumptionSet, long seed, int runs, double stepDays, Instant asOf,
                       LocalDate horizon, String focusPhase, List<Assumed> assumptions, List<PhaseOutlook> phases,
                       Outlook collapse, Optional<Fallback> fallback, List<GateOutlook> gates, List<Blocker> blockers,
                       LocalDate sensitivityDate, List<Sensitivity> sensitivity,
                       List<String> heldMeasures, Durability durability, List<Reference> references) {

    public Forecast {
        assumptions = List.copyOf(assumptions);
        phases = List.copyOf(phases);
        gates = List.copyOf(gates);
        blockers = List.copyOf(blockers);
        sensitivity = List.copyOf(sensitivity);
        heldMeasures = List.copyOf(heldMeasures);
        references = List.copyOf(references);
    }

    /**
     * One of the scenario's reference numbers and what it compares: for the collapse, P(collapse by the ceasefire's
     * start + horizon) as forecast (empty when that moment is outside the forecast); else the set's value of the
     * entry it names (empty when the set has none).
     */
    public record Reference(String id, String compares, Optional<Long> horizonDays, double value, double low, double high,
                            String unit, String source, Optional<Estimate> forecast) {
    }

    /** P(any of the scenario's fallbacks was taken by date), with their names. */
    public record Fallback(List<String> names, Outlook outlook) {
        public Fallback {
            names = List.copyOf(names);
        }
    }

    /**
     * The durability model the collapse baseline came from: its file as the set names it, its covariates, its shape,
     * and the ceasefire's age at the start and where that age was read from.
     */
    public record Durability(String file, List<String> covariates, double shape, double ceasefireAgeDays, String ageFrom) {
        public Durability {
            covariates = List.copyOf(covariates);
        }
    }

    /** A probability with its Monte Carlo standard error, sqrt(p(1-p)/n). */
    public record Estimate(LocalDate date, double p, double se) {
    }

    /** P(event by date) at the requested dates and along the whole horizon (one point per step). */
    public record Outlook(List<Estimate> by, List<Estimate> curve) {
        public Outlook {
            by = List.copyOf(by);
            curve = List.copyOf(curve);
        }
    }

    /** A phase: P(complete by date), and quantiles of the completion date among the runs that complete it. */
    public record PhaseOutlook(String phase, String name, Outlook complete, Optional<LocalDate> q10,
                               Optional<LocalDate> median, Optional<LocalDate> q90) {
    }

    /** A gate: P(it opens within the horizon) and quantiles of its first opening date. */
    public record GateOutlook(String gate, String name, boolean openAtStart, Estimate open, List<Estimate> by,
                              Optional<LocalDate> q10, Optional<LocalDate> median, Optional<LocalDate> q90) {
        public GateOutlook {
            by = List.copyOf(by);
        }
    }

    /** A closed gate that held up the focus phase at the sensitivity date, and in what share of runs. */
    public record Blocker(String gate, double share, double se) {
    }

    /** P(focus phase complete by the sensitivity date) with one assumption at its low and at its high. */
    public record Sensitivity(String id, Assumed.Kind kind, double low, double high, double pLow, double pHigh) {
        public double delta() {
            return pHigh - pLow;
        }
    }

    public Optional<PhaseOutlook> phase(String id) {
        return phases.stream().filter(p -> p.phase().equals(id)).findFirst();
    }

    public Optional<GateOutlook> gate(String id) {
        return gates.stream().filter(g -> g.gate().equals(id)).findFirst();
    }
}
