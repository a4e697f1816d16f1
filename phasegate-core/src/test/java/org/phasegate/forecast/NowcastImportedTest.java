package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Place;
import org.phasegate.evidence.RecordType;
import org.phasegate.importing.ImportedRow;
import org.phasegate.nowcast.Checkpoint;
import org.phasegate.nowcast.Likelihood;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/**
 * The nowcast observes what imported series do as status sees it: on the real January 2025 ceasefire with a gate
 * added that opens once an imported series' total reaches 100 (rows dated at the end of their month), the gate's
 * opening at the end of February is a verified fact of the stretch it falls in, and a row after the as-of date
 * changes nothing.
 */
class NowcastImportedTest {
    private static final String JAN = "gaza-ceasefire-2025-01";
    private static final String DATASET = "acled-monthly-political-violence";
    private static final Scenario SCENARIO = new ScenarioLoader().parse(JAN + ".yaml",
            TestFiles.read(TestFiles.scenarios().resolve(JAN + ".yaml"))
                    .replace("\nmeasures:\n", "\nmeasures:\n  - {id: fatalities, record: incident, import: " + DATASET + ", quantity: fatalities, unit: persons}\n")
                    .replace("\ngates:\n", "\ngates:\n  - id: violence-high\n    phase: phase-1\n    when: {threshold: {measure: fatalities, sum: 100, unit: persons}}\n"
                            + "    unlocks: []\n    source: agreement-2025-01\n"));
    private static final List<EvidenceRecord> RECORDS = new EventsReader().read(TestFiles.scenarios().resolve(JAN + ".events.jsonl"));
    private static final AssumptionSet LEVERAGE = new AssumptionSetReader().load(
            AssumptionSetReader.bundled(TestFiles.scenarios().resolve(JAN + ".yaml"), "leverage"), SCENARIO);
    private static final String AS_OF = "2025-03-05T00:00:00Z";

    private static EvidenceRecord row(String month, String lastSecond, double fatalities) {
        return new EvidenceRecord("import:" + DATASET + ":PS0260:" + month, RecordType.INCIDENT, Instant.parse(lastSecond), Optional.empty(), Place.UNKNOWN,
                Map.of("fatalities", fatalities), Map.of(ImportedRow.DATASET_ATTRIBUTE, DATASET, ImportedRow.PERIOD_ATTRIBUTE, month),
                Optional.empty(), Optional.empty(), false, Attestation.UNKNOWN, List.of(), List.of());
    }

    private static final List<EvidenceRecord> ROWS = List.of(row("2025-01", "2025-01-31T23:59:59Z", 60), row("2025-02", "2025-02-28T23:59:59Z", 50));

    private static Nowcast nowcast(List<EvidenceRecord> imported) {
        var o = new ForecastOptions(7, 400, 2, 7, 30, List.of(LocalDate.of(2025, 3, 1)), "phase-2", 0, Optional.empty());
        return new Nowcaster().nowcast(SCENARIO, RECORDS, imported, LEVERAGE, SCENARIO.start(), Instant.parse(AS_OF), 14,
                Optional.of("ceasefire-holding"), Likelihood.defaults(), o, n -> { });
    }

    private static double gateBy(Nowcast n, String gate) {
        return n.gates().stream().filter(g -> g.id().equals(gate)).findFirst().orElseThrow().by().get(0).p();
    }

    private static int events(Nowcast n, Instant from, Instant to) {
        return n.checkpoints().stream().filter(c -> c.at().isAfter(from) && !c.at().isBefore(to)).findFirst().map(Checkpoint::events).orElseThrow();
    }

    @Test
    void a_gate_opened_by_an_imported_series_is_a_verified_fact_at_the_end_of_its_month() {
        var with = nowcast(ROWS);
        var without = nowcast(List.of());
        assertThat(gateBy(with, "violence-high")).isEqualTo(1.0);
        assertThat(gateBy(without, "violence-high")).isZero();
        var february = Instant.parse("2025-02-28T23:59:59Z");
        Instant previous = with.checkpoints().stream().map(Checkpoint::at).filter(t -> t.isBefore(february)).max(Instant::compareTo).orElseThrow();
        assertThat(events(with, previous, february)).isEqualTo(events(without, previous, february) + 1);
        assertThat(with.checkpoints().stream().mapToInt(Checkpoint::events).sum())
                .isEqualTo(without.checkpoints().stream().mapToInt(Checkpoint::events).sum() + 1);
    }

    @Test
    void an_imported_row_whose_month_ends_after_the_as_of_date_changes_nothing() {
        var later = new java.util.ArrayList<>(ROWS);
        later.add(row("2025-03", "2025-03-31T23:59:59Z", 500));
        assertThat(nowcast(later)).isEqualTo(nowcast(ROWS));
    }
}
