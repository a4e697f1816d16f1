package org.phasegate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Place;
import org.phasegate.evidence.RecordType;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.scenario.ImportPolicy;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** A measure over an imported dataset ({@code import:}) counts that dataset's admitted rows, and nothing else does. */
class ImportMeasureTest {
    static final String MINI = TestFiles.read(TestFiles.repo().resolve("phasegate-core/src/test/resources/scenarios/mini.yaml"));

    static Scenario scenario(String extraMeasure, String extraTop) {
        var text = MINI.replace("measures:\n", "measures:\n" + extraMeasure)
                .replace("gates:\n", "gates:\n  - id: violence-high\n    phase: phase-1\n    when: {threshold: {measure: conflict-fatalities, sum: 100, unit: persons}}\n"
                        + "    unlocks: []\n    source: accord#art-1\n");
        return new ScenarioLoader().parse("s.yaml", extraTop + text);
    }

    static final String MEASURE = "  - {id: conflict-fatalities, record: incident, import: acled-monthly-political-violence, where: {admin1-pcode: PS02},"
            + " quantity: fatalities, unit: persons}\n";

    static EvidenceRecord row(String id, String dataset, String time, double fatalities) {
        return new EvidenceRecord(id, RecordType.INCIDENT, Instant.parse(time), Optional.empty(), Place.UNKNOWN, Map.of("fatalities", fatalities),
                Map.of("dataset", dataset, "admin1-pcode", "PS02"), Optional.empty(), Optional.empty(), false, Attestation.UNKNOWN, List.of(), List.of());
    }

    static boolean open(StatusReport r) {
        return r.gates().stream().filter(g -> g.gate().id().equals("violence-high")).findFirst().orElseThrow().open();
    }

    @Test
    void the_gate_opens_when_the_imported_rows_reach_it_and_not_before() {
        var s = scenario(MEASURE, "");
        var imported = List.of(row("a", "acled-monthly-political-violence", "2025-01-31T23:59:59Z", 60),
                row("b", "acled-monthly-political-violence", "2025-02-28T23:59:59Z", 50), row("c", "acled-monthly-demonstrations", "2025-01-31T23:59:59Z", 500));
        var engine = new GateEngine(s);
        assertThat(open(engine.status(List.of(), imported, Instant.parse("2025-02-15T00:00:00Z")))).isFalse();
        assertThat(open(engine.status(List.of(), imported, Instant.parse("2025-03-01T00:00:00Z")))).isTrue();
        // the same rows as monitors' records count nowhere in it (they have no attestations, and this measure reads imports only)
        assertThat(open(engine.status(imported, List.of(), Instant.parse("2025-03-01T00:00:00Z")))).isFalse();
    }

    @Test
    void a_forecast_starts_from_the_state_the_imported_rows_give_and_their_last_row() {
        var s = scenario(MEASURE, "");
        var imported = List.of(row("a", "acled-monthly-political-violence", "2025-01-31T23:59:59Z", 60),
                row("b", "acled-monthly-political-violence", "2025-02-28T23:59:59Z", 50), row("c", "acled-monthly-demonstrations", "2025-03-31T23:59:59Z", 500));
        var at = Instant.parse("2025-04-15T00:00:00Z");
        var start = org.phasegate.forecast.StartingState.of(s, List.of(), imported, at);
        assertThat(start.gateOpenedAt()).containsEntry("violence-high", Instant.parse("2025-02-28T23:59:59Z"));
        assertThat(start.lastRecord()).containsEntry("conflict-fatalities", Instant.parse("2025-02-28T23:59:59Z"));
        var without = org.phasegate.forecast.StartingState.of(s, List.of(), at);
        assertThat(without.gateOpenedAt()).doesNotContainKey("violence-high");
        assertThat(without.lastRecord()).doesNotContainKey("conflict-fatalities");
    }

    @Test
    void the_policy_and_the_import_key_are_read_and_checked_with_locations() {
        var s = scenario(MEASURE, "imports:\n  acled: {state: corroborated, origin: external}\n");
        assertThat(s.imports().ruleFor("acled")).isEqualTo(new ImportPolicy.Rule(ImportPolicy.State.CORROBORATED, ImportPolicy.Origin.EXTERNAL));
        assertThat(s.imports().ruleFor("ucdp")).isEqualTo(ImportPolicy.DEFAULT);
        assertThat(s.measure("conflict-fatalities").orElseThrow().imported()).contains("acled-monthly-political-violence");
        assertThatThrownBy(() -> scenario(MEASURE.replace("where: {admin1-pcode: PS02},", "party: south,").replace("acled-monthly", "ACLED monthly"),
                "imports:\n  acled: {state: corroborted}\n  acledd: {state: verified}\n"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.render())
                        .anySatisfy(m -> assertThat(m).startsWith("s.yaml:2:18: imports.acled.state 'corroborted' is not a verification state (did you mean 'corroborated'?)"))
                        .anySatisfy(m -> assertThat(m).startsWith("s.yaml:3:3: unknown field 'acledd' in imports"))
                        .anySatisfy(m -> assertThat(m).contains("is not a dataset id"))
                        .anySatisfy(m -> assertThat(m).contains("a measure over imported rows cannot filter by party")));
    }
}
