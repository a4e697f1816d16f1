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

/** Dated stages on one quantity: reached in order, latched, each with its deadline as agreed and as amended. */
class StagedObligationTest {
    static final String YAML = """
            scenario: {id: staged, title: Staged decommissioning, start: 2026-01-01}
            sources: [{id: accord, title: Accord, publisher: Mediators}]
            parties: [{id: group, name: Armed group, kind: armed-group}, {id: un, name: UN mission, kind: international-body}]
            phases: [{id: p1, name: One}]
            anchors: [{id: d, date: 2026-01-01}]
            measures:
              - {id: hw-out, record: decommissioning, party: group, quantity: items, unit: items}
              - {id: hw-declared, record: statement, where: {category: declaration}, quantity: items, unit: items}
            obligations:
              - id: disarm-heavy
                phase: p1
                type: decommissioning
                owed-by: [group]
                target: {measure: hw-out, fraction: 100%, of: hw-declared}
                stages:
                  - {id: hw-30, level: 30%, deadline: d + 90d}
                  - {id: hw-60, level: 60%, deadline: d + 120d}
                  - {id: hw-100, level: 100%, deadline: d + 150d}
                source: accord
            gates:
              - {id: withdrawal-2, phase: p1, when: {stage: hw-60}, source: accord}
            """;
    static final Scenario S = new ScenarioLoader().parse("staged.yaml", YAML);

    static String declared(String time, int items) {
        return "{\"id\":\"decl-" + time + "\",\"type\":\"statement\",\"time\":\"" + time + "T00:00:00Z\",\"quantities\":{\"items\":" + items + "},"
                + "\"attributes\":{\"category\":\"declaration\"},\"reporter\":{\"name\":\"m\",\"org\":\"UN\"},\"attestations\":[{\"by\":\"x\",\"org\":\"ICRC\"}]}";
    }

    static String out(String time, int items) {
        return "{\"id\":\"out-" + time + "\",\"type\":\"decommissioning\",\"time\":\"" + time + "T00:00:00Z\",\"party\":\"group\",\"quantities\":{\"items\":" + items + "},"
                + "\"reporter\":{\"name\":\"m\",\"org\":\"UN\"},\"attestations\":[{\"by\":\"x\",\"org\":\"ICRC\"}]}";
    }

    static StatusReport status(String asOf, String... lines) {
        return new GateEngine(S).status(S.eventsReader().parse("staged.jsonl", String.join("\n", lines)), Instant.parse(asOf + "T00:00:00Z"));
    }

    static List<String> stageTexts(StatusReport r) {
        return r.obligation("disarm-heavy").orElseThrow().stages().stream().map(StageState::describe).toList();
    }

