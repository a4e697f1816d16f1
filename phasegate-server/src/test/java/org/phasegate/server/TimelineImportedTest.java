package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Place;
import org.phasegate.evidence.RecordType;
import org.phasegate.gate.GateEngine;
import org.phasegate.importing.DataUpTo;
import org.phasegate.importing.ImportedRow;
import org.phasegate.scenario.ScenarioLoader;

/**
 * The timeline's answer for an obligation measured over an imported series: its status moves when the rows' periods
 * end (as the gate engine replays them), only up to the as-of date, and {@code importedData} names the last period.
 */
class TimelineImportedTest {
    static final String DATASET = "acled-monthly-political-violence";

    static EvidenceRecord row(String month, String lastSecond, double fatalities) {
        return new EvidenceRecord("import:" + DATASET + ":PS0260:" + month, RecordType.INCIDENT, Instant.parse(lastSecond), Optional.empty(), Place.UNKNOWN,
                Map.of("fatalities", fatalities), Map.of(ImportedRow.DATASET_ATTRIBUTE, DATASET, ImportedRow.PERIOD_ATTRIBUTE, month, "admin1-pcode", "PS02"),
                Optional.empty(), Optional.empty(), false, Attestation.UNKNOWN, List.of(), List.of());
    }

    @Test
    void an_obligation_over_imported_rows_moves_as_their_months_end_and_no_further_than_the_as_of_date() throws Exception {
        var mini = Files.readString(Path.of(System.getProperty("phasegate.root", "..")).resolve("phasegate-core/src/test/resources/scenarios/mini.yaml"));
        var s = new ScenarioLoader().parse("mini.yaml", mini
                .replace("measures:\n", "measures:\n  - {id: fatalities, record: incident, import: " + DATASET + ", where: {admin1-pcode: PS02},"
                        + " quantity: fatalities, unit: persons}\n")
                .replace("obligations:\n", "obligations:\n  - {id: count, phase: phase-1, type: cessation, owed-by: [south],"
                        + " target: {measure: fatalities, sum: 100, unit: persons}, source: accord#art-1}\n"));
        var rows = List.of(row("2025-01", "2025-01-31T23:59:59Z", 60), row("2025-02", "2025-02-28T23:59:59Z", 50));
        var lines = List.of(new DataUpTo("fatalities", DATASET, true, 2, 0, Optional.of("2025-02"), Optional.of(LocalDate.parse("2025-02-28")), "corroborated"));
        var mid = Instant.parse("2025-02-15T00:00:00Z");
        var before = TimelineJson.of(new GateEngine(s).status(List.of(), rows, mid), Map.of(), DataUpTo.asOf(lines, s, rows, mid));
        var after = TimelineJson.of(new GateEngine(s).status(List.of(), rows, Instant.parse("2025-03-15T00:00:00Z")), Map.of(),
                DataUpTo.asOf(lines, s, rows, Instant.parse("2025-03-15T00:00:00Z")));

        assertThat(moves(before)).containsExactly("2025-01-31T23:59:59Z not initiated->intermediate");
        assertThat(moves(after)).containsExactly("2025-01-31T23:59:59Z not initiated->intermediate", "2025-02-28T23:59:59Z intermediate->complete");
        assertThat(before.path("importedData").get(0).path("lastPeriod").asText()).isEqualTo("2025-01");
        assertThat(before.path("importedData").get(0).path("rows").asLong()).isEqualTo(1);
        assertThat(after.path("importedData").get(0).path("lastDay").asText()).isEqualTo("2025-02-28");
    }

    private static List<String> moves(com.fasterxml.jackson.databind.JsonNode timeline) {
        var out = new java.util.ArrayList<String>();
        for (var t : timeline.path("history")) {
            if (t.path("kind").asText().equals("obligation") && t.path("id").asText().equals("count")) {
                out.add(t.path("time").asText() + " " + t.path("from").asText() + "->" + t.path("to").asText());
            }
        }
        return out;
    }
}
