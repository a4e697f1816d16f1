package org.phasegate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.server.Json;

/**
 * The Timeline and the Compliance matrix in a real browser over the demo's data: one Gantt row per obligation of the
 * scenario, the replay's open gates at the start and now (checked against the status API's gates), one matrix cell
 * per party owing an obligation, and a cell's evidence on a click and by keyboard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineCompliancePageTest {
    @RegisterExtension
    final Dashboard web = new Dashboard();

    JsonNode api(String path) throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(web.url("/api/v1" + path))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    /** The page names each imported series' last day as the timeline API gives it (the demo's ACLED files: February 2026 at its clock). */
    static void assertImportedDataShown(Browser b, JsonNode timeline) {
        var lines = timeline.path("importedData");
        assertThat(lines.size()).isPositive();
        for (var d : lines) {
            var shown = b.find("#imported-data span[data-dataset='" + d.path("dataset").asText() + "']");
            assertThat(shown.getDomAttribute("data-last-day")).isEqualTo(d.path("lastDay").asText()).isNotEmpty();
            assertThat(shown.getText()).contains("data up to " + d.path("lastPeriod").asText());
        }
    }

    @Test
    void the_timeline_draws_every_obligation_and_replays_the_gate_openings() throws Exception {
        var scenario = new ScenarioLoader().load(Dashboard.SCENARIOS.resolve("gaza-2025.yaml"));
        var open = new TreeSet<String>();
        api("/scenarios/gaza-2025/gates").path("gates").forEach(g -> {
            if (g.path("open").asBoolean()) open.add(g.path("id").asText());
        });
        assertThat(open).isNotEmpty();
        var b = web.browser();
        b.logout();
        b.open("timeline");
        assertThat(b.findAll("#gantt g.gantt-row")).hasSize(scenario.obligations().size());
        assertThat(b.findAll("#gate-table tbody tr")).hasSize(scenario.gates().size());
        assertImportedDataShown(b, api("/scenarios/gaza-2025/timeline"));
        assertThat(new TreeSet<>(List.of(b.find("#replay-gates").getDomAttribute("data-open").split(" ")))).isEqualTo(open);
        b.screenshot("timeline");
        b.find("#replay-time").sendKeys(Keys.HOME);
        assertThat(b.find("#replay-gates").getDomAttribute("data-open")).isEmpty();
        assertThat(b.find("#replay-gates").getText()).startsWith("Gates open: none");
        b.find("#replay-time").sendKeys(Keys.END);
        assertThat(new TreeSet<>(List.of(b.find("#replay-gates").getDomAttribute("data-open").split(" ")))).isEqualTo(open);
        b.resize(390, 844);
        b.screenshot("timeline-phone");
        b.resize(1280, 800);
        b.assertNoConsoleErrors();
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_obligations_bars_start_at_its_phases_start_and_a_phase_not_started_has_none() throws Exception {
        var timeline = api("/scenarios/gaza-2025/timeline");
        var phaseStart = new java.util.HashMap<String, String>();
        for (var p : timeline.path("phases")) phaseStart.put(p.path("id").asText(), p.path("startedAt").isNull() ? null : p.path("startedAt").asText());
        var start = java.time.Instant.parse(timeline.path("start").asText());
        assertThat(phaseStart.values()).as("a phase that starts after the scenario").anyMatch(t -> t != null && java.time.Instant.parse(t).isAfter(start));
        var b = web.browser();
        b.logout();
        b.open("timeline");
        var drawn = (java.util.Map<String, List<String>>) b.driver().executeScript("const out = {};"
                + "for (const g of document.querySelectorAll('#gantt g.gantt-row')) out[g.dataset.obligation] ="
                + " [...g.querySelectorAll('rect.gantt-bar')].map(r => r.getAttribute('data-from'));"
                + "return out;");
        assertThat(drawn).hasSize(timeline.path("obligations").size());
        int withBars = 0;
        for (var o : timeline.path("obligations")) {
            var id = o.path("id").asText();
            var from = drawn.get(id).stream().map(java.time.Instant::parse).sorted().toList();
            var phase = phaseStart.get(o.path("phase").asText());
            if (phase == null) {
                assertThat(from).as(id + ": its phase has not started").isEmpty();
            } else if (!from.isEmpty()) {   // none only for one completed before its phase started
                assertThat(from.getFirst()).as(id + ": first bar").isEqualTo(java.time.Instant.parse(phase));
                withBars++;
            }
        }
        assertThat(withBars).isPositive();
        b.assertNoConsoleErrors();
    }

    @Test
    void the_matrix_has_a_cell_per_party_owing_an_obligation_and_a_cell_shows_the_evidence_behind_it() throws Exception {
        var scenario = new ScenarioLoader().load(Dashboard.SCENARIOS.resolve("gaza-2025.yaml"));
        int cells = scenario.obligations().stream().mapToInt(o -> o.owedBy().size()).sum();
        var timeline = api("/scenarios/gaza-2025/timeline");
        var evidence = new ArrayList<String>();
        for (var o : timeline.path("obligations")) if (o.path("id").asText().equals("return-living-hostages")) o.path("evidence").forEach(e -> evidence.add(e.asText()));
        assertThat(evidence).isNotEmpty();
        var b = web.browser();
        b.logout();
        b.open("compliance");
        assertThat(b.findAll("table.matrix button.cell")).hasSize(cells);
        assertImportedDataShown(b, timeline);
        b.find("button.cell[data-obligation='return-living-hostages'][data-party='hamas']").click();
        b.await("#cell-panel[data-obligation='return-living-hostages']");
        assertThat(b.findAll("#cell-panel ul.evidence li")).extracting(e -> e.getText()).containsExactlyElementsOf(evidence);
        b.await("#record-panel[data-record='" + evidence.getLast() + "']");
        b.screenshot("compliance");
        var first = b.find("table.matrix button.cell");
        first.sendKeys(Keys.ARROW_DOWN);
        var focused = b.driver().switchTo().activeElement();
        assertThat(focused.getDomAttribute("class")).isEqualTo("cell");
        assertThat(focused.getDomAttribute("data-obligation")).isNotEqualTo(first.getDomAttribute("data-obligation"));
        focused.sendKeys(Keys.ENTER);
        new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> focused.getDomAttribute("data-obligation")
                .equals(d.findElement(By.id("cell-panel")).getDomAttribute("data-obligation")));
        b.assertNoConsoleErrors();
    }
}