    @Test
    void stagesAreMetInOrderOnTheirDatesAndJudgedAgainstTheirDeadlines() {
        var r = status("2026-06-01", declared("2026-01-02", 1000), out("2026-03-01", 300), out("2026-05-15", 300));
        assertThat(stageTexts(r)).containsExactly(
                "stage 1 of 3 (30% of hw-declared) met on 2026-03-01; on time (2026-04-01)",
                "stage 2 of 3 (60% of hw-declared) met on 2026-05-15; late (2026-05-01)",
                "stage 3 of 3 (100% of hw-declared) not met; overdue (2026-05-31)");
        var o = r.obligation("disarm-heavy").orElseThrow();
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.overdue()).as("the last stage's deadline passed on 31 May").isTrue();
        assertThat(r.gate("withdrawal-2").orElseThrow().openedAt()).contains(Instant.parse("2026-05-15T00:00:00Z"));
    }

    @Test
    void aMissedStageMakesTheObligationOverdueBeforeItsFinalDeadline() {
        var r = status("2026-04-10", declared("2026-01-02", 1000), out("2026-03-01", 200));
        var o = r.obligation("disarm-heavy").orElseThrow();
        assertThat(o.overdue()).isTrue();
        assertThat(o.stages().getFirst().overdue()).isTrue();
        assertThat(o.stages().get(1).overdue()).isFalse();
        assertThat(status("2026-03-31", declared("2026-01-02", 1000), out("2026-03-01", 200)).obligation("disarm-heavy").orElseThrow().overdue()).isFalse();
    }

    @Test
    void oneRecordPassingTwoStagesMeetsBothAtItsTimeInOrder() {
        var r = status("2026-06-01", declared("2026-01-02", 1000), out("2026-03-01", 700));
        var stages = r.history().stream().filter(t -> t.kind() == Transition.Kind.STAGE).toList();
        assertThat(stages).extracting(Transition::id).containsExactly("hw-30", "hw-60");
        assertThat(stages).extracting(Transition::time).containsOnly(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(stages.get(1).from()).isEqualTo("stage 1 of 3 met");
        assertThat(stages.get(1).to()).isEqualTo("stage 2 of 3 (60% of hw-declared) of disarm-heavy met");
    }

    @Test
    void aMetStageAndACompletedObligationLatchWhenTheDenominatorIsRevisedUp() {
        // 600 of 1000 meets stage 2; the registered total is then revised to 1500 (40%): the stage stays met
        var r = status("2026-06-01", declared("2026-01-02", 1000), out("2026-03-01", 600), declared("2026-03-10", 500));
        var o = r.obligation("disarm-heavy").orElseThrow();
        assertThat(o.fraction()).isEqualTo(0.4);
        assertThat(o.stages().get(1).metAt()).contains(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(r.gate("withdrawal-2").orElseThrow().open()).isTrue();
        // complete at 1000 of 1000, then 200 more registered: still complete, since the day it completed
        var done = status("2026-06-01", declared("2026-01-02", 1000), out("2026-03-01", 1000), declared("2026-03-10", 200))
                .obligation("disarm-heavy").orElseThrow();
        assertThat(done.complete()).isTrue();
        assertThat(done.completedAt()).contains(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(done.stages()).allMatch(StageState::met);
    }

    @Test
    void anAmendmentMovesOneStageKeepingItsOriginalDeadline() {
        String amend = "{\"id\":\"a1\",\"type\":\"amendment\",\"time\":\"2026-04-20T00:00:00Z\",\"obligation\":\"disarm-heavy\","
                + "\"attributes\":{\"deadline\":\"2026-06-01\",\"stage\":\"hw-60\"},\"reporter\":{\"name\":\"m\",\"org\":\"UN\"},"
                + "\"attestations\":[{\"by\":\"x\",\"org\":\"ICRC\"}]}";
        var r = status("2026-06-01", declared("2026-01-02", 1000), out("2026-03-01", 300), amend, out("2026-05-15", 300));
        assertThat(stageTexts(r).get(1)).isEqualTo("stage 2 of 3 (60% of hw-declared) met on 2026-05-15; "
                + "late against the original (2026-05-01), on time against the amended (2026-06-01, record a1 of 2026-04-20)");
        assertThat(r.obligation("disarm-heavy").orElseThrow().schedule().amendment()).as("the obligation's own deadline is unmoved").isEmpty();
        var deadlines = new ArrayList<Transition>();
        r.history().stream().filter(t -> t.kind() == Transition.Kind.DEADLINE).forEach(deadlines::add);
        assertThat(deadlines).containsExactly(new Transition(Instant.parse("2026-04-20T00:00:00Z"), Transition.Kind.DEADLINE, "hw-60",
                "2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z (amended by a1)"));
    }

    @Test
    void anAmendmentNamingAStageTheObligationLacksIsLocated() {
        String amend = "{\"id\":\"a1\",\"type\":\"amendment\",\"time\":\"2026-04-20T00:00:00Z\",\"obligation\":\"disarm-heavy\","
                + "\"attributes\":{\"deadline\":\"2026-06-01\",\"stage\":\"hw-50\"},\"reporter\":{\"name\":\"m\",\"org\":\"UN\"}}";
        var error = catchThrowableOfType(InvalidInputException.class, () -> S.eventsReader().parse("a.jsonl", amend));
        assertThat(error.problems()).extracting(Problem::render).containsExactly(
                "a.jsonl:1:1: record 'a1' (amendment): field 'attributes.stage' has value 'hw-50', not a stage of obligation 'disarm-heavy' (did you mean 'hw-60'?)");
    }

    @Test
    void badStagesAreLocatedProblems() {
        String falling = YAML.replace("level: 60%", "level: 20%");
        assertThat(problems(falling)).first().isEqualTo(   // then its gate's stage reference, as the obligation is refused
                "bad.yaml:10:5: obligation 'disarm-heavy': stage 'hw-60' is not above the stage before it; list stages in rising order");
        String short_ = YAML.replace("level: 100%", "level: 90%");
        assertThat(problems(short_)).first().isEqualTo(
                "bad.yaml:10:5: obligation 'disarm-heavy': the last stage ('hw-100') must be the target itself (100% of hw-declared)");
        String twice = YAML.replace("    source: accord\ngates", "    deadline: d + 10d\n    source: accord\ngates").replace("{stage: hw-60}", "{stage: hw-70}");
        assertThat(problems(twice)).containsExactly(
                "bad.yaml:19:15: an obligation with stages takes its deadline from the last stage (move the deadline to the last stage)",
                "bad.yaml:22:41: gate 'withdrawal-2' refers to unknown stage 'hw-70' (did you mean 'hw-30'?)");
    }

    @Test
    void theJanuary2025HostageReleasesMeetTheirStagesOnTheRealDays() {
        var root = java.nio.file.Path.of(System.getProperty("phasegate.root", "..")).toAbsolutePath().normalize();
        var s = new ScenarioLoader().load(root.resolve("scenarios/gaza-ceasefire-2025-01.yaml"));
        var records = s.eventsReader().read(root.resolve("scenarios/gaza-ceasefire-2025-01.events.jsonl"));
        var o = new GateEngine(s).status(records, Instant.parse("2025-03-20T00:00:00Z")).obligation("release-33-hostages").orElseThrow();
        // docs/history-2025-01.md: three on day 1 (19 Jan), seven in all on day 7 (25 Jan), the last remains on 26 Feb (22:00 UTC)
        assertThat(o.stages()).extracting(st -> st.metAt().orElseThrow()).containsExactly(Instant.parse("2025-01-19T15:30:00Z"),
                Instant.parse("2025-01-25T09:30:00Z"), Instant.parse("2025-02-26T22:00:00Z"));
        assertThat(o.stages()).noneMatch(st -> st.schedule().inForce().orElseThrow().isBefore(st.metAt().orElseThrow()));
    }

    static List<String> problems(String yaml) {
        var error = catchThrowableOfType(InvalidInputException.class, () -> new ScenarioLoader().parse("bad.yaml", yaml));
        return error.problems().stream().map(Problem::render).toList();
    }
}
