package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phasegate.durability.DurabilityModel;
import org.phasegate.durability.ModelJson;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** The collapse hazard: the fitted model's survival, exact integration over steps, bounded multipliers. */
class CollapseHazardTest {
    static final Path FITTED = Sets.REPO.resolve("scenarios/durability/ucdp-pad-1975-2004.model.json");

    /** With only the baseline active, P(collapse by t) is the fitted model's 1 − S(t) at the scenario's provisions. */
    @Test
    void theCollapseOnlyCurveIsTheFittedModelsSurvivalFunction() {
        DurabilityModel fitted = ModelJson.load(FITTED);
        var w = fitted.weibull();
        var codes = new StringBuilder();
        double eta = w.intercept();
        for (int j = 0; j < w.covariates().size(); j++) {
            int v = j % 2 == 0 && !w.covariates().get(j).equals("pko") ? 1 : 0;   // a mix of provisions; no force
            codes.append(j == 0 ? "" : ", ").append(w.covariates().get(j)).append(": ").append(v);
            eta += v * w.beta()[j];
        }
        Scenario s = new ScenarioLoader().parse("three.yaml", ForecastValidationTest.THREE + "provisions: {source: doc, codes: {" + codes + "}}\n");
        var set = Sets.quiet(Sets.a(Params.COMPLIANCE, 0, 0, 1)).withDurability(fitted);
        int runs = 20_000;
        var f = new Forecaster().forecast(s, StartingState.empty(s, ForecastValidationTest.START), set, ForecastValidationTest.options(runs, 730));
        for (var e : f.collapse().curve()) {
            double days = e.date().toEpochDay() - LocalDate.of(2026, 1, 1).toEpochDay();
            double target = 1 - Math.exp(-Math.pow(days / 365.25, w.shape()) * Math.exp(eta));
            assertThat(Math.abs(e.p() - target)).as("P(collapse by %s) = %s, model %s", e.date(), e.p(), target)
                    .isLessThanOrEqualTo(4 * Math.sqrt(target * (1 - target) / runs) + 1e-12);
        }
    }

    /**
     * Gaza from a verified state, nothing progressing, so every deadline is missed and the process stalls: the
     * baseline, the stall (growing by months, capped) and missed-deadline windows all act; weekly and daily steps
     * give the same P(collapse by date) within Monte Carlo error.
     */
    @Test
    void weeklyAndDailyStepsAgree() {
        Scenario s = Sets.gaza();
        var asOf = java.time.Instant.parse("2025-10-20T00:00:00Z");
        var start = StartingState.of(s, s.eventsReader().read(Sets.REPO.resolve("scenarios/gaza-2025.events.jsonl")), asOf);
        var set = Sets.quiet(Sets.a(Params.COMPLIANCE, 0, 0, 1), Sets.a(Params.STALL_HAZARD, 2, 1, 3), Sets.a(Params.REARM_GROWTH, 0.15, 0, 0.3),
                Sets.a(Params.STALL_CAP, 3, 1, 5), Sets.a(Params.DEADLINE_HAZARD, 2, 1, 3), Sets.a(Params.DEADLINE_DAYS, 60, 0, 90))
                .withDurability(ModelJson.load(FITTED));
        var by = List.of(28, 91, 182, 364, 728).stream().map(d -> LocalDate.of(2025, 10, 20).plusDays(d - 1)).toList();
        int runs = 8_000;
        var weekly = new Forecaster().forecast(s, start, set, new ForecastOptions(3, runs, 2, 7, 728, by, "phase-2", 0, Optional.empty()));
        var daily = new Forecaster().forecast(s, start, set, new ForecastOptions(3, runs, 2, 1, 728, by, "phase-2", 0, Optional.empty()));
        for (int i = 0; i < by.size(); i++) {
            var w = weekly.collapse().by().get(i);
            var d = daily.collapse().by().get(i);
            assertThat(Math.abs(w.p() - d.p())).as("P(collapse by %s): weekly %s, daily %s", w.date(), w.p(), d.p())
                    .isLessThanOrEqualTo(4 * Math.hypot(w.se(), d.se()) + 1e-12);
        }
        assertThat(weekly.collapse().by().getLast().p()).as("the multipliers act").isGreaterThan(0.05);
    }

