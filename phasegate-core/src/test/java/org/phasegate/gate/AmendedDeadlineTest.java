package org.phasegate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** An agreed, verified amendment moves a deadline; the original is kept and lateness is judged against both. */
class AmendedDeadlineTest {
    static final Scenario S = new ScenarioLoader().parse("amend.yaml", """
            scenario: {id: amend, title: Amended deadlines, start: 1998-04-10}
            sources: [{id: accord, title: Accord, publisher: Mediators}]
            parties: [{id: group, name: Armed group, kind: armed-group}]
            phases: [{id: p1, name: One}]
            measures: [{id: acts, record: statement, where: {category: act}, unit: records}]
            obligations:
              - {id: disarm, phase: p1, type: decommissioning, owed-by: [group], target: {measure: acts, count: 1},
                 deadline: 2000-05-22, source: accord}
              - {id: normalise, phase: p1, type: reform, owed-by: [group], target: {measure: acts, count: 5}, source: accord}
            """);

    static final String ACT = "{\"id\":\"act\",\"type\":\"statement\",\"time\":\"2001-06-15T12:00:00Z\",\"attributes\":{\"category\":\"act\"},"
            + "\"reporter\":{\"name\":\"g\",\"org\":\"Group\"},\"attestations\":[{\"by\":\"c\",\"org\":\"Commission\"}]}";

    static String amendment(String id, String time, String obligation, String deadline, String state, boolean attested) {
        return "{\"id\":\"" + id + "\",\"type\":\"amendment\",\"time\":\"" + time + "\",\"obligation\":\"" + obligation + "\","
                + "\"attributes\":{\"deadline\":\"" + deadline + "\"" + (state == null ? "" : ",\"state\":\"" + state + "\"") + "},"
                + "\"reporter\":{\"name\":\"nio\",\"org\":\"UK Government\"},\"attestations\":["
                + (attested ? "{\"by\":\"dfa\",\"org\":\"Irish Government\"}" : "") + "]}";
    }

    static final String EXTEND = amendment("a1", "2000-05-05T12:00:00Z", "disarm", "2001-07-01", null, true);

    static ObligationState at(String time, String obligation, String... lines) {
        var records = S.eventsReader().parse("amend.jsonl", String.join("\n", lines));
        return new GateEngine(S).status(records, Instant.parse(time)).obligation(obligation).orElseThrow();
    }

    @Test
    void completedAfterTheOriginalButBeforeTheAmendedDeadline() {
        var o = at("2001-12-31T00:00:00Z", "disarm", EXTEND, ACT);
        assertThat(o.complete()).isTrue();
        assertThat(o.overdue()).isFalse();
        assertThat(o.deadline()).contains(Instant.parse("2001-07-01T00:00:00Z"));
        assertThat(o.schedule().original()).contains(Instant.parse("2000-05-22T00:00:00Z"));
        assertThat(o.schedule().describe(true))
                .isEqualTo("late against the original (2000-05-22), on time against the amended (2001-07-01, record a1 of 2000-05-05)");
    }

    @Test
    void anAmendedDeadlineNotYetReachedIsNotOverdueThoughTheOriginalHasPassed() {
        var before = at("2000-12-31T00:00:00Z", "disarm", EXTEND);
        assertThat(before.overdue()).isFalse();
        assertThat(before.schedule().describe(false))
                .isEqualTo("late against the original (2000-05-22), not yet due against the amended (2001-07-01, record a1 of 2000-05-05)");
        var after = at("2001-08-01T00:00:00Z", "disarm", EXTEND);
        assertThat(after.overdue()).isTrue();
        assertThat(after.schedule().lateAgainstAmended()).contains(true);
    }

    @Test
    void unverifiedProposedOrLapsedAmendmentsLeaveTheOriginalInForce() {
        for (String line : List.of(amendment("a1", "2000-05-05T12:00:00Z", "disarm", "2001-07-01", null, false),
                amendment("a1", "2000-05-05T12:00:00Z", "disarm", "2001-07-01", "proposed", true),
                amendment("a1", "2000-05-05T12:00:00Z", "disarm", "2001-07-01", "lapsed", true))) {
            var o = at("2000-12-31T00:00:00Z", "disarm", line);
            assertThat(o.overdue()).as(line).isTrue();
            assertThat(o.deadline()).as(line).contains(Instant.parse("2000-05-22T00:00:00Z"));
            assertThat(o.schedule().amendment()).as(line).isEmpty();
        }
    }

    @Test
    void theLatestAgreedAmendmentIsInForceAndAnAmendmentMayAddADeadline() {
        var again = amendment("a2", "2001-06-01T12:00:00Z", "disarm", "2002-01-01", null, true);
        assertThat(at("2001-05-31T00:00:00Z", "disarm", EXTEND, again).deadline()).contains(Instant.parse("2001-07-01T00:00:00Z"));
        assertThat(at("2001-12-31T00:00:00Z", "disarm", EXTEND, again).deadline()).contains(Instant.parse("2002-01-01T00:00:00Z"));
        var added = at("2007-09-01T00:00:00Z", "normalise", amendment("n1", "2005-08-01T11:00:00Z", "normalise", "2007-08-01", null, true));
        assertThat(added.overdue()).isTrue();
        assertThat(added.schedule().describe(false)).isEqualTo("no deadline in the original, late against the amended (2007-08-01, record n1 of 2005-08-01)");
    }

    @Test
    void theReplayShowsTheAmendmentAtItsTimeKeepingTheOriginal() {
        var records = S.eventsReader().parse("amend.jsonl", EXTEND + "\n" + ACT);
        var history = new GateEngine(S).status(records, Instant.parse("2001-12-31T00:00:00Z")).history();
        var deadlines = new ArrayList<Transition>();
        history.stream().filter(t -> t.kind() == Transition.Kind.DEADLINE).forEach(deadlines::add);
        assertThat(deadlines).containsExactly(new Transition(Instant.parse("2000-05-05T12:00:00Z"), Transition.Kind.DEADLINE, "disarm",
                "2000-05-22T00:00:00Z", "2001-07-01T00:00:00Z (amended by a1)"));
        assertThat(history.indexOf(deadlines.getFirst())).isLessThan(history.indexOf(history.stream()
                .filter(t -> t.id().equals("disarm") && t.kind() == Transition.Kind.OBLIGATION).findFirst().orElseThrow()));
    }

    @Test
    void badAmendmentRecordsAreLocatedAndNamed() {
        String text = "{\"id\":\"x\",\"type\":\"amendment\",\"time\":\"2000-05-05\",\"attributes\":{\"deadline\":\"June 2001\",\"state\":\"agred\"},"
                + "\"reporter\":{\"name\":\"nio\",\"org\":\"UK\"}}";
        var error = catchThrowableOfType(InvalidInputException.class, () -> S.eventsReader().parse("amend.jsonl", ACT + "\n" + text));
        assertThat(error.problems()).extracting(Problem::render).containsExactly(
                "amend.jsonl:2:1: record 'x' (amendment): missing field 'obligation' (the id of the obligation whose deadline it moves)",
                "amend.jsonl:2:1: record 'x' (amendment): field 'attributes.deadline' has value 'June 2001', not a date (use ISO-8601, e.g. 2001-07-01)",
                "amend.jsonl:2:1: record 'x' (amendment): field 'attributes.state' has value 'agred' (did you mean 'agreed'?)");
    }
}
