package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** The length of the step must not change the answer: weekly and daily steps agree within Monte Carlo error. */
class StepInvarianceTest {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** A gate on a third of one obligation and a quiet period, a relative date, and a phase that requires another. */
    static final String CHAIN = """
            scenario: {id: chain, title: A small chain, start: 2026-01-01}
            sources: [{id: doc, title: Test accord, publisher: Tests}]
            parties:
              - {id: a, name: A, kind: state}
              - {id: b, name: B, kind: armed-group}
            phases:
              - {id: phase-1, name: First}
              - {id: phase-2, name: Second, requires: [phase-1]}
            measures:
              - {id: goods, record: aid-delivery, quantity: trucks, unit: trucks}
              - {id: violations-b, record: incident, party: b}
            obligations:
              - {id: deliver, name: Deliver, phase: phase-1, type: aid, owed-by: [a], target: {measure: goods, sum: 90, unit: trucks}, source: doc}
              - {id: respond, name: Respond, phase: phase-1, type: exchange, owed-by: [b], source: doc}
              - {id: settle, name: Settle, phase: phase-2, type: governance, owed-by: [a, b], source: doc}
            gates:
              - id: third
                phase: phase-1
                when: {all: [{threshold: {measure: goods, sum: 30, unit: trucks}}, {quiet: {measure: violations-b, days: 30}}]}
                unlocks: [respond]
                source: doc
              - id: later
                phase: phase-2
                when: {after: third + 20d}
                unlocks: [settle]
                source: doc
            """;

    /** {@code collapse}: the one-year chance of collapse of a Weibull (shape 0.5) durability model; 0 for none. */
    static AssumptionSet set(double collapse) {
        var set = quietSet();
        return collapse <= 0 ? set : set.withDurability(Sets.model(0.5, Math.log(-Math.log(1 - collapse)), java.util.Map.of()));
    }

    private static AssumptionSet quietSet() {
        return Sets.quiet(Sets.a(Params.COMPLIANCE, 0.6, 0.3, 1),
                Sets.a(Params.SPREAD, 0.6, 0, 1), Sets.a(Params.VIOLATION_RATE + "b", 0.4, 0, 1),
                Sets.a(Params.durationOf(org.phasegate.scenario.Obligation.Type.AID), 120, 30, 300),
                Sets.a(Params.durationOf(org.phasegate.scenario.Obligation.Type.EXCHANGE), 60, 30, 300),
                Sets.a(Params.durationOf(org.phasegate.scenario.Obligation.Type.GOVERNANCE), 90, 30, 300));
    }

    static final List<LocalDate> DATES = List.of(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 6, 30));

    static Forecast run(Scenario s, AssumptionSet set, double stepDays, int runs) {
        var o = new ForecastOptions(11, runs, 2, stepDays, 600, DATES, "phase-2", 0, Optional.empty());
        return new Forecaster().forecast(s, StartingState.empty(s, START), set, o);
    }

    @Test
    void withoutTheCollapseHazardWeeklyAndDailyStepsGiveTheSameRuns() {
        Scenario s = new ScenarioLoader().parse("chain.yaml", CHAIN);
        var weekly = run(s, set(0), 7, 4000);
        var daily = run(s, set(0), 1, 4000);
        for (String phase : List.of("phase-1", "phase-2")) {
            assertThat(daily.phase(phase).orElseThrow().complete().by()).as(phase).isEqualTo(weekly.phase(phase).orElseThrow().complete().by());
        }
        assertThat(daily.gate("later").orElseThrow().by()).isEqualTo(weekly.gate("later").orElseThrow().by());
        assertThat(weekly.phase("phase-1").orElseThrow().complete().by().get(1).p()).as("not trivial").isBetween(0.2, 0.95);
        assertThat(weekly.phase("phase-2").orElseThrow().complete().by().get(2).p()).as("not trivial").isBetween(0.05, 0.9);
    }

    @Test
    void withTheCollapseHazardWeeklyAndDailyStepsAgreeWithinMonteCarloError() {
        Scenario s = new ScenarioLoader().parse("chain.yaml", CHAIN);
        var weekly = run(s, set(0.3), 7, 8000);
        var daily = run(s, set(0.3), 1, 8000);
        for (String phase : List.of("phase-1", "phase-2")) {
            agree(weekly.phase(phase).orElseThrow().complete().by(), daily.phase(phase).orElseThrow().complete().by(), phase);
        }
        agree(weekly.gate("third").orElseThrow().by(), daily.gate("third").orElseThrow().by(), "gate third");
    }

    @Test
    void gazaLeverageSetPhaseOneByEndOf2027DoesNotDependOnTheStep() {
        Scenario s = Sets.gaza();
        var start = StartingState.of(s, s.eventsReader().read(Sets.REPO.resolve("scenarios/gaza-2025.events.jsonl")), Instant.parse("2026-12-04T00:00:00Z"));
        var leverage = Sets.bundled(s, "leverage");
        var by = List.of(LocalDate.of(2027, 12, 31));
        var weekly = new Forecaster().forecast(s, start, leverage, new ForecastOptions(3, 1500, 2, 7, 730, by, "phase-2", 0, Optional.empty()));
        var daily = new Forecaster().forecast(s, start, leverage, new ForecastOptions(3, 1500, 2, 1, 730, by, "phase-2", 0, Optional.empty()));
        agree(weekly.phase("phase-1").orElseThrow().complete().by(), daily.phase("phase-1").orElseThrow().complete().by(), "gaza phase-1");
    }

    static void agree(List<Forecast.Estimate> a, List<Forecast.Estimate> b, String what) {
        for (int i = 0; i < a.size(); i++) {
            var x = a.get(i);
            var y = b.get(i);
            double tolerance = 4 * Math.sqrt(x.se() * x.se() + y.se() * y.se()) + 1e-9;
            assertThat(Math.abs(x.p() - y.p())).as("%s by %s: weekly %s, daily %s", what, x.date(), x.p(), y.p()).isLessThanOrEqualTo(tolerance);
        }
    }
}
