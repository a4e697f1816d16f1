package org.phasegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** Standing obligations (in force or breached over a window), phases that require phases, and final totals. */
class StandingObligationsTest {
    static final String ACCORD = """
            scenario: {id: truce, title: A truce with a standing ceasefire, start: 2025-01-01}
            sources: [{id: accord, title: Truce text, publisher: Tests}]
            parties:
              - {id: north, name: North, kind: state}
              - {id: south, name: South, kind: armed-group}
            phases:
              - {id: phase-1, name: Truce and returns}
              - {id: phase-2, name: Payment, requires: [phase-1]}
            measures:
              - {id: acceptances, record: statement, unit: records}
              - {id: violations, record: incident, party: south, unit: records}
              - {id: returned, record: exchange, quantity: persons, unit: persons}
              - {id: paid, record: funding, quantity: usd, unit: usd}
            obligations:
              - id: hold-fire
                phase: phase-1
                type: cessation
                owed-by: [south]
                kind: standing
                watch: {measure: violations, window: 90d}
                breached-when: {measure: violations, count: 3, window: 30d}
                source: accord
              - {id: return, phase: phase-1, type: exchange, owed-by: [south], target: {measure: returned, sum: 10, unit: persons}, source: accord}
              - {id: pay, phase: phase-2, type: funding, owed-by: [north], target: {measure: paid, sum: 100, unit: usd}, source: accord}
            gates:
              - {id: accepted, phase: phase-1, when: {threshold: {measure: acceptances, count: 1}}, unlocks: [hold-fire, return], source: accord}
              - {id: truce-holds, phase: phase-1, when: {obligation: hold-fire, status: 3}, latch: false, source: accord}
            """;
    static final Scenario S = new ScenarioLoader().parse("truce.yaml", ACCORD);

    static String record(String id, String type, String time, String extra) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"time\":\"" + time + "T12:00:00Z\"," + extra
                + "\"reporter\":{\"name\":\"m\",\"org\":\"Monitors\"},\"attestations\":[{\"by\":\"u\",\"org\":\"UN\"}]}";
    }

    static List<EvidenceRecord> events(String... lines) {
        var all = new ArrayList<String>(List.of(record("a", "statement", "2025-01-10", "")));
        all.addAll(List.of(lines));
        return new EventsReader().parse("truce.jsonl", String.join("\n", all));
    }

    static String violation(String id, String day) {
        return record(id, "incident", day, "\"party\":\"south\",");
    }

    static StatusReport at(List<EvidenceRecord> events, String day) {
        return new GateEngine(S).status(events, Instant.parse(day + "T23:00:00Z"));
    }

    @Test
    void notInForceUntilUnlockedThenInForceWithItsWatchedRecordsShown() {
        var before = at(events(), "2025-01-05").obligation("hold-fire").orElseThrow();
        assertThat(before.statusLabel()).isEqualTo("not in force");
        var r = at(events(violation("v1", "2025-02-01")), "2025-03-01");
        var after = r.obligation("hold-fire").orElseThrow();
        assertThat(after.status()).isEqualTo(3);
        assertThat(after.progress()).startsWith("in force; 1 verified record of violations in the last 90 days");
        assertThat(r.gate("truce-holds").orElseThrow().openedAt()).as("opened the moment the truce came into force")
                .contains(Instant.parse("2025-01-10T12:00:00Z"));
    }

    @Test
    void breachedWhileItsBreachThresholdIsReachedInForceAgainWhenTheWindowPasses() {
        var three = events(violation("v1", "2025-02-01"), violation("v2", "2025-02-05"), violation("v3", "2025-02-09"));
        assertThat(at(three, "2025-02-10").obligation("hold-fire").orElseThrow().statusLabel()).isEqualTo("breached");
        assertThat(at(three, "2025-02-10").gate("truce-holds").orElseThrow().open()).isFalse();
        assertThat(at(three, "2025-03-05").obligation("hold-fire").orElseThrow().statusLabel()).isEqualTo("in force");
        assertThat(at(three, "2025-03-05").gate("truce-holds").orElseThrow().open()).isTrue();
    }

    @Test
    void aMonitorsAssessmentBreachesItAndALaterOneRestoresIt() {
        var assessed = events(record("x1", "assessment", "2025-02-01", "\"obligation\":\"hold-fire\",\"progress\":0,"),
                record("x2", "assessment", "2025-03-01", "\"obligation\":\"hold-fire\",\"progress\":3,"));
        assertThat(at(assessed, "2025-02-15").obligation("hold-fire").orElseThrow().statusLabel()).isEqualTo("breached");
        assertThat(at(assessed, "2025-03-15").obligation("hold-fire").orElseThrow().statusLabel()).isEqualTo("in force");
    }

    @Test
    void aPhaseIsCompleteWhenItsDeliverablesAreCompleteAndItsStandingObligationsInForce() {
        var returned = record("r1", "exchange", "2025-01-20", "\"quantities\":{\"persons\":10},");
        assertThat(at(events(returned), "2025-01-25").phase("phase-1").orElseThrow().complete()).isTrue();
        var breached = events(returned, record("x1", "assessment", "2025-01-15", "\"obligation\":\"hold-fire\",\"progress\":1,"));
        assertThat(at(breached, "2025-01-25").phase("phase-1").orElseThrow().complete()).isFalse();
    }

    @Test
    void aPhaseThatRequiresAnotherWaitsForIt() {
        var paid = record("p1", "funding", "2025-01-20", "\"quantities\":{\"usd\":100},");
        var r = at(events(paid), "2025-01-25");
        assertThat(r.obligation("pay").orElseThrow().complete()).isTrue();
        assertThat(r.phase("phase-2").orElseThrow().complete()).as("phase 1 is not complete yet").isFalse();
        var both = at(events(paid, record("r1", "exchange", "2025-01-30", "\"quantities\":{\"persons\":10},")), "2025-02-01");
        assertThat(both.phase("phase-2").orElseThrow().completedAt()).contains(Instant.parse("2025-01-30T12:00:00Z"));
    }

    @Test
    void aTotalDeclaredFinalClosesAnUnmetTarget() {
        var last = record("r1", "exchange", "2025-01-20", "\"quantities\":{\"persons\":8},\"attributes\":{\"final\":\"true\"},");
        var r = at(events(last), "2025-01-25").obligation("return").orElseThrow();
        assertThat(r.closed()).isTrue();
        assertThat(r.fraction()).isEqualTo(0.8);
        assertThat(r.progress()).contains("final");
        var open = at(events(record("r1", "exchange", "2025-01-20", "\"quantities\":{\"persons\":8},")), "2025-01-25");
        assertThat(open.obligation("return").orElseThrow().closed()).isFalse();
    }
}
