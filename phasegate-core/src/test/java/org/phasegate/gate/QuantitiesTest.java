package org.phasegate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** Records may state increments, cumulative totals or percentages; denominators may be revised or unknown. */
class QuantitiesTest {
    static final Scenario S = new ScenarioLoader().parse("farc.yaml", """
            scenario: {id: farc, title: Weapons into UN custody, start: 2016-11-24}
            sources: [{id: accord, title: Final Agreement, publisher: Parties}]
            parties: [{id: farc, name: FARC-EP, kind: armed-group}]
            phases: [{id: p1, name: One}]
            measures:
              - {id: in-custody, record: decommissioning, party: farc, quantity: weapons, unit: weapons}
              - {id: registered, record: statement, where: {category: registration}, quantity: weapons, unit: weapons}
            obligations:
              - {id: hand-over, phase: p1, type: decommissioning, owed-by: [farc],
                 target: {measure: in-custody, fraction: 100%, of: registered}, source: accord}
              - {id: hand-over-count, phase: p1, type: decommissioning, owed-by: [farc],
                 target: {measure: in-custody, sum: 7132, unit: weapons}, source: accord}
            """);

    static String custody(String id, String day, double weapons, String reports) {
        return record(id, "decommissioning", day, weapons, reports, null);
    }

    static String registered(String id, String day, double weapons, String reports) {
        return record(id, "statement", day, weapons, reports, "registration");
    }

    static String record(String id, String type, String day, double weapons, String reports, String category) {
        String attributes = (reports == null ? "" : "\"reports\":\"" + reports + "\"") + (category == null ? "" : (reports == null ? "" : ",") + "\"category\":\"" + category + "\"");
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"time\":\"" + day + "T12:00:00Z\",\"party\":\"farc\",\"quantities\":{\"weapons\":" + weapons + "},"
                + "\"attributes\":{" + attributes + "},\"reporter\":{\"name\":\"m\",\"org\":\"UN Mission\"},\"attestations\":[{\"by\":\"x\",\"org\":\"Government\"}]}";
    }

    static ObligationState at(String day, String obligation, String... lines) {
        var records = S.eventsReader().parse("farc.jsonl", String.join("\n", lines));
        return new GateEngine(S).status(records, Instant.parse(day + "T00:00:00Z")).obligation(obligation).orElseThrow();
    }

    @Test
    void aCumulativeTotalRestatesTheSumOfEarlierIncrementsAndLaterIncrementsAddToIt() {
        var lines = new String[] {custody("c1", "2017-03-01", 2000, null), custody("c2", "2017-06-26", 7132, "cumulative"),
                custody("c3", "2017-07-01", 10, null)};
        assertThat(at("2017-06-01", "hand-over-count", lines).progress()).startsWith("2000 weapons of 7132 weapons required");
        assertThat(at("2017-06-27", "hand-over-count", lines).progress()).startsWith("7132 weapons of 7132 weapons required");
        assertThat(at("2017-06-27", "hand-over-count", lines).complete()).isTrue();
        assertThat(at("2017-07-02", "hand-over-count", lines).progress()).startsWith("7142 weapons");
    }

    @Test
    void anUnknownDenominatorIsUnknownNeverZeroPercent() {
        var begun = at("2017-04-01", "hand-over", custody("c1", "2017-03-01", 2000, null));
        assertThat(begun.fractionUnknown()).isTrue();
        assertThat(begun.fraction()).isNaN();
        assertThat(begun.status()).as("verified progress of an unknown share is minimal").isEqualTo(1);
        assertThat(begun.progress()).isEqualTo("unknown share of 100% of registered: 2000 weapons verified, but registered has no verified total yet");
        var nothing = at("2017-04-01", "hand-over");
        assertThat(nothing.status()).isZero();
        assertThat(nothing.fractionUnknown()).isTrue();
        var known = at("2017-04-01", "hand-over", custody("c1", "2017-03-01", 2000, null), registered("r1", "2017-02-01", 8000, null));
        assertThat(known.fractionUnknown()).isFalse();
        assertThat(known.fraction()).isEqualTo(0.25);
    }

    @Test
    void aRecordRevisesTheDenominatorAndACompletedTargetStaysComplete() {
        String first = registered("r1", "2017-02-01", 7000, null);
        String revised = registered("r2", "2017-07-10", 7132, "cumulative");
        String all = custody("c1", "2017-06-26", 7000, null);
        var before = at("2017-07-01", "hand-over", first, all, revised);
        assertThat(before.complete()).isTrue();
        var after = at("2017-08-01", "hand-over", first, all, revised);
        assertThat(after.fraction()).isCloseTo(7000.0 / 7132, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(after.complete()).as("completion latches").isTrue();
        assertThat(after.completedAt()).contains(Instant.parse("2017-06-26T12:00:00Z"));
        assertThat(after.progress()).isEqualTo("98.1% of 100% of registered required; complete since 2017-06-26T12:00:00Z"
                + " (completion latches: later records do not undo it)");
        // the same revision before completion: the target is then 7132, not 7000
        var early = at("2017-08-01", "hand-over", first, registered("r2", "2017-05-01", 7132, "cumulative"), all);
        assertThat(early.complete()).isFalse();
        assertThat(early.status()).isEqualTo(2);
    }

    @Test
    void aStatedPercentageHoldsEvenWhenTheTotalIsUnknownAndIncrementsAfterItNeedTheTotal() {
        var pct = at("2017-07-01", "hand-over", custody("c1", "2017-06-26", 60, "percent"));
        assertThat(pct.fraction()).isEqualTo(0.6);
        assertThat(pct.status()).isEqualTo(2);
        var more = custody("c2", "2017-06-27", 700, null);
        assertThat(at("2017-07-01", "hand-over", custody("c1", "2017-06-26", 60, "percent"), more).fractionUnknown())
                .as("an increment after a percentage, with no total to divide it by").isTrue();
        assertThat(at("2017-07-01", "hand-over", custody("c1", "2017-06-26", 60, "percent"), more, registered("r", "2017-01-01", 7000, null)).fraction())
                .isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(at("2017-07-01", "hand-over", custody("c1", "2017-06-26", 100, "percent")).complete()).isTrue();
    }

    @Test
    void anUnknownReportsValueIsALocatedProblem() {
        var error = catchThrowableOfType(InvalidInputException.class, () -> S.eventsReader().parse("farc.jsonl",
                custody("c1", "2017-03-01", 2000, "cumulatve")));
        assertThat(error.problems()).extracting(Problem::render).containsExactly(
                "farc.jsonl:1:1: record c1: attribute 'reports' has value 'cumulatve', not one of increment, cumulative, percent");
    }
}