    /** Random multipliers and states (seeded): no factor exceeds its cap, and a step's hazard stays within them. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void multipliersAreBounded(long seed) {
        var rng = new SplittableRandom(seed);
        double vCap = 1 + 3 * rng.nextDouble(), sCap = 1 + 3 * rng.nextDouble(), deadline = 1 + 2 * rng.nextDouble();
        var set = Sets.quiet(Sets.a(Params.VIOLATION_HAZARD, 1 + rng.nextDouble(), 1, 2), Sets.a(Params.VIOLATION_CAP, vCap, 1, 5),
                Sets.a(Params.STALL_HAZARD, 1 + 2 * rng.nextDouble(), 1, 3), Sets.a(Params.REARM_GROWTH, 0.3 * rng.nextDouble(), 0, 0.3),
                Sets.a(Params.STALL_CAP, sCap, 1, 5), Sets.a(Params.DEADLINE_HAZARD, deadline, 1, 3), Sets.a(Params.DEADLINE_DAYS, 60, 0, 90));
        var model = Sets.model(0.4, -1, Map.of());
        var hazard = new CollapseHazard(model.weibull(), Map.of(), 30 * rng.nextDouble(), set);
        for (int i = 0; i < 200; i++) {
            String why = "seed " + seed + ", draw " + i;
            assertThat(hazard.violations(rng.nextInt(100))).as(why).isBetween(1.0, vCap);
            assertThat(hazard.stalled(3650 * rng.nextDouble())).as(why).isLessThanOrEqualTo(sCap);
            double t0 = 700 * rng.nextDouble(), t1 = t0 + 1 + 30 * rng.nextDouble();
            double base = hazard.cumulative(t1) - hazard.cumulative(t0);
            double from = 700 * rng.nextDouble();
            double h = hazard.integral(t0, t1, base, 1, 700 * rng.nextDouble(), from, from + 60);
            assertThat(h).as(why).isBetween(base * Math.min(1, 0) , base * Math.max(1, sCap) * deadline * (1 + 1e-12));
        }
    }

    /** Exact integration: splitting a step at any point gives the same hazard as the whole step. */
    @Test
    void theIntegralAddsUpOverAnySplit() {
        var set = Sets.quiet(Sets.a(Params.STALL_HAZARD, 2, 1, 3), Sets.a(Params.REARM_GROWTH, 0.2, 0, 0.3),
                Sets.a(Params.STALL_CAP, 2.5, 1, 5), Sets.a(Params.DEADLINE_HAZARD, 1.7, 1, 3));
        var hazard = new CollapseHazard(Sets.model(0.35, -1.2, Map.of()).weibull(), Map.of(), 12, set);
        double stallStart = 40, from = 55, until = 115;
        double whole = hazard.integral(0, 200, hazard.cumulative(200) - hazard.cumulative(0), 1.3, stallStart, from, until);
        double parts = 0;
        for (int t = 0; t < 200; t += 3) {
            double end = Math.min(200, t + 3);
            parts += hazard.integral(t, end, hazard.cumulative(end) - hazard.cumulative(t), 1.3, stallStart, from, until);
        }
        assertThat(parts).isCloseTo(whole, org.assertj.core.data.Offset.offset(1e-12 * whole));
        double byHand = 1.3 * (seg(hazard, 0, 40, 1) + seg(hazard, 40, 55, 2) + seg(hazard, 55, 70, 2 * 1.7) + seg(hazard, 70, 100, 2 * 1.2 * 1.7)
                + seg(hazard, 100, 115, 2.5 * 1.7) + seg(hazard, 115, 200, 2.5));
        assertThat(whole).isCloseTo(byHand, org.assertj.core.data.Offset.offset(1e-12 * whole));
    }

    /** A stall month that begins inside a step raises the hazard from that moment, whatever the rounding of its day. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aStallMonthBeginningInsideAStepCountsFromItsFirstMoment(long seed) {
        var set = Sets.quiet(Sets.a(Params.STALL_HAZARD, 2, 1, 3), Sets.a(Params.REARM_GROWTH, 0.2, 0, 0.3), Sets.a(Params.STALL_CAP, 5, 1, 5));
        var hazard = new CollapseHazard(Sets.model(0.35, -1.2, Map.of()).weibull(), Map.of(), 12, set);
        var rng = new SplittableRandom(seed);
        for (int i = 0; i < 100; i++) {
            double stallStart = 600 * rng.nextDouble();
            double month = stallStart + 30;
            double t0 = month - 1 - 5 * rng.nextDouble(), t1 = month + 1 + 5 * rng.nextDouble();
            double h = hazard.integral(t0, t1, hazard.cumulative(t1) - hazard.cumulative(t0), 1, stallStart, -1, -1);
            double byHand = seg(hazard, t0, month, 2) + seg(hazard, month, t1, 2 * 1.2);
            assertThat(h).as("seed %d, stall from day %s, step %s..%s", seed, stallStart, t0, t1)
                    .isCloseTo(byHand, org.assertj.core.data.Offset.offset(1e-12 * byHand));
        }
    }

    private static double seg(CollapseHazard h, double a, double b, double factor) {
        return factor * (Math.pow((12 + b) / 365.25, 0.35) - Math.pow((12 + a) / 365.25, 0.35)) * Math.exp(-1.2);
    }
}
