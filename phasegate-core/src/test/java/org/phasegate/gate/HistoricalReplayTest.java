package org.phasegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.evidence.EventsReader;
import org.phasegate.scenario.ScenarioLoader;

/**
 * Replays the January 2025 Gaza ceasefire's real, sourced events and checks that the engine opens and closes
 * each gate on the day it really happened. The dates are the historical record (docs/history-2025-01.md gives
 * a source for each), not the engine's output.
 */
class HistoricalReplayTest {
    record Real(String gate, String change, String date) {
    }

    static final List<Real> GROUND_TRUTH = List.of(
            new Real("ceasefire-in-force", "open", "2025-01-19"),      // in force 09:15 UTC after the names were delivered
            new Real("ceasefire-holding", "open", "2025-01-19"),
            new Real("prisoner-releases-unlocked", "open", "2025-01-19"), // Gonen, Damari, Steinbrecher released
            new Real("return-north-due", "open", "2025-01-25"),         // day 7
            new Real("north-return-open", "open", "2025-01-27"),        // after the Arbel Yehud dispute
            new Real("phase-2-talks-due", "open", "2025-02-03"),        // day 16
            new Real("netzarim-withdrawal-due", "open", "2025-02-09"),  // day 22
            new Real("phase-1-exchanges-complete", "open", "2025-02-27"), // last remains returned, 1,778 prisoners
            new Real("philadelphi-withdrawal-due", "open", "2025-03-01"), // day 42
            new Real("ceasefire-holding", "closed", "2025-03-18"));     // strikes resumed

    @Test
    void replayReproducesTheRealGateDates() {
        var scenario = new ScenarioLoader().load(TestFiles.scenarios().resolve("gaza-ceasefire-2025-01.yaml"));
        var records = new EventsReader().read(TestFiles.scenarios().resolve("gaza-ceasefire-2025-01.events.jsonl"));
        var report = new GateEngine(scenario).status(records, LocalDate.of(2025, 3, 19).atStartOfDay().toInstant(ZoneOffset.UTC));

        var replayed = report.history().stream().filter(t -> t.kind() == Transition.Kind.GATE)
                .map(t -> new Real(t.id(), t.to(), t.time().atZone(ZoneOffset.UTC).toLocalDate().toString())).toList();
        assertThat(replayed).containsExactlyElementsOf(GROUND_TRUTH);
        assertThat(report.gate("phase-2-start").orElseThrow().open()).as("phase 2 never started").isFalse();
        assertThat(report.gate("phase-3-start").orElseThrow().open()).isFalse();
    }
}
