package org.phasegate.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.evidence.EventsReader;
import org.phasegate.gate.GateEngine;
import org.phasegate.gate.StatusReport;
import org.phasegate.scenario.ScenarioLoader;

/**
 * Questions resolved from the real January 2025 ceasefire and Northern Ireland events. The expected dates are the
 * historical record (docs/history-2025-01.md, docs/history-ni-1998.md) at the times the events files give.
 */
class ResolutionTest {
    private static final String JAN = "gaza-ceasefire-2025-01";

    private static StatusReport status(String name, Instant asOf, Instant recordsUntil) {
        var scenario = new ScenarioLoader().load(TestFiles.scenarios().resolve(name + ".yaml"));
        var records = new EventsReader().read(TestFiles.scenarios().resolve(name + ".events.jsonl")).stream()
                .filter(r -> !r.time().isAfter(recordsUntil)).toList();
        return new GateEngine(scenario).status(records, asOf);
    }

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void theJanuary2025CeasefireCollapsedOn18March() {
        var report = status(JAN, t("2025-04-01T00:00:00Z"), Instant.MAX);
        var collapse = Resolution.of(new Question.CollapseBy("ceasefire-holding", t("2025-03-31T00:00:00Z")), report);
        assertThat(collapse.state()).isEqualTo(Resolution.State.YES);
        assertThat(collapse.at()).contains(t("2025-03-18T02:00:00Z"));   // strikes resumed
        assertThat(collapse.outcome()).isEqualTo(1);
        var early = Resolution.of(new Question.CollapseBy("ceasefire-holding", t("2025-03-01T00:00:00Z")), report);
        assertThat(early).isEqualTo(new Resolution(early.question(), Resolution.State.NO, Optional.of(t("2025-03-01T00:00:00Z"))));
        assertThat(early.outcome()).isZero();
    }

    @Test
    void gatesResolveYesWhenTheyOpenedByTheDateAndNoAfterIt() {
        var report = status(JAN, t("2025-04-01T00:00:00Z"), Instant.MAX);
        var exchanges = Resolution.of(new Question.GateOpenBy("phase-1-exchanges-complete", t("2025-03-01T00:00:00Z")), report);
        assertThat(exchanges.state()).isEqualTo(Resolution.State.YES);
        assertThat(exchanges.at()).contains(t("2025-02-27T12:00:00Z"));   // last remains returned, prisoners released
        assertThat(Resolution.of(new Question.GateOpenBy("phase-1-exchanges-complete", t("2025-02-20T00:00:00Z")), report).state())
                .isEqualTo(Resolution.State.NO);
        assertThat(Resolution.of(new Question.GateOpenBy("phase-2-start", t("2025-03-31T00:00:00Z")), report).state())
                .as("phase 2 never started").isEqualTo(Resolution.State.NO);
    }

    @Test
    void aPhaseCompletes() {
        var report = status("ni-decommissioning-1998", t("2010-02-01T00:00:00Z"), Instant.MAX);
        var phase2 = Resolution.of(new Question.PhaseCompleteBy("phase-2", t("2001-01-01T00:00:00Z")), report);
        assertThat(phase2.state()).isEqualTo(Resolution.State.YES);
        assertThat(phase2.at()).contains(t("2000-06-26T12:00:00Z"));   // first inspection of IRA arms dumps
        assertThat(phase2.question().id()).isEqualTo("phase-complete:phase-2:by:2001-01-01T00:00:00Z");
    }

    /** As of 10 March 2025 the collapse question is open, and records from after that date change nothing. */
    @Test
    void noHindsight() {
        Instant asOf = t("2025-03-10T00:00:00Z");
        var questions = List.<Question>of(new Question.CollapseBy("ceasefire-holding", t("2025-03-31T00:00:00Z")),
                new Question.CollapseBy("ceasefire-holding", t("2025-03-05T00:00:00Z")),
                new Question.GateOpenBy("phase-1-exchanges-complete", t("2025-03-01T00:00:00Z")),
                new Question.GateOpenBy("phase-2-start", t("2025-04-30T00:00:00Z")));
        var withAll = status(JAN, asOf, Instant.MAX);
        var onlyThen = status(JAN, asOf, asOf);
        for (Question q : questions) assertThat(Resolution.of(q, withAll)).as(q.id()).isEqualTo(Resolution.of(q, onlyThen));
        assertThat(Resolution.of(questions.get(0), withAll).state()).isEqualTo(Resolution.State.UNRESOLVED);
        assertThat(Resolution.of(questions.get(1), withAll).state()).isEqualTo(Resolution.State.NO);
        assertThatThrownBy(() -> Resolution.of(questions.get(0), withAll).outcome())
                .hasMessage("question collapse:ceasefire-holding:by:2025-03-31T00:00:00Z is not resolved yet");
    }

    @Test
    void aQuestionAboutSomethingTheScenarioLacksIsRefused() {
        var report = status(JAN, t("2025-04-01T00:00:00Z"), Instant.MAX);
        assertThatThrownBy(() -> Resolution.of(new Question.GateOpenBy("phase-9-start", t("2025-03-01T00:00:00Z")), report))
                .hasMessage("question gate-open:phase-9-start:by:2025-03-01T00:00:00Z: scenario gaza-ceasefire-2025-01 has no gate 'phase-9-start'");
        assertThatThrownBy(() -> new Question.PhaseCompleteBy(" ", t("2025-03-01T00:00:00Z"))).hasMessage("the question's phase is missing or blank");
    }
}
