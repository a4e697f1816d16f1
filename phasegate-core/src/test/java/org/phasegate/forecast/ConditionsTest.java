package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** Latent conditions as the sets argue them: the sceptic's arithmetic, vetoes against slowdowns, levers both ways. */
class ConditionsTest {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final List<String> FOUR = List.of("armed-group-disarms", "arab-states-police", "israel-trusts-monitors", "us-commits");

    /** One obligation per condition of the sceptic set, owed by the parties (of the types) that condition governs. */
    static final String SCEPTIC_WORLD = """
            scenario: {id: four, title: The sceptic's four conditions, start: 2026-01-01}
            sources: [{id: doc, title: Test accord, publisher: Tests}]
            parties:
              - {id: hamas, name: Hamas, kind: armed-group}
              - {id: isf, name: ISF, kind: force-contributor}
              - {id: israel, name: Israel, kind: state}
              - {id: us, name: US, kind: state}
            phases: [{id: phase-2, name: Phase 2}]
            obligations:
              - {id: disarm, name: Disarm, phase: phase-2, type: decommissioning, owed-by: [hamas], source: doc}
              - {id: deploy, name: Deploy, phase: phase-2, type: deployment, owed-by: [isf], source: doc}
              - {id: withdraw, name: Withdraw, phase: phase-2, type: withdrawal, owed-by: [israel], source: doc}
              - {id: fund, name: Fund, phase: phase-2, type: funding, owed-by: [us], source: doc}
            """;

    /** The quiet world plus the sceptic set's conditions, their correlation and the levers and effects that move them. */
    static AssumptionSet scepticConditions(AssumptionSet sceptic) {
        var keep = new ArrayList<Assumed>();
        for (Assumed a : sceptic.assumptions()) {
            boolean lever = a.kind() == Assumed.Kind.LEVER && !a.id().startsWith(Params.PRESSURE) && !a.id().startsWith(Params.COMPLIANCE_FACTOR)
                    && !a.id().startsWith(Params.ANCHOR_DELAY);
            if (a.kind() == Assumed.Kind.CONDITION || lever || Shifts.referenced(sceptic).contains(a.id())
                    || a.id().equals(Params.CORRELATION) || a.id().equals(Params.FAILURE_FACTOR)) {
                keep.add(a);
            }
        }
        return Sets.quiet(keep.stream().map(a -> a.kind() == Assumed.Kind.LEVER ? withoutSwitch(a) : a).toArray(Assumed[]::new));
    }

    /** A lever without its switch and its multipliers: the four-condition world has no gates or contributors. */
    static Assumed withoutSwitch(Assumed a) {
        return new Assumed(a.id(), a.kind(), a.value(), a.stated(), a.low(), a.high(), a.unit(), a.description(), a.source(),
                a.parties(), a.types(), a.ifFailed(), Optional.empty(), a.at(),
                a.shifts().stream().filter(x -> x instanceof LeverShift.Condition).toList());
    }

    @Test
    void theScepticSetReproducesItsOwnArithmeticPhaseTwoOnlyIfAllFourHold() {
        Scenario gaza = Sets.gaza();
        var sceptic = Sets.bundled(gaza, "sceptic");
        double product = 1;
        for (String c : FOUR) {
            var a = sceptic.find(c).orElseThrow();
            assertThat(a.ifFailed()).as(c + ": the op-ed's conditions must all hold").isEqualTo(Assumed.IfFailed.VETO);
            product *= a.value();
        }
        assertThat(sceptic.value(Params.CORRELATION, -1)).as("the op-ed multiplies separate odds").isZero();
        assertThat(product).as("the op-ed's '20 to 30 percent at best'").isBetween(0.20, 0.30);
        Scenario s = new ScenarioLoader().parse("four.yaml", SCEPTIC_WORLD);
        int runs = 20_000;
        var o = new ForecastOptions(13, runs, 2, 7, 3650, List.of(), "phase-2", 0, Optional.empty());
        double p = new Forecaster().forecast(s, StartingState.empty(s, START), scepticConditions(sceptic), o)
                .phase("phase-2").orElseThrow().complete().curve().getLast().p();
        assertThat(Math.abs(p - product)).as("P(phase 2 within ten years) %s vs the product of the four %s", p, product)
                .isLessThanOrEqualTo(4 * Math.sqrt(product * (1 - product) / runs));
    }

