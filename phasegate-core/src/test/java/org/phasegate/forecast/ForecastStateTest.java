package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** The forecast starts from the evidence: final totals, standing obligations in force, phases that require phases. */
class ForecastStateTest {
    static final Instant AS_OF = Instant.parse("2026-12-04T00:00:00Z");

    @Test
    void aTotalDeclaredFinalNeverCompletesInTheSimulation() {
        Scenario s = Sets.gaza();
        var records = s.eventsReader().read(Sets.REPO.resolve("scenarios/gaza-2025.events.jsonl"));
        var notFinal = records.stream().map(ForecastStateTest::withoutFinal).toList();
        var set = Sets.bundled(s, "leverage");
        var o = new ForecastOptions(5, 600, 2, 7, 1460, List.of(LocalDate.of(2030, 12, 1)), "phase-2", 0, Optional.empty());
        var closed = new Forecaster().forecast(s, StartingState.of(s, records, AS_OF), set, o);
        var open = new Forecaster().forecast(s, StartingState.of(s, notFinal, AS_OF), set, o);
        assertThat(StartingState.of(s, records, AS_OF).closed()).contains("return-palestinian-remains");
        assertThat(StartingState.of(s, records, AS_OF).progress().get("return-palestinian-remains")).isCloseTo(360.0 / 420, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(closed.phase("phase-1").orElseThrow().complete().by().getFirst().p()).isZero();
        assertThat(open.phase("phase-1").orElseThrow().complete().by().getFirst().p()).as("the same evidence without the final mark").isGreaterThan(0.3);
    }

    static EvidenceRecord withoutFinal(EvidenceRecord r) {
        var attributes = new HashMap<>(r.attributes());
        attributes.remove("final");
        return new EvidenceRecord(r.id(), r.type(), r.time(), r.party(), r.place(), r.quantities(), attributes, r.obligation(),
                r.progress(), r.disputed(), r.reporter(), r.attestations(), r.sources());
    }

    @Test
    void aPhaseIsNeverForecastMoreLikelyThanAPhaseItRequires() {
        String early = StepInvarianceTest.CHAIN.replace("    unlocks: [settle]\n", "");   // phase 2's work starts at once
        Scenario with = new ScenarioLoader().parse("chain.yaml", early);
        Scenario without = new ScenarioLoader().parse("chain.yaml", early.replace(", requires: [phase-1]", ""));
        var set = StepInvarianceTest.set(0);
        var o = new ForecastOptions(3, 3000, 2, 7, 600, List.of(), "phase-2", 0, Optional.empty());
        var a = new Forecaster().forecast(with, StartingState.empty(with, StepInvarianceTest.START), set, o);
        var b = new Forecaster().forecast(without, StartingState.empty(without, StepInvarianceTest.START), set, o);
        var first = a.phase("phase-1").orElseThrow().complete().curve();
        var second = a.phase("phase-2").orElseThrow().complete().curve();
        for (int k = 0; k < first.size(); k++) assertThat(second.get(k).p()).as("step %d", k).isLessThanOrEqualTo(first.get(k).p());
        var loose = b.phase("phase-2").orElseThrow().complete().curve();
        var looseFirst = b.phase("phase-1").orElseThrow().complete().curve();
        boolean exceeds = false;
        for (int k = 0; k < loose.size(); k++) exceeds |= loose.get(k).p() > looseFirst.get(k).p();
        assertThat(exceeds).as("without 'requires' phase 2 runs ahead of phase 1 somewhere: the test can fail").isTrue();
    }

    static final String TRUCE = """
            scenario: {id: truce, title: Truce, start: 2026-01-01}
            sources: [{id: doc, title: Test accord, publisher: Tests}]
            parties:
              - {id: a, name: A, kind: state}
            phases: [{id: phase-1, name: Only}]
            measures:
              - {id: acceptances, record: statement, unit: records}
            obligations:
              - {id: hold, name: Hold, phase: phase-1, type: cessation, owed-by: [a], kind: standing, source: doc}
              - {id: act, name: Act, phase: phase-1, type: governance, owed-by: [a], source: doc}
            gates:
              - {id: accepted, phase: phase-1, when: {threshold: {measure: acceptances, count: 1}}, unlocks: [hold, act], source: doc}
            """;

    @Test
    void aStandingObligationInForceAtTheStartDoesNotHoldThePhaseBackButABreachedOneDoes() {
        Scenario s = new ScenarioLoader().parse("truce.yaml", TRUCE);
        String accepted = "{\"id\":\"s\",\"type\":\"statement\",\"time\":\"2026-01-02T00:00:00Z\",\"reporter\":{\"name\":\"m\",\"org\":\"M\"},\"attestations\":[{\"by\":\"u\",\"org\":\"UN\"}]}";
        String breached = "{\"id\":\"x\",\"type\":\"assessment\",\"time\":\"2026-01-05T00:00:00Z\",\"obligation\":\"hold\",\"progress\":0,\"reporter\":{\"name\":\"m\",\"org\":\"M\"},\"attestations\":[{\"by\":\"u\",\"org\":\"UN\"}]}";
        var inForce = StartingState.of(s, new EventsReader().parse("e.jsonl", accepted), Instant.parse("2026-01-10T00:00:00Z"));
        var broken = StartingState.of(s, new EventsReader().parse("e.jsonl", accepted + "\n" + breached), Instant.parse("2026-01-10T00:00:00Z"));
        assertThat(inForce.progress().get("hold")).isEqualTo(1.0);
        assertThat(broken.progress().get("hold")).isEqualTo(0.0);
        var set = Sets.quiet(Sets.a(Params.SPREAD, 0.5, 0, 1), Sets.a(Params.durationOf(org.phasegate.scenario.Obligation.Type.GOVERNANCE), 30, 1, 300),
                Sets.a(Params.durationOf(org.phasegate.scenario.Obligation.Type.CESSATION), 200, 1, 300));
        var o = new ForecastOptions(3, 2000, 2, 7, 365, List.of(LocalDate.of(2026, 3, 31)), "phase-1", 0, Optional.empty());
        double kept = new Forecaster().forecast(s, inForce, set, o).phase("phase-1").orElseThrow().complete().by().getFirst().p();
        double lost = new Forecaster().forecast(s, broken, set, o).phase("phase-1").orElseThrow().complete().by().getFirst().p();
        assertThat(kept).as("only the 30-day deliverable stands in the way").isGreaterThan(0.8);
        assertThat(lost).as("the breached truce must first be restored (200 days)").isLessThan(0.2);
    }

    static final String ONE = """
            scenario: {id: one, title: One task, start: 2026-01-01}
            sources: [{id: doc, title: Test accord, publisher: Tests}]
            parties: [{id: a, name: A, kind: state}]
            phases: [{id: phase-1, name: Only}]
            obligations:
              - {id: task, name: Task, phase: phase-1, type: governance, owed-by: [a], source: doc}
            """;

    @Test
    void elapsedWorkingTimeIsCarriedAsADurationKnownToExceedIt() {
        Scenario s = new ScenarioLoader().parse("one.yaml", ONE);
        var asOf = Instant.parse("2026-03-22T00:00:00Z");   // 80 days after the start, the task unlocked since then
        var start = StartingState.of(s, List.of(), asOf);
        assertThat(start.workingSince()).containsEntry("task", Instant.parse("2026-01-01T00:00:00Z"));
        var set = Sets.quiet(Sets.a(Params.SPREAD, 0.5, 0, 1), Sets.a(Params.durationOf(org.phasegate.scenario.Obligation.Type.GOVERNANCE), 100, 1, 300));
        int runs = 20_000;
        var o = new ForecastOptions(9, runs, 2, 7, 365, List.of(LocalDate.of(2026, 4, 20)), "phase-1", 0, Optional.empty());
        double p = new Forecaster().forecast(s, start, set, o).phase("phase-1").orElseThrow().complete().by().getFirst().p();
        // P(D <= 110 | D > 80) for D lognormal with median 100 and log-sd 0.5, computed here by Simpson's rule
        double f80 = lognormalCdf(80, 100, 0.5);
        double target = (lognormalCdf(110, 100, 0.5) - f80) / (1 - f80);
        assertThat(Math.abs(p - target)).as("P %s vs conditional %s", p, target).isLessThanOrEqualTo(4 * Math.sqrt(target * (1 - target) / runs));
        double fresh = lognormalCdf(30, 100, 0.5);
        assertThat(target - fresh).as("restarting the clock would be far off").isGreaterThan(0.2);
    }

    static double lognormalCdf(double x, double median, double sd) {
        double z = Math.log(x / median) / sd;
        int n = 20_000;
        double lo = -12;
        double h = (z - lo) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double u = lo + i * h;
            double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            sum += w * Math.exp(-u * u / 2);
        }
        return sum * h / 3 / Math.sqrt(2 * Math.PI);
    }
}
