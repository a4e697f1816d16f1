package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.phasegate.scenario.Condition;
import org.phasegate.scenario.Gate;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** The simulation against answers known in closed form, and its reproducibility. */
class ForecastValidationTest {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** Three parties, one obligation each, no gates: only the latent conditions stand between start and success. */
    static final String THREE = """
            scenario: {id: three, title: Three independent conditions, start: 2026-01-01}
            sources: [{id: doc, title: Test accord, publisher: Tests}]
            parties:
              - {id: a, name: A, kind: state}
              - {id: b, name: B, kind: state}
              - {id: c, name: C, kind: armed-group}
            phases: [{id: phase-1, name: Only phase}]
            obligations:
              - {id: oa, name: A acts, phase: phase-1, type: governance, owed-by: [a], source: doc}
              - {id: ob, name: B acts, phase: phase-1, type: governance, owed-by: [b], source: doc}
              - {id: oc, name: C acts, phase: phase-1, type: governance, owed-by: [c], source: doc}
            """;

    static ForecastOptions options(int runs, int days) {
        return new ForecastOptions(7, runs, 2, 7, days, List.of(), "phase-1", 0, Optional.empty());
    }

    @Test
    void onlyTheCollapseHazardGivesTheFittedSurvivalCurve() {
        Scenario s = new ScenarioLoader().parse("three.yaml", THREE);
        double shape = 0.5;
        double intercept = Math.log(-Math.log(1 - 0.39));   // one year: 39% ended
        var set = Sets.quiet(Sets.a(Params.COMPLIANCE, 0, 0, 1)).withDurability(Sets.model(shape, intercept, java.util.Map.of()));
        int runs = 20_000;
        var f = new Forecaster().forecast(s, StartingState.empty(s, START), set, options(runs, 730));
        int checked = 0;
        for (var e : f.collapse().curve()) {
            double days = (e.date().toEpochDay() - LocalDate.of(2026, 1, 1).toEpochDay());
            double target = 1 - Math.exp(-Math.pow(days / 365.25, shape) * Math.exp(intercept));
            assertThat(Math.abs(e.p() - target)).as("P(collapse by %s) = %s, Weibull %s", e.date(), e.p(), target)
                    .isLessThanOrEqualTo(4 * Math.sqrt(target * (1 - target) / runs) + 1e-12);
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(f.collapse().curve().get(52).p()).as("one year").isCloseTo(0.39, org.assertj.core.data.Offset.offset(0.02));
    }

    /** The scenario provides for peacekeeping (pko = 1): once the force is deployed the hazard is × the fitted hazard ratio. */
    /** THREE plus a force whose deployment is complete at the start, declared as a mission of this kind. */
    static Scenario withForce(String mission) {
        String text = THREE.replace("  - {id: c, name: C, kind: armed-group}\n",
                "  - {id: c, name: C, kind: armed-group}\n  - {id: f, name: Force, kind: force-contributor}\n")
                + "  - {id: deploy, name: Deploy, phase: phase-1, type: deployment, owed-by: [f], source: doc}\n"
                + "provisions: {source: doc, codes: {pko: 1, cease: 1}}\n"
                + "forecast: {peacekeeping: {mission: " + mission + ", source: doc}}\n";
        return new ScenarioLoader().parse("force.yaml", text);
    }

    static final StartingState DEPLOYED = new StartingState(START, java.util.Map.of("deploy", 1.0), java.util.Map.of(), java.util.Map.of(),
            java.util.Map.of(), java.util.Map.of());

    /** An unarmed observer mission takes the set's own hazard ratio, not the fitted pko ratio (which codes any operation). */
    @Test
    void anObserverMissionScalesTheHazardByTheSetsObserverRatio() {
        double intercept = -0.7, ceasefire = 0.3, fitted = 0.54, observer = 0.8;
        var set = Sets.quiet(Sets.a(Params.COMPLIANCE, 0, 0, 1), Sets.a(Params.OBSERVER_RATIO, observer, 0.5, 1))
                .withDurability(Sets.model(0.5, intercept, java.util.Map.of("pko", Math.log(fitted), "cease", ceasefire)));
        int runs = 10_000;
        var f = new Forecaster().forecast(withForce("observer"), DEPLOYED, set, options(runs, 365));
        var last = f.collapse().curve().getLast();
        double days = last.date().toEpochDay() - LocalDate.of(2026, 1, 1).toEpochDay();
        double target = 1 - Math.exp(-observer * Math.exp(intercept + ceasefire) * Math.sqrt(days / 365.25));
        double armed = 1 - Math.exp(-fitted * Math.exp(intercept + ceasefire) * Math.sqrt(days / 365.25));
        assertThat(Math.abs(last.p() - target)).as("P(collapse by %s) = %s, observer target %s, armed %s", last.date(), last.p(), target, armed)
                .isLessThanOrEqualTo(4 * Math.sqrt(target * (1 - target) / runs));
        assertThatThrownBy(() -> new Forecaster().forecast(withForce("observer"), DEPLOYED, Sets.quiet().withDurability(set.durability().orElseThrow()), options(10, 30)))
                .hasMessageContaining("assumption 'observer-mission-hazard-ratio' is missing");
    }

    @Test
    void deployedPeacekeepersScaleTheHazardByTheFittedHazardRatio() {
        Scenario s = withForce("armed");
        var deployed = DEPLOYED;
        double intercept = -0.7, ceasefire = 0.3, ratio = 0.54;
        var set = Sets.quiet(Sets.a(Params.COMPLIANCE, 0, 0, 1))
                .withDurability(Sets.model(0.5, intercept, java.util.Map.of("pko", Math.log(ratio), "cease", ceasefire)));
        int runs = 20_000;
        var f = new Forecaster().forecast(s, deployed, set, options(runs, 730));
        for (var e : f.collapse().curve()) {
            double days = e.date().toEpochDay() - LocalDate.of(2026, 1, 1).toEpochDay();
            double target = 1 - Math.exp(-ratio * Math.exp(intercept + ceasefire) * Math.sqrt(days / 365.25));
            assertThat(Math.abs(e.p() - target)).as("P(collapse by %s) = %s, target %s", e.date(), e.p(), target)
                    .isLessThanOrEqualTo(4 * Math.sqrt(target * (1 - target) / runs) + 1e-12);
        }
    }

    @Test
    void independentConditionsMultiply() {
        Scenario s = new ScenarioLoader().parse("three.yaml", THREE);
        var set = Sets.quiet(Sets.condition("ca", 0.8, "a"), Sets.condition("cb", 0.6, "b"), Sets.condition("cc", 0.5, "c"));
        int runs = 20_000;
        var f = new Forecaster().forecast(s, StartingState.empty(s, START), set, options(runs, 365));
        double p = f.phase("phase-1").orElseThrow().complete().curve().getLast().p();
        double target = 0.8 * 0.6 * 0.5;
        assertThat(Math.abs(p - target)).as("P(success) %s vs product %s", p, target)
                .isLessThanOrEqualTo(4 * Math.sqrt(target * (1 - target) / runs));
    }

    @Test
    void correlatedConditionsDoNotMultiply() {
        Scenario s = new ScenarioLoader().parse("three.yaml", THREE);
        var set = Sets.quiet(Sets.condition("ca", 0.6, "a"), Sets.condition("cb", 0.6, "b"), Sets.condition("cc", 0.6, "c"),
                Sets.a(Params.CORRELATION, 0.6, 0, 0.9));
        var f = new Forecaster().forecast(s, StartingState.empty(s, START), set, options(20_000, 365));
        assertThat(f.phase("phase-1").orElseThrow().complete().curve().getLast().p()).isGreaterThan(0.216 + 0.05);
    }

    @Test
    void anObligationMadeImpossibleKeepsEveryGateThatNeedsItShut() {
        Scenario s = Sets.gaza();
        var start = StartingState.of(s, s.eventsReader().read(Sets.REPO.resolve("scenarios/gaza-2025.events.jsonl")), START);
        var leverage = Sets.bundled(s, "leverage");
        var blocked = leverage.plus(new Assumed("compliance-factor-decommission-weapons", Assumed.Kind.LEVER, 0, 0, 1, "ratio", "",
                Sets.TEST, List.of(), List.of(), org.phasegate.problem.Position.UNKNOWN));
        var o = ForecastOptions.defaults(3, 3000).withRuns(3000, 0).withHorizon(7, 1460);
        var free = new Forecaster().forecast(s, start, leverage, o);
        var stuck = new Forecaster().forecast(s, start, blocked, o);
        Set<String> needing = gatesNeeding(s, "decommission-weapons", "weapons-decommissioned");
        assertThat(needing).contains("withdrawal-stage-1-gate", "withdrawal-stage-2-gate", "reconstruction-tranche-1-gate");
        for (String g : needing) assertThat(stuck.gate(g).orElseThrow().open().p()).as(g).isZero();
        assertThat(needing.stream().mapToDouble(g -> free.gate(g).orElseThrow().open().p()).max().orElseThrow())
                .as("without the lever some of them open").isGreaterThan(0.05);
        assertThat(stuck.phase("phase-2").orElseThrow().complete().curve().getLast().p()).isZero();
    }

    /** Gates whose condition reads the obligation or its measure, directly or through other gates and what they unlock. */
    static Set<String> gatesNeeding(Scenario s, String obligation, String measure) {
        var needed = new HashSet<String>(Set.of(obligation));
        var gates = new HashSet<String>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Gate g : s.gates()) {
                if (gates.contains(g.id())) continue;
                boolean needs = positive(g.when()).anyMatch(c -> switch (c) {
                    case Condition.ObligationStatus os -> needed.contains(os.obligation());
                    case Condition.Reaches r -> r.threshold().measure().equals(measure)
                            || s.obligations().stream().anyMatch(o -> needed.contains(o.id()) && o.target().map(t -> t.measure().equals(r.threshold().measure())).orElse(false));
                    case Condition.GateOpen go -> gates.contains(go.gate());
                    default -> false;
                });
                if (needs) {
                    gates.add(g.id());
                    for (String u : g.unlocks()) if (s.gatesUnlocking(u).stream().allMatch(x -> x.id().equals(g.id()) || gates.contains(x.id()))) needed.add(u);
                    grew = true;
                }
            }
        }
        return gates;
    }

    /** The conditions a gate needs to hold (those under a "not" it needs not to hold). */
    static java.util.stream.Stream<Condition> positive(Condition c) {
        return switch (c) {
            case Condition.Not n -> java.util.stream.Stream.empty();
            case Condition.AllOf a -> a.parts().stream().flatMap(ForecastValidationTest::positive);
            case Condition.AnyOf a -> a.parts().stream().flatMap(ForecastValidationTest::positive);
            case Condition.AtLeast a -> a.parts().stream().flatMap(ForecastValidationTest::positive);
            default -> java.util.stream.Stream.of(c);
        };
    }

    @Test
    void theTornadoComparesOnCommonRandomNumbersSoALeverThatCannotActChangesNothing() {
        String four = THREE.replace("phases: [{id: phase-1, name: Only phase}]",
                "phases: [{id: phase-1, name: First phase}, {id: phase-2, name: Second phase}]")
                .replace("  - {id: c, name: C, kind: armed-group}\n", "  - {id: c, name: C, kind: armed-group}\n  - {id: d, name: D, kind: state}\n")
                + "  - {id: od, name: D acts later, phase: phase-2, type: governance, owed-by: [d], source: doc}\n";
        Scenario s = new ScenarioLoader().parse("four.yaml", four);
        var lever = new Assumed("pressure-d", Assumed.Kind.LEVER, 0, -1, 1, "log-odds", "", Sets.TEST, List.of(), List.of(),
                org.phasegate.problem.Position.UNKNOWN);
        var set = Sets.quiet(Sets.condition("ca", 0.8, "a"), Sets.condition("cb", 0.6, "b"),
                Sets.a(Params.COMPLIANCE, 0.5, 0.3, 0.9), lever).withDurability(Sets.model(0.5, -0.7, java.util.Map.of()));
        var o = new ForecastOptions(5, 2000, 2, 7, 365, List.of(), "phase-1", 2000, Optional.empty());
        var f = new Forecaster().forecast(s, StartingState.empty(s, START), set, o);
        var byName = new java.util.HashMap<String, Forecast.Sensitivity>();
        f.sensitivity().forEach(x -> byName.put(x.id(), x));
        assertThat(byName.get("pressure-d").pLow()).as("D's obligation is in phase 2 only").isEqualTo(byName.get("pressure-d").pHigh());
        assertThat(byName.get("ca").delta()).isGreaterThan(0.1);
        assertThat(f.sensitivity().getFirst().id()).isNotEqualTo("pressure-d");
    }

    @Test
    void theSameSeedGivesBitIdenticalResultsOnOneAndTwoThreads() {
        Scenario s = Sets.gaza();
        var start = StartingState.of(s, s.eventsReader().read(Sets.REPO.resolve("scenarios/gaza-2025.events.jsonl")), START);
        var set = Sets.bundled(s, "sceptic");
        var o = ForecastOptions.defaults(42, 3000).withRuns(3000, 200);
        var one = new Forecaster().forecast(s, start, set, o.withThreads(1));
        var two = new Forecaster().forecast(s, start, set, o.withThreads(2));
        assertThat(two).isEqualTo(one);
        var other = new Forecaster().forecast(s, start, set, new ForecastOptions(43, 3000, 2, 7, 730, o.by(), "phase-2", 200, Optional.empty()));
        assertThat(other.collapse()).as("another seed, other draws").isNotEqualTo(one.collapse());
    }
}