    @Test
    void aVetoingConditionStopsWhatItGovernsASlowingOneOnlyDelaysIt() {
        Scenario s = new ScenarioLoader().parse("three.yaml", ForecastValidationTest.THREE);
        var veto = condition("ca", 0.5, Assumed.IfFailed.VETO);
        var slow = condition("ca", 0.5, Assumed.IfFailed.SLOW);
        var o = new ForecastOptions(3, 4000, 2, 7, 3650, List.of(), "phase-1", 0, Optional.empty());
        double vetoed = new Forecaster().forecast(s, StartingState.empty(s, START), Sets.quiet(veto, Sets.a(Params.FAILURE_FACTOR, 0.1, 0, 0.5)), o)
                .phase("phase-1").orElseThrow().complete().curve().getLast().p();
        double slowed = new Forecaster().forecast(s, StartingState.empty(s, START), Sets.quiet(slow, Sets.a(Params.FAILURE_FACTOR, 0.1, 0, 0.5)), o)
                .phase("phase-1").orElseThrow().complete().curve().getLast().p();
        assertThat(vetoed).isCloseTo(0.5, org.assertj.core.data.Offset.offset(4 * Math.sqrt(0.25 / 4000)));
        assertThat(slowed).as("a slowed week-long task still finishes within ten years").isEqualTo(1.0);
    }

    static Assumed condition(String id, double p, Assumed.IfFailed ifFailed) {
        return new Assumed(id, Assumed.Kind.CONDITION, p, p, 0, 1, "probability", "", Sets.TEST, List.of("a"), List.of(), ifFailed,
                Optional.empty(), org.phasegate.problem.Position.UNKNOWN);
    }

    @Test
    void leversWorkBothWaysAroundTheSetsStatedValues() {
        Scenario s = new ScenarioLoader().parse("four.yaml", SCEPTIC_WORLD);
        var base = scepticConditions(Sets.bundled(Sets.gaza(), "sceptic"));
        var o = new ForecastOptions(17, 8000, 2, 7, 3650, List.of(), "phase-2", 0, Optional.empty());
        double stated = p(s, base, o);
        double off = p(s, base.with("reconstruction-conditional", 0), o);
        double se = Math.sqrt(0.25 / 8000);
        assertThat(base.find("reconstruction-conditional").orElseThrow().stated()).isEqualTo(1.0);
        assertThat(off).as("dropping conditional reconstruction lowers the odds (stated %s)", stated).isLessThan(stated - 4 * se);
    }

    static double p(Scenario s, AssumptionSet set, ForecastOptions o) {
        return new Forecaster().forecast(s, StartingState.empty(s, START), set, o).phase("phase-2").orElseThrow().complete().curve().getLast().p();
    }

    @Test
    void droppingConditionalReconstructionRemovesTheConditionsOfTheTrancheGates() {
        Scenario gaza = Sets.gaza();
        var start = StartingState.of(gaza, gaza.eventsReader().read(Sets.REPO.resolve("scenarios/gaza-2025.events.jsonl")), Instant.parse("2026-12-04T00:00:00Z"));
        var leverage = Sets.bundled(gaza, "leverage");
        var o = new ForecastOptions(5, 500, 2, 7, 730, List.of(), "phase-2", 0, Optional.empty());
        var conditional = new Forecaster().forecast(gaza, start, leverage, o);
        var unconditional = new Forecaster().forecast(gaza, start, leverage.with("reconstruction-conditional", 0), o);
        for (String g : List.of("reconstruction-tranche-1-gate", "reconstruction-tranche-2-gate")) {
            assertThat(unconditional.gate(g).orElseThrow().open().p()).as(g + " without conditionality").isEqualTo(1.0);
            assertThat(conditional.gate(g).orElseThrow().open().p()).as(g + " with it").isLessThan(0.9);
        }
    }
}
