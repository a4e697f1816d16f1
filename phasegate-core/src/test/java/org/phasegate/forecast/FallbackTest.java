package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** A fallback declared by the scenario, with a trigger and an effect unlike Gaza's point 17 (docs/scenario-format.md). */
class FallbackTest {
    static final Scenario DELAYED = new ScenarioLoader().load(Sets.REPO.resolve("phasegate-core/src/test/resources/scenarios/delayed-handover.yaml"));
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** The fallback's date, 2 March 2026, in days from the start. */
    static final double TRIGGER = 60;

    /**
     * The handover takes a lognormal time (median 50 days, log-sd 0.6, full compliance); the fallback is taken exactly
     * when it is not done by day 60, and then the elections never come. So P(fallback) = P(D > 60) and
     * P(phase 2) = P(D <= 60), from the lognormal's closed form; no collapse happens at all.
     */
    @Test
    void aFallbackTakenOnALateHandoverStopsTheElectionsAndNothingElse() {
        double median = 50, spread = 0.6;
        var set = Sets.quiet(Sets.a(Params.SPREAD, spread, 0, 1), Sets.a(Params.durationOf(org.phasegate.scenario.Obligation.Type.DECOMMISSIONING), median, 1, 300));
        int runs = 20_000;
        var o = new ForecastOptions(11, runs, 2, 7, 365, List.of(LocalDate.of(2026, 12, 31)), "phase-2", 0, Optional.empty());
        var f = new Forecaster().forecast(DELAYED, StartingState.empty(DELAYED, START), set, o);
        double late = 1 - phi(Math.log(TRIGGER / median) / spread);
        double se = Math.sqrt(late * (1 - late) / runs);
        var fallback = f.fallback().orElseThrow();
        assertThat(fallback.names()).containsExactly("elections postponed while the rebels keep their weapons");
        assertThat(fallback.outlook().by().getFirst().p()).as("P(fallback), closed form %s", late).isCloseTo(late, org.assertj.core.data.Offset.offset(4 * se));
        assertThat(f.phase("phase-2").orElseThrow().complete().by().getFirst().p()).as("phase 2 only without the fallback")
                .isCloseTo(1 - late, org.assertj.core.data.Offset.offset(4 * se));
        double handedOver = phi(Math.log(365 / median) / spread);
        double seDone = Math.sqrt(handedOver * (1 - handedOver) / runs);
        assertThat(f.phase("phase-1").orElseThrow().complete().by().getFirst().p()).as("the rebels' own work goes on, closed form %s", handedOver)
                .isCloseTo(handedOver, org.assertj.core.data.Offset.offset(4 * seDone + 1e-9));
        assertThat(f.gate("handed-over").orElseThrow().open().p()).as("within the horizon, a few days past the date").isGreaterThanOrEqualTo(f.phase("phase-1").orElseThrow().complete().by().getFirst().p());
        assertThat(f.collapse().by().getFirst().p()).isZero();
    }

    /** The standard normal CDF by Abramowitz and Stegun 7.1.26 (error below 1.5e-7), independent of the code under test. */
    static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }

    @Test
    void noFallbackDeclaredMeansNoFallbackCurveAndNoFallbackAssumption() {
        Scenario none = new ScenarioLoader().parse("none.yaml", ForecastValidationTest.THREE);
        var f = new Forecaster().forecast(none, StartingState.empty(none, START), Sets.quiet(), ForecastValidationTest.options(10, 30));
        assertThat(f.fallback()).isEmpty();
        var extra = Sets.quiet(Sets.a("collapse-fallback-probability", 0.5, 0, 1));
        assertThatThrownBy(() -> new Forecaster().forecast(none, StartingState.empty(none, START), extra, ForecastValidationTest.options(10, 30)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::render)
                        .anySatisfy(p -> assertThat(p).contains("does not read an assumption named 'collapse-fallback-probability'")));
    }

    @Test
    void aFallbackIsCheckedWhereItIsWritten() {
        String text = ForecastValidationTest.THREE + """
                forecast:
                  fallbacks:
                    - {id: both, name: Both triggers, source: doc, on: collapse, when: {after: 2026-02-01}, stops: {parties: [a]}}
                    - {id: ghost, name: Stops a ghost, source: doc, on: collapse, chance: p, stops: {obligations: [nowhere]}}
                    - {id: bare, name: Stops nothing, source: doc, when: {after: 2026-02-01}, stops: {}}
                """;
        assertThatThrownBy(() -> new ScenarioLoader().parse("f.yaml", text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::render)
                        .anySatisfy(p -> assertThat(p).startsWith("f.yaml:14:").contains("fallback 'both' needs exactly one of 'on: collapse' and 'when: CONDITION'"))
                        .anySatisfy(p -> assertThat(p).startsWith("f.yaml:15:").contains("unknown obligation 'nowhere'"))
                        .anySatisfy(p -> assertThat(p).startsWith("f.yaml:16:").contains("names nothing to stop")));
    }
}
