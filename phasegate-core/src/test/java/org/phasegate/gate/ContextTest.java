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
import org.phasegate.scenario.Condition;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/**
 * A context series ({@code context:}) is the total of a measure over a window ending at the status date, shown beside
 * the status and read by nothing: every expected figure here is worked out by hand from the rows below.
 */
class ContextTest {
    static final String MINI = TestFiles.read(TestFiles.repo().resolve("phasegate-core/src/test/resources/scenarios/mini.yaml"));
    static final String DATASET = "acled-monthly-political-violence";
    static final String MEASURE = "  - {id: conflict-fatalities, record: incident, import: " + DATASET + ", where: {admin1-pcode: PS02},"
            + " quantity: fatalities, unit: persons}\n";
    static final String CONTEXT = "context:\n  - id: fatalities-90d\n    name: conflict fatalities (all actors)\n    measure: conflict-fatalities\n"
            + "    window: 90d\n    beside: [return-captives, release-prisoners]\n";

    static Scenario scenario(String context) {
        return new ScenarioLoader().parse("s.yaml", MINI.replace("measures:\n", "measures:\n" + MEASURE) + context);
    }

    /** A monthly row as the store hands it to the engine: dated at the last second of its month. */
    static EvidenceRecord row(String id, String dataset, String pcode, String month, String end, double fatalities) {
        return new EvidenceRecord(id, RecordType.INCIDENT, Instant.parse(end + "T23:59:59Z"), Optional.empty(), Place.UNKNOWN, Map.of("fatalities", fatalities),
                Map.of("dataset", dataset, "admin1-pcode", pcode, "import-period", month), Optional.empty(), Optional.empty(), false, Attestation.UNKNOWN,
                List.of(), List.of());
    }

    static final List<EvidenceRecord> ROWS = List.of(row("jan", DATASET, "PS02", "2025-01", "2025-01-31", 60),
            row("feb", DATASET, "PS02", "2025-02", "2025-02-28", 50), row("mar", DATASET, "PS02", "2025-03", "2025-03-31", 40),
            row("mar-west-bank", DATASET, "PS01", "2025-03", "2025-03-31", 7), row("mar-demonstrations", "acled-monthly-demonstrations", "PS02", "2025-03", "2025-03-31", 900));

    static ContextState at(String asOf, List<EvidenceRecord> imported) {
        return new GateEngine(scenario(CONTEXT)).status(List.of(), imported, Instant.parse(asOf)).context().getFirst();
    }

    @Test
    void the_total_is_of_the_periods_that_ended_in_the_window_and_names_them_and_the_data_s_last_period() {
        // window (2025-01-15, 2025-04-15]: January, February and March ended in it; the West Bank and demonstrations rows are not the measure's
        var c = at("2025-04-15T00:00:00Z", ROWS);
        assertThat(c.total()).hasValue(150);
        assertThat(c.rows()).isEqualTo(3);
        assertThat(c.dataUpTo()).contains("2025-03");
        assertThat(c.uncoveredDays()).isEqualTo(14);
        assertThat(c.describe()).isEqualTo("conflict fatalities (all actors): 150 persons in 2025-01 to 2025-03 (3 rows: the periods that ended in the"
                + " 90 days to 2025-04-15); data up to 2025-03, so the window's last 14 days are not in the data yet");
        // window (2025-02-01, 2025-05-02]: January's row ended before it
        var later = at("2025-05-02T00:00:00Z", ROWS);
        assertThat(later.total()).hasValue(90);
        assertThat(later.firstPeriod()).contains("2025-02");
        assertThat(later.uncoveredDays()).isEqualTo(31);
        // at the last second of March the data covers the window to its end
        assertThat(at("2025-03-31T23:59:59Z", ROWS).describe()).endsWith("data up to 2025-03");
    }

    @Test
    void by_splits_the_window_s_total_by_an_attribute() {
        var s = scenario(CONTEXT + "    by: pcode\n");
        var rows = List.of(withPcode(ROWS.get(0), "PS0260"), withPcode(ROWS.get(1), "PS0260"), withPcode(ROWS.get(2), "PS0275"), ROWS.get(3));
        var c = new GateEngine(s).status(List.of(), rows, Instant.parse("2025-04-15T00:00:00Z")).context().getFirst();
        // January 60 + February 50 in PS0260, March 40 in PS0275; the West Bank row is not the measure's
        assertThat(c.byValue()).containsExactly(Map.entry("PS0260", 110.0), Map.entry("PS0275", 40.0));
        assertThat(c.describe()).endsWith("; by pcode: PS0260 110, PS0275 40");
        assertThat(at("2025-04-15T00:00:00Z", ROWS).byValue()).isEmpty();
    }

    static EvidenceRecord withPcode(EvidenceRecord r, String pcode) {
        var attrs = new java.util.HashMap<>(r.attributes());
        attrs.put("pcode", pcode);
        return new EvidenceRecord(r.id(), r.type(), r.time(), r.party(), r.place(), r.quantities(), attrs, r.obligation(), r.progress(), r.disputed(),
                r.reporter(), r.attestations(), r.sources());
    }

