package org.phasegate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.phasegate.scenario.ScenarioLoader;

/** The Overview in a real browser: for a reader who is not signed in, a signed-in monitor, a phone, and the keyboard. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewPageTest {
    @RegisterExtension
    final Dashboard web = new Dashboard();

    @Test
    void an_anonymous_reader_sees_phases_gates_parties_figures_and_the_latest_evidence() throws Exception {
        var scenario = new ScenarioLoader().load(Path.of("../scenarios/gaza-2025.yaml"));
        var b = web.browser();
        b.logout();
        b.open("index");
        assertThat(b.find("#title").getText()).isEqualTo(scenario.title());
        assertThat(b.findAll("#phases tbody tr")).hasSize(scenario.phases().size());
        assertThat(b.findAll("#gates li[data-gate]")).hasSize(scenario.gates().size());
        assertThat(b.findAll("#gates li[data-open=true]")).isNotEmpty();
        assertThat(b.findAll("#gates li[data-open=false] details")).isNotEmpty();
        assertThat(b.findAll("#parties tbody tr")).hasSize(scenario.parties().size());
        assertThat(b.find("#figures").getText()).contains("return-living-hostages 20 persons of 20 persons required complete done 13 Oct 2025 plan-2025#point-4");
        assertThat(b.findAll("#latest tbody tr")).hasSize(8);
        assertThat(b.find("#newest").getText()).startsWith("The newest verified record was observed ");
        assertThat(b.find("#freshness").getText()).contains("ocha-admin2");
        // each imported series' last day beside the evidence's freshness, as the status API gives it (the demo's ACLED file: February 2026 at its clock)
        var status = org.phasegate.server.Json.parse(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(web.url("/api/v1/scenarios/gaza-2025/status"))).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        assertThat(status.path("importedData").size()).isPositive();
        for (var d : status.path("importedData")) {
            var shown = b.find("#freshness #imported-data li[data-dataset='" + d.path("dataset").asText() + "']");
            assertThat(shown.getDomAttribute("data-last-day")).isEqualTo(d.path("lastDay").asText()).isEqualTo("2026-02-28");
            assertThat(shown.getText()).contains("data up to " + d.path("lastPeriod").asText(), "rows counted");
        }
        assertThat(b.find("#sign-in").getText()).isEqualTo("Sign in");
        b.screenshot("overview-anonymous");
        b.assertNoConsoleErrors();
    }

    @Test
    void a_signed_in_monitor_sees_their_name_and_role() {
        var b = web.browser();
        b.login("mona");
        b.open("index");
        assertThat(b.find("#whoami").getText()).isEqualTo("mona (monitor, UNOPS)");
        assertThat(b.findAll("#gates li")).isNotEmpty();
        b.screenshot("overview-monitor");
        b.assertNoConsoleErrors();
        b.logout();
    }

    /** At phone width (390×844) nothing is wider than the screen but the tables, which scroll inside their own box. */
    @Test
    void the_overview_fits_a_phone() {
        var b = web.browser();
        try {
            b.resize(390, 844);
            b.open("index");
            var overflow = (Boolean) b.driver().executeScript("return document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as("the page scrolls sideways at phone width").isFalse();
            b.screenshot("overview-phone");
            b.assertNoConsoleErrors();
        } finally {
            b.resize(1280, 800);
        }
    }

    /** The first Tab reaches the skip link, which moves the focus to the content; the gates' "why not" opens by keyboard. */
    @Test
    void the_overview_is_usable_by_keyboard() {
        var b = web.browser();
        b.open("index");
        b.find("body").sendKeys(Keys.TAB);
        var focused = b.driver().switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        focused.sendKeys(Keys.ENTER);
        assertThat(b.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("main");
        var summary = b.find("#gates li[data-open=false] summary");
        summary.sendKeys(Keys.ENTER);
        assertThat(b.find("#gates li[data-open=false] details").getDomAttribute("open")).isNotNull();
        assertThat(b.find("#gates li[data-open=false] details").getText()).contains("Why not:");
        b.assertNoConsoleErrors();
    }
}
