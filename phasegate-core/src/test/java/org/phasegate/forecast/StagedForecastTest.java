package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** The stages of one quantity are one task in the forecast: reached in order, from the verified (latched) state. */
class StagedForecastTest {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Scenario S = new ScenarioLoader().parse("staged.yaml", """
            scenario: {id: staged, title: Staged decommissioning, start: 2026-01-01}
            sources: [{id: accord, title: Accord, publisher: Mediators}]
            parties: [{id: group, name: Armed group, kind: armed-group}]
            phases: [{id: phase-1, name: One}]
            anchors: [{id: d, date: 2026-01-01}]
            measures:
              - {id: hw-out, record: decommissioning, party: group, quantity: items, unit: items}
              - {id: hw-declared, record: statement, where: {category: declaration}, quantity: items, unit: items}
            obligations:
              - id: disarm-heavy
                phase: phase-1
                type: decommissioning
                owed-by: [group]
                target: {measure: hw-out, fraction: 100%, of: hw-declared}
                stages:
                  - {id: hw-30, level: 30%, deadline: d + 90d}
                  - {id: hw-60, level: 60%, deadline: d + 120d}
                  - {id: hw-100, level: 100%, deadline: d + 150d}
                source: accord
            gates:
              - {id: g30, phase: phase-1, when: {stage: hw-30}, source: accord}
              - {id: g60, phase: phase-1, when: {stage: hw-60}, source: accord}
              - {id: g100, phase: phase-1, when: {stage: hw-100}, source: accord}
            """);
    /** Random durations (spread 0.6 around 30 days) and partial compliance, nothing else. */
    static final AssumptionSet SET = Sets.quiet(Sets.a(Params.COMPLIANCE, 0.6, 0.3, 1), Sets.a(Params.SPREAD, 0.6, 0, 1),
            Sets.a(Params.durationOf(org.phasegate.scenario.Obligation.Type.DECOMMISSIONING), 30, 7, 300));
    static final ForecastOptions OPTIONS = new ForecastOptions(11, 2000, 2, 7, 400,
            List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 6, 1)), "phase-1", 0, Optional.empty());

    static String record(String id, String type, String day, int items, String category) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"time\":\"" + day + "T00:00:00Z\",\"party\":\"group\",\"quantities\":{\"items\":" + items + "},"
                + "\"attributes\":{" + (category == null ? "" : "\"category\":\"" + category + "\"") + "},"
                + "\"reporter\":{\"name\":\"m\",\"org\":\"UN\"},\"attestations\":[{\"by\":\"x\",\"org\":\"ICRC\"}]}";
    }

    static StartingState state(Instant asOf, String... lines) {
        return StartingState.of(S, S.eventsReader().parse("staged.jsonl", String.join("\n", lines)), asOf);
    }

    @Test
    void inEveryRunTheStagesAreReachedInOrderAndTheLastIsTheObligationsCompletion() {
        var f = new Forecaster().forecast(S, StartingState.empty(S, START), SET, OPTIONS);
        var c30 = f.gate("g30").orElseThrow();
        var c60 = f.gate("g60").orElseThrow();
        var c100 = f.gate("g100").orElseThrow();
        for (int i = 0; i < OPTIONS.by().size(); i++) {
            assertThat(c30.by().get(i).p()).isGreaterThanOrEqualTo(c60.by().get(i).p());
            assertThat(c60.by().get(i).p()).isGreaterThanOrEqualTo(c100.by().get(i).p());
            assertThat(c100.by().get(i).p()).as("stage 3 is the obligation, so the phase").isEqualTo(f.phase("phase-1").orElseThrow().complete().by().get(i).p());
        }
        assertThat(c30.by().get(1).p()).as("some runs are between stages on 1 February: the test can fail").isGreaterThan(c100.by().get(1).p());
        assertThat(c30.median().orElseThrow()).isBeforeOrEqualTo(c60.median().orElseThrow());
        assertThat(c60.median().orElseThrow()).isBeforeOrEqualTo(c100.median().orElseThrow());
    }

    @Test
    void theForecastStartsFromTheVerifiedStagesAndALatchedStageSurvivesARevisedTotal() {
        var asOf = Instant.parse("2026-03-01T00:00:00Z");
        var at65 = state(asOf, record("d1", "statement", "2026-01-02", 1000, "declaration"), record("o1", "decommissioning", "2026-02-01", 650, null));
        var f = new Forecaster().forecast(S, at65, SET, OPTIONS.withHorizon(7, 300));
        assertThat(f.gate("g30").orElseThrow().openAtStart()).isTrue();
        assertThat(f.gate("g60").orElseThrow().openAtStart()).isTrue();
        assertThat(f.gate("g100").orElseThrow().openAtStart()).isFalse();
        assertThat(at65.progress().get("disarm-heavy")).isEqualTo(0.65);
        // 600 of 1000 met stage 2; the declared total was then revised to 1500 (40%): the run starts at stage 2
        var revised = state(asOf, record("d1", "statement", "2026-01-02", 1000, "declaration"), record("o1", "decommissioning", "2026-02-01", 600, null),
                record("d2", "statement", "2026-02-10", 500, "declaration"));
        assertThat(revised.progress().get("disarm-heavy")).isEqualTo(0.6);
    }
}
