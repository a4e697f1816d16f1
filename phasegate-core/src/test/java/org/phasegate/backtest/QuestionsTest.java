package org.phasegate.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasegate.score.Question;

/** Which questions a backtest asks at an as-of date of the real January 2025 ceasefire. */
class QuestionsTest {
    private static final Jan2025 JAN = new Jan2025();

    private static List<String> ids(String asOf) {
        return Questions.open(JAN.scenario, JAN.status(Instant.parse(asOf)), List.of(30)).stream().map(Question::id).toList();
    }

    @Test
    void theCeasefireIsHeldByTheGateThatClosesOnAResumptionOfHostilitiesAndTheGaza2025PlanHasNone() {
        assertThat(Questions.holdingGate(JAN.scenario)).contains("ceasefire-holding");
        assertThat(Questions.holdingGate(Jan2025.load("gaza-2025"))).isEmpty();
        assertThat(Questions.holdingGate(Jan2025.load("ni-decommissioning-1998"))).isEmpty();
    }

    @Test
    void beforeTheCeasefireTakesEffectItsGatesAreAskedButNotItsCollapse() {
        var ids = ids("2025-01-15T00:00:00Z");
        assertThat(ids).contains("gate-open:ceasefire-in-force:by:2025-02-14T00:00:00Z",
                "gate-open:phase-2-talks-due:by:2025-02-14T00:00:00Z",   // its day 16 hangs on when the ceasefire starts
                "phase-complete:phase-1:by:2025-02-14T00:00:00Z");
        assertThat(ids).noneMatch(id -> id.startsWith("collapse:"));
    }

    @Test
    void onceInForceSettledQuestionsAndGatesOnlyTheCalendarDecidesAreNotAsked() {
        var ids = ids("2025-01-22T00:00:00Z");
        assertThat(ids).contains("collapse:ceasefire-holding:by:2025-02-21T00:00:00Z",
                "gate-open:phase-1-exchanges-complete:by:2025-02-21T00:00:00Z");
        assertThat(ids).noneMatch(id -> id.contains(":ceasefire-in-force:") || id.contains(":prisoner-releases-unlocked:"));   // opened 19 January
        assertThat(ids).noneMatch(id -> id.contains(":phase-2-talks-due:") || id.contains(":netzarim-withdrawal-due:"));       // day 16 and 22: dates now fixed
    }

    @Test
    void aGateIsAlsoAskedAboutByItsDueDateTheLatestDeadlineOfTheObligationsItReads() {
        // phase-1-exchanges-complete reads the 33 hostages and the phase-1 prisoners, both due on day 42 (2 March 2025, 09:15 UTC)
        assertThat(ids("2025-01-22T00:00:00Z")).contains("gate-open:phase-1-exchanges-complete:by:2025-03-03T00:00:00Z");
        assertThat(ids("2025-01-22T00:00:00Z")).noneMatch(id -> id.startsWith("gate-open:phase-2-start:by:") && !id.endsWith("2025-02-21T00:00:00Z"));
    }

    @Test
    void afterTheCollapseNoCollapseIsAsked() {
        assertThat(ids("2025-03-19T00:00:00Z")).noneMatch(id -> id.startsWith("collapse:"));
    }
}
