package org.phasegate.forecast;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.phasegate.durability.WeibullPh;
import org.phasegate.scenario.ForecastModules;

/**
 * The ceasefire's collapse hazard: the fitted durability model's Weibull baseline at the scenario's provisions,
 * started at the ceasefire's age, times bounded multipliers — peacekeeping (the fitted pko hazard ratio, once the
 * force is deployed), recent verified violations (capped), a stall (growing by whole months, capped) and a missed
 * deadline (for a bounded number of days). Over a step the multipliers are piecewise constant, split exactly where
 * a stall month or a deadline window begins or ends, and the baseline is integrated exactly, so
 * P(collapse in a step) = 1 − exp(−∫h) does not depend on the step's length. Immutable; runs share one.
 */
final class CollapseHazard {
    private static final double MONTH = 30;
    private final double shape;
    /** exp(b0 + x·b) at the scenario's provisions with pko = 0: the baseline's scale, per year^shape. */
    private final double scale;
    private final double age;
    final double peacekeeping;
    private final double violation;
    private final double violationCap;
    final double stallDays;
    private final double stall;
    private final double rearmGrowth;
    private final double stallCap;
    final double deadline;
    final double deadlineDays;

    /** As if an armed force were declared: its fitted pko ratio applies when the provisions provide for one. */
    CollapseHazard(WeibullPh model, Map<String, Integer> provisions, double ceasefireAgeDays, AssumptionSet set) {
        this(model, provisions, ceasefireAgeDays, set, Optional.of(ForecastModules.Mission.ARMED));
    }

    /**
     * {@code mission}: the peacekeeping presence the scenario declares, if any. An armed force takes the fitted
     * {@code pko} hazard ratio (when the model uses pko and the provisions provide for it); an unarmed observer
     * mission the set's {@code observer-mission-hazard-ratio}; none, no factor.
     */
    CollapseHazard(WeibullPh model, Map<String, Integer> provisions, double ceasefireAgeDays, AssumptionSet set,
                   Optional<ForecastModules.Mission> mission) {
        var withoutForce = new java.util.HashMap<>(provisions);
        boolean force = model.covariates().contains("pko") && provisions.getOrDefault("pko", 0) == 1;
        if (model.covariates().contains("pko")) withoutForce.put("pko", 0);
        this.shape = model.shape();
        this.scale = Math.exp(model.linear(withoutForce));
        this.age = ceasefireAgeDays;
        this.peacekeeping = mission.map(m -> switch (m) {
            case ARMED -> force ? model.hazardRatio("pko") : 1;
            case OBSERVER -> set.value(Params.OBSERVER_RATIO, 1);
        }).orElse(1.0);
        this.violation = set.value(Params.VIOLATION_HAZARD, 1);
        this.violationCap = set.value(Params.VIOLATION_CAP, 1);
        this.stallDays = set.value(Params.STALL_DAYS, Double.POSITIVE_INFINITY);
        this.stall = set.value(Params.STALL_HAZARD, 1);
        this.rearmGrowth = set.value(Params.REARM_GROWTH, 0);
        this.stallCap = set.value(Params.STALL_CAP, 1);
        this.deadline = set.value(Params.DEADLINE_HAZARD, 1);
        this.deadlineDays = set.value(Params.DEADLINE_DAYS, 0);
    }

    /** Baseline cumulative hazard from the ceasefire's start to forecast day {@code day} (day 0 = the as-of date). */
    double cumulative(double day) {
        return scale * Math.pow(Math.max(0, age + day) / WeibullPh.DAYS_PER_YEAR, shape);
    }

    /** The factor for {@code n} verified violations in the last 30 days: violation^n, at most the cap. */
    double violations(int n) {
        return n == 0 ? 1 : Math.min(violationCap, Math.pow(violation, n));
    }

    /** The factor after {@code stalled} days of stall: stall × (1 + growth × whole months stalled), at most the cap. */
    double stalled(double stalled) {
        return stalled < 0 ? 1 : Math.min(stallCap, stall * (1 + rearmGrowth * Math.floor(stalled / MONTH)));
    }

    /**
     * ∫ h over [t0, t1] (forecast days) with a constant {@code factor} (peacekeeping, violations), a stall from
     * {@code stallStart} and a missed-deadline window [{@code missedFrom}, {@code missedUntil}); {@code base} is
     * cumulative(t1) − cumulative(t0), already known to the caller.
     */
    double integral(double t0, double t1, double base, double factor, double stallStart, double missedFrom, double missedUntil) {
        double firstStallCut = Double.POSITIVE_INFINITY;
        if (stallStart < t1) {
            firstStallCut = stallStart + Math.max(0, Math.floor((t0 - stallStart) / MONTH) + 1) * MONTH;
            if (stallStart > t0) firstStallCut = stallStart;
        }
        boolean fromInside = missedFrom > t0 && missedFrom < t1;
        boolean untilInside = missedUntil > t0 && missedUntil < t1;
        // most steps have no cut: no array for them (this runs at every step of every run)
        if (!fromInside && !untilInside && firstStallCut >= t1) return base * factor * at((t0 + t1) / 2, stallStart, missedFrom, missedUntil);
        double[] cuts = new double[4 + (int) Math.ceil((t1 - t0) / MONTH)];
        int n = 0;
        cuts[n++] = t0;
        if (fromInside) cuts[n++] = missedFrom;
        if (untilInside) cuts[n++] = missedUntil;
        for (double next = firstStallCut; next < t1; next += MONTH) cuts[n++] = next;
        cuts[n++] = t1;
        Arrays.sort(cuts, 0, n);
        double sum = 0, previous = cumulative(t0);
        for (int i = 1; i < n; i++) {
            if (cuts[i] <= cuts[i - 1]) continue;
            double h = cumulative(cuts[i]);
            sum += (h - previous) * at((cuts[i - 1] + cuts[i]) / 2, stallStart, missedFrom, missedUntil);
            previous = h;
        }
        return sum * factor;
    }

    /**
     * The stall and deadline factors in force at {@code t}, read in the middle of a piece: at a cut itself, the whole
     * months since the stall began (cut − start) / 30 could round down to the month before.
     */
    private double at(double t, double stallStart, double missedFrom, double missedUntil) {
        double f = t >= stallStart ? stalled(t - stallStart) : 1;
        return t >= missedFrom && t < missedUntil ? f * deadline : f;
    }
}