    @Test
    void with_no_data_in_reach_of_the_window_the_total_is_unknown_never_zero() {
        var after = at("2025-08-01T00:00:00Z", ROWS);   // window (2025-05-03, 2025-08-01]; the data ends 2025-03-31
        assertThat(after.total()).isEmpty();
        assertThat(after.describe()).isEqualTo("conflict fatalities (all actors): unknown in the 90 days to 2025-08-01, not 0: the data ends 2025-03-31"
                + " (data up to 2025-03), before the window starts");
        var none = at("2025-04-15T00:00:00Z", List.of());
        assertThat(none.total()).isEmpty();
        assertThat(none.describe()).startsWith("conflict fatalities (all actors): unknown, not 0: no counted rows of " + DATASET + " up to 2025-04-15");
        // window (2025-04-02, 2025-07-01]: March's row ended before it, April's (0) in it: a known 0
        var inside = at("2025-07-01T00:00:00Z", List.of(row("mar", DATASET, "PS02", "2025-03", "2025-03-31", 40), row("apr", DATASET, "PS02", "2025-04", "2025-04-30", 0)));
        assertThat(inside.total()).hasValue(0);
        assertThat(inside.describe()).contains(": 0 persons in 2025-04 (1 row: the periods that ended in the 90 days to 2025-07-01)");
    }

    @Test
    void it_changes_no_status_no_gate_and_no_history() {
        var at = Instant.parse("2025-04-15T00:00:00Z");
        var without = new GateEngine(scenario("")).status(List.of(), ROWS, at);
        var with = new GateEngine(scenario(CONTEXT)).status(List.of(), ROWS, at);
        assertThat(without.context()).isEmpty();
        assertThat(with.context()).hasSize(1);
        assertThat(with.obligations()).isEqualTo(without.obligations());
        assertThat(with.gates()).isEqualTo(without.gates());
        assertThat(with.phases()).isEqualTo(without.phases());
        assertThat(with.history()).isEqualTo(without.history());
    }

    @Test
    void a_context_over_monitors_records_counts_them_and_names_the_latest() {
        var s = scenario(CONTEXT.replace("measure: conflict-fatalities", "measure: acceptances"));
        var r = new EvidenceRecord("acc", RecordType.STATEMENT, Instant.parse("2025-02-01T00:00:00Z"), Optional.empty(), Place.UNKNOWN, Map.of(),
                Map.of("act", "acceptance"), Optional.empty(), Optional.empty(), false, new Attestation("m", "UN"), List.of(new Attestation("e", "EU")), List.of());
        var c = new GateEngine(s).status(List.of(r), Instant.parse("2025-04-15T00:00:00Z")).context().getFirst();
        assertThat(c.describe()).isEqualTo("conflict fatalities (all actors): 1 records in the 90 days to 2025-04-15 (1 verified record); latest record 2025-02-01");
    }

    @Test
    void its_problems_are_located() {
        String bad = "context:\n  - id: conflict-fatalities\n    name: n\n    measure: conflict-fatalitys\n    window: ninety\n    beside: [return-captive]\n"
                + "    colour: red\n  - {id: other, name: n, measure: conflict-fatalities, beside: [], by: ''}\n";
        int first = (int) (MINI + MEASURE).chars().filter(ch -> ch == '\n').count() + 1;   // the line 'context:' lands on
        assertThatThrownBy(() -> scenario(bad)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.render())
                        .anySatisfy(m -> assertThat(m).startsWith("s.yaml:" + (first + 4) + ":13: context.window has value 'ninety', not a positive duration"))
                        .anySatisfy(m -> assertThat(m).startsWith("s.yaml:" + (first + 3) + ":14: context 'conflict-fatalities' refers to unknown measure 'conflict-fatalitys'")
                                .contains("did you mean 'conflict-fatalities'"))
                        .anySatisfy(m -> assertThat(m).startsWith("s.yaml:" + (first + 5) + ":13: context 'conflict-fatalities' beside refers to unknown obligation 'return-captive'"))
                        .anySatisfy(m -> assertThat(m).startsWith("s.yaml:" + (first + 6) + ":5: unknown field 'colour' in context"))
                        .anySatisfy(m -> assertThat(m).startsWith("s.yaml:" + (first + 1) + ":5: duplicate id 'conflict-fatalities' (context)"))
                        .anySatisfy(m -> assertThat(m).startsWith("s.yaml:" + (first + 7) + ":").contains("context.beside lists no obligation"))
                        .anySatisfy(m -> assertThat(m).startsWith("s.yaml:" + (first + 7) + ":").contains("context.by is empty")));
    }

    @Test
    void the_gaza_context_sits_beside_both_ceasefires_and_no_rule_reads_its_measure() {
        var gaza = new ScenarioLoader().load(TestFiles.scenarios().resolve("gaza-2025.yaml"));
        var c = gaza.context().stream().filter(x -> x.id().equals("gaza-conflict-fatalities-90d")).findFirst().orElseThrow();
        assertThat(c.beside()).containsExactlyInAnyOrder("ceasefire-israel", "ceasefire-hamas");
        assertThat(c.beside().stream().map(o -> gaza.obligation(o).orElseThrow().owedBy()).toList()).containsExactlyInAnyOrder(List.of("israel"), List.of("hamas"));
        var m = gaza.measure(c.measure()).orElseThrow();
        assertThat(m.party()).isEmpty();
        assertThat(m.imported()).contains(DATASET);
        // the plan sets no number that ends the ceasefire: no gate, target, breach or watch reads the series
        assertThat(gaza.gates().stream().flatMap(g -> g.when().walk()).filter(x -> x instanceof Condition.Reaches r && r.threshold().measure().equals(m.id())
                || x instanceof Condition.Quiet q && q.measure().equals(m.id()))).isEmpty();
        assertThat(gaza.obligations().stream().filter(o -> o.target().map(t -> t.measure().equals(m.id())).orElse(false)
                || o.standing().map(st -> st.watch().equals(Optional.of(m.id())) || st.breachedWhen().map(t -> t.measure().equals(m.id())).orElse(false)).orElse(false)))
                .isEmpty();
    }
}
