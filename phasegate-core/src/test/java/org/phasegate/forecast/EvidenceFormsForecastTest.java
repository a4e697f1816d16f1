package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/**
 * The forecast starts where the gate engine says: cumulative totals, revised and unknown denominators, latched
 * completion and designated verifiers all reach the starting state.
 */
class EvidenceFormsForecastTest {
    static final Instant AS_OF = Instant.parse("2017-09-01T00:00:00Z");
    static final Scenario S = new ScenarioLoader().parse("farc.yaml", """
            scenario: {id: farc, title: Weapons into UN custody, start: 2016-11-24}
            verification:
              verifiers: [{party: un, members: [UN Mission]}]
              designated: [{record: decommissioning, verified-by: un}]
            sources: [{id: accord, title: Final Agreement, publisher: Parties}]
            parties: [{id: farc, name: FARC-EP, kind: armed-group}, {id: un, name: UN Mission in Colombia, kind: international-body}]
            phases: [{id: phase-1, name: One}]
            measures:
              - {id: in-custody, record: decommissioning, party: farc, quantity: weapons, unit: weapons}
              - {id: registered, record: statement, where: {category: registration}, quantity: weapons, unit: weapons}
            obligations:
              - {id: hand-over, phase: phase-1, type: decommissioning, owed-by: [farc],
                 target: {measure: in-custody, fraction: 100%, of: registered}, source: accord}
            """);

    static String record(String id, String type, String day, int weapons, String attributes, String reporterOrg, String attester) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"time\":\"" + day + "T12:00:00Z\",\"party\":\"farc\",\"quantities\":{\"weapons\":" + weapons + "},"
                + "\"attributes\":{" + attributes + "},\"reporter\":{\"name\":\"r\",\"org\":\"" + reporterOrg + "\"},"
                + "\"attestations\":[{\"by\":\"x\",\"org\":\"" + attester + "\"}]}";
    }

    static String registered(String id, String day, int weapons, String extra) {
        return record(id, "statement", day, weapons, "\"category\":\"registration\"" + extra, "Government", "UN Mission");
    }

    static String custody(String id, String day, int weapons, String extra, String reporterOrg) {
        return record(id, "decommissioning", day, weapons, extra, reporterOrg, "Government");
    }

    static StartingState state(String... lines) {
        return StartingState.of(S, S.eventsReader().parse("farc.jsonl", String.join("\n", lines)), AS_OF);
    }

    @Test
    void aCumulativeTotalAndARevisedDenominatorSetTheStartingShare() {
        var s = state(registered("r1", "2017-02-01", 7000, ""), custody("c1", "2017-03-01", 2000, "", "UN Mission"),
                custody("c2", "2017-06-01", 5000, "\"reports\":\"cumulative\"", "UN Mission"),
                registered("r2", "2017-06-10", 7132, ",\"reports\":\"cumulative\""));
        assertThat(s.progress().get("hand-over")).isEqualTo(5000.0 / 7132);
    }

    @Test
    void anUnknownDenominatorStartsFromTheStatusCodeNotFromZero() {
        var s = state(custody("c1", "2017-03-01", 2000, "", "UN Mission"));
        assertThat(s.progress().get("hand-over")).as("minimal: half of intermediate-from").isEqualTo(S.intermediateFrom() / 2);
    }

    @Test
    void aCompletionLatchesIntoTheStartingState() {
        var s = state(registered("r1", "2017-02-01", 7000, ""), custody("c1", "2017-06-26", 7000, "", "UN Mission"),
                registered("r2", "2017-07-10", 7132, ",\"reports\":\"cumulative\""));
        assertThat(s.progress().get("hand-over")).isEqualTo(1.0);
        assertThat(s.completedAt()).containsEntry("hand-over", Instant.parse("2017-06-26T12:00:00Z"));
    }

    @Test
    void onlyTheDesignatedVerifiersFindingCounts() {
        var byGovernmentAlone = state(registered("r1", "2017-02-01", 7000, ""), custody("c1", "2017-06-26", 7000, "", "FARC-EP"));
        assertThat(byGovernmentAlone.progress().get("hand-over")).as("attested by the government, not by the UN mission").isZero();
        var byTheMission = state(registered("r1", "2017-02-01", 7000, ""), custody("c1", "2017-06-26", 7000, "", "UN Mission"));
        assertThat(byTheMission.progress().get("hand-over")).isEqualTo(1.0);
    }
}
