package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.scenario.Condition;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** The verified values over time of leaves no run can move, on the real January 2025 events (times from the events file). */
class ForcingTest {
    private static final Scenario JAN = new ScenarioLoader().load(TestFiles.scenarios().resolve("gaza-ceasefire-2025-01.yaml"));
    private static final List<EvidenceRecord> RECORDS = new EventsReader().read(TestFiles.scenarios().resolve("gaza-ceasefire-2025-01.events.jsonl"));
    private static final Instant ORIGIN = Instant.parse("2025-01-15T00:00:00Z");

    private static Condition leaf(String measure) {
        return JAN.gates().stream().flatMap(g -> g.when().walk())
                .filter(c -> c instanceof Condition.Reaches r && r.threshold().measure().equals(measure)).findFirst().orElseThrow();
    }

    private static double day(String iso) {
        return (Instant.parse(iso).getEpochSecond() - ORIGIN.getEpochSecond()) / 86400.0;
    }

    @Test
    void aStatementHoldsFromTheRecordThatVerifiedIt() {
        var f = Forcing.of(JAN, RECORDS, ORIGIN, Instant.parse("2025-03-01T00:00:00Z"));
        // Israel's government accepted early on 18 January (record gz25-0002)
        assertThat(f.expr(leaf("acceptance-israel"))).isEqualTo(new Expr.Time(new Expr.Moment.Fixed(day("2025-01-18T00:00:00Z")), true));
        assertThat(f.expr(leaf("resumption-of-hostilities"))).isEqualTo(new Expr.Const(false));
    }

    @Test
    void nothingAfterTheAsOfDateIsKnown() {
        var before = Forcing.of(JAN, RECORDS, ORIGIN, Instant.parse("2025-03-10T00:00:00Z"));
        var known = Forcing.of(JAN, RECORDS.stream().filter(r -> !r.time().isAfter(Instant.parse("2025-03-10T00:00:00Z"))).toList(),
                ORIGIN, Instant.parse("2025-03-10T00:00:00Z"));
        assertThat(before.expr(leaf("resumption-of-hostilities"))).isEqualTo(new Expr.Const(false)).isEqualTo(known.expr(leaf("resumption-of-hostilities")));
        var after = Forcing.of(JAN, RECORDS, ORIGIN, Instant.parse("2025-03-20T00:00:00Z"));
        // strikes resumed at 02:00 UTC on 18 March (record gz25-1601)
        assertThat(after.expr(leaf("resumption-of-hostilities"))).isEqualTo(new Expr.Time(new Expr.Moment.Fixed(day("2025-03-18T02:00:00Z")), true));
    }
}
