package org.phasegate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Overview shows the scenario's context series as the status API gives it. At the dashboard's clock
 * (2026-03-01T12:00Z) the Gaza Strip's ACLED fatalities of the months that ended in the 90 days before are 406, in
 * 2025-12 to 2026-02 (15 rows; Deir El Balah 54, Gaza City 140, Khan Yunis 111, North Gaza 61, Rafah 40; summed apart
 * with python3 over the real file).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewContextPageTest {
    @RegisterExtension
    final Dashboard web = new Dashboard();

    @Test
    void the_overview_shows_the_context_beside_both_ceasefires() throws Exception {
        var b = web.browser();
        b.logout();
        b.open("index");
        var shown = b.find("#context li[data-context='gaza-conflict-fatalities-90d']");
        assertThat(shown.getDomAttribute("data-total")).isEqualTo("406");
        assertThat(shown.getDomAttribute("data-up-to")).isEqualTo("2026-02");
        assertThat(shown.getText()).isEqualTo("conflict fatalities in Gaza (ACLED, all actors): 406 persons in 2025-12 to 2026-02 (15 rows: the periods"
                + " that ended in the 90 days to 2026-03-01T12:00:00Z); data up to 2026-02; by admin2: Deir El Balah 54, Gaza City 140, Khan Yunis 111,"
                + " North Gaza 61, Rafah 40 (shown beside ceasefire-israel, ceasefire-hamas)");
        b.assertNoConsoleErrors();
    }
}
