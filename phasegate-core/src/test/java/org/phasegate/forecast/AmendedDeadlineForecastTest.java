package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** A missed deadline raises the collapse hazard from the deadline in force: an agreed amendment moves it. */
class AmendedDeadlineForecastTest {
    static final Instant AS_OF = Instant.parse("2026-01-02T00:00:00Z");
    static final Scenario S = new ScenarioLoader().parse("amend.yaml", """
            scenario: {id: amend, title: Amended deadline, start: 2026-01-01}
            sources: [{id: doc, title: Test accord, publisher: Tests}]
            parties: [{id: a, name: A, kind: armed-group}]
            phases: [{id: phase-1, name: Only}]
            obligations:
              - {id: disarm, phase: phase-1, type: decommissioning, owed-by: [a], deadline: 2026-01-20, source: doc}
            """);
    /** Work takes about 300 days; 30% collapse a year at baseline, three times that for 60 days after a missed deadline. */
    static final AssumptionSet SET = Sets.quiet(Sets.a(Params.durationOf(org.phasegate.scenario.Obligation.Type.DECOMMISSIONING), 300, 7, 600),
            Sets.a(Params.DEADLINE_HAZARD, 3, 1, 3), Sets.a(Params.DEADLINE_DAYS, 60, 0, 90))
            .withDurability(Sets.model(0.5, Math.log(-Math.log(1 - 0.3)), Map.of()));
    static final ForecastOptions OPTIONS = new ForecastOptions(5, 4000, 2, 1, 120, List.of(LocalDate.of(2026, 4, 1)), "phase-1", 0, Optional.empty());

    static final String AMENDMENT = "{\"id\":\"a1\",\"type\":\"amendment\",\"time\":\"2026-01-01T12:00:00Z\",\"obligation\":\"disarm\","
            + "\"attributes\":{\"deadline\":\"2027-06-01\"},\"reporter\":{\"name\":\"m\",\"org\":\"UK\"},\"attestations\":[{\"by\":\"x\",\"org\":\"Ireland\"}]}";

    @Test
    void theAmendedDeadlineNotTheOriginalRaisesTheHazard() {
        var original = StartingState.empty(S, AS_OF);
        var amended = StartingState.of(S, S.eventsReader().parse("a.jsonl", AMENDMENT), AS_OF);
        assertThat(amended.amendedDeadlines()).containsEntry("disarm", Instant.parse("2027-06-01T00:00:00Z"));
        var missed = new Forecaster().forecast(S, original, SET, OPTIONS).collapse().by().getFirst();
        var moved = new Forecaster().forecast(S, amended, SET, OPTIONS).collapse().by().getFirst();
        assertThat(moved.p()).as("missed %s, moved %s", missed, moved).isLessThan(missed.p() - 5 * Math.hypot(missed.se(), moved.se()));
    }
}
