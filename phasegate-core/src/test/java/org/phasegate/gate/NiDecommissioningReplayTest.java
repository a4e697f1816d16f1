package org.phasegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/**
 * Replays the real, sourced events of decommissioning under the 1998 Belfast/Good Friday Agreement and checks
 * that every act of decommissioning and the key gates fall on the day they really happened. The dates are the
 * historical record (docs/history-ni-1998.md gives two sources for most of them), not the engine's output.
 */
class NiDecommissioningReplayTest {
    record Real(String gate, String change, String date) {
    }

    static final List<Real> GROUND_TRUTH = List.of(
            new Real("lvf-first-act-verified", "open", "1998-12-18"),         // LVF weapons destroyed in east Belfast
            new Real("devolution-1999", "open", "1999-12-02"),                // powers devolved, IRA names its representative
            new Real("governments-extend-timetable", "open", "2000-05-05"),   // joint statement: June 2001
            new Real("ira-commits-to-beyond-use", "open", "2000-05-06"),      // "completely and verifiably"
            new Real("decommissioning-target-missed", "open", "2000-05-22"),  // two years after the referendums
            new Real("devolution-restored-2000", "open", "2000-05-30"),
            new Real("june-2001-target-missed", "open", "2001-07-01"),        // the day after "by June 2001"
            new Real("ira-first-act-verified", "open", "2001-10-23"),
            new Real("ira-second-act-verified", "open", "2002-04-08"),
            new Real("ira-third-act-verified", "open", "2003-10-21"),
            new Real("normalisation-programme-published", "open", "2005-08-01"),
            new Real("ira-all-arms-verified", "open", "2005-09-26"),          // before Fr Reid and Rev Good
            new Real("devolution-restored-2007", "open", "2007-05-08"),
            new Real("uda-uff-first-act-verified", "open", "2009-06-27"),     // IICD statement on the 16 June act
            new Real("uvf-rhc-first-act-verified", "open", "2009-06-29"),     // IICD statement, embargoed to Monday
            new Real("uvf-rhc-all-arms-verified", "open", "2009-06-29"),
            new Real("uda-uff-all-arms-verified", "open", "2010-01-06"));     // before Lord Eames and Sir George Quigley

    static final Map<String, String> FIRST_COMPLETE = Map.of(
            "decommission-ira", "2005-09-26",
            "decommission-uvf-rhc", "2009-06-29",
            "decommission-uda-uff", "2010-01-06",
            "ira-arms-dump-inspections", "2000-06-26",                        // first inspection report
            "security-normalisation", "2007-07-31");                          // Operation Banner ended at midnight

    private final Scenario scenario = new ScenarioLoader().load(TestFiles.scenarios().resolve("ni-decommissioning-1998.yaml"));
    private final List<EvidenceRecord> records = new EventsReader().read(TestFiles.scenarios().resolve("ni-decommissioning-1998.events.jsonl"));

    @Test
    void everyActOfDecommissioningAndKeyGateFallsOnItsRealDate() {
        var report = new GateEngine(scenario).status(records, day("2010-03-01"));

        var replayed = report.history().stream().filter(t -> t.kind() == Transition.Kind.GATE)
                .map(t -> new Real(t.id(), t.to(), utcDate(t.time()))).toList();
        assertThat(replayed).containsExactlyInAnyOrderElementsOf(GROUND_TRUTH);
        assertThat(report.gate("lvf-all-arms-verified").orElseThrow().open()).as("no LVF act after 1998 is on record").isFalse();
        assertThat(report.gate("all-paramilitary-arms-verified").orElseThrow().open()).isFalse();
        FIRST_COMPLETE.forEach((id, date) -> assertThat(report.obligation(id).orElseThrow().completedAt().map(this::utcDate))
                .as(id).contains(date));
        assertThat(report.obligation("decommission-lvf").orElseThrow().complete()).isFalse();
    }

    @Test
    void everyGroupIsOverdueAgainstTheAgreementsTargetAndAgainstTheGovernmentsNewOne() {
        var groups = List.of("ira", "uvf-rhc", "uda-uff", "lvf");
        var afterTarget = new GateEngine(scenario).status(records, day("2000-05-23"));
        var afterJune2001 = new GateEngine(scenario).status(records, day("2001-07-02"));
        var beforeTarget = new GateEngine(scenario).status(records, day("2000-05-21"));
        var beforeAmendment = new GateEngine(scenario).status(records, day("2000-05-05"));

        for (var g : groups) {
            assertThat(beforeTarget.obligation("decommission-" + g).orElseThrow().overdue()).as(g).isFalse();
            // the governments' statement of 5 May 2000 (ni98-0006-<group>) moved the deadline to 1 July 2001, keeping the original
            var stillDue = afterTarget.obligation("decommission-" + g).orElseThrow();
            assertThat(stillDue.overdue()).as(g).isFalse();
            assertThat(stillDue.schedule().lateAgainstOriginal()).as(g).contains(true);
            assertThat(stillDue.schedule().lateAgainstAmended()).as(g).contains(false);
            assertThat(afterJune2001.obligation("decommission-" + g).orElseThrow().overdue()).as(g).isTrue();
            assertThat(beforeAmendment.obligation("decommission-" + g).orElseThrow().deadline()).as(g).contains(day("2000-05-22"));
        }
    }

    private static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private String utcDate(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
