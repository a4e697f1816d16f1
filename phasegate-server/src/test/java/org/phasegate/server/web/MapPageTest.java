package org.phasegate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.phasegate.server.Json;

/**
 * The Map in a real browser over the demo's data: as many governorate shapes as the OCHA file has for Gaza, the zone,
 * the choropleth's values and colours following the month slider (checked against the ACLED file), and a record's
 * sources and attestations on a click (checked against the bundled evidence file).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapPageTest {
    @RegisterExtension
    final Dashboard web = new Dashboard();

    static JsonNode file(String relative) throws IOException {
        return Json.MAPPER.readTree(Dashboard.DATA.resolve(relative).toFile());
    }

    /** The file's value of a measure per Gaza governorate for a month. */
    static Map<String, String> acled(String month, String measure) throws IOException {
        var out = new HashMap<String, String>();
        for (var r : file("events/acled-monthly-political-violence.json").path("rows")) {
            if (r.path("date_period").asText().equals(month) && r.path("admin1").asText().equals("Gaza Strip")) {
                out.put(r.path("admin2_pcode").asText(), r.path(measure).asText());
            }
        }
        return out;
    }

    private Map<String, String> shown(String attribute) {
        var out = new HashMap<String, String>();
        for (var p : web.browser().findAll("path.governorate")) out.put(p.getDomAttribute("data-pcode"), p.getDomAttribute(attribute));
        return out;
    }

    private void awaitMonth(String month) {
        new WebDriverWait(web.browser().driver(), java.time.Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(
                org.openqa.selenium.By.cssSelector("#map"), "data-month", month));
        new WebDriverWait(web.browser().driver(), java.time.Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(
                org.openqa.selenium.By.cssSelector("#map"), "data-state", "drawn"));
    }

    @Test
    void the_map_shows_each_governorate_of_the_file_the_zone_and_a_choropleth_that_follows_the_slider() throws IOException {
        int gaza = 0;
        for (var f : file("geo/ocha-admin2.geojson").path("features")) if (f.path("properties").path("adm1_name").asText().equals("Gaza Strip")) gaza++;
        var b = web.browser();
        b.logout();
        b.openPath("/map.html?month=2025-10");
        awaitMonth("2025-10");
        assertThat(b.findAll("path.governorate")).hasSize(gaza);
        assertThat(b.findAll("path.zone")).hasSize(file("geo/idf-zone-2025-10-19.geojson").path("features").size());
        assertThat(shown("data-value")).isEqualTo(acled("2025-10", "events"));
        var octoberColours = shown("data-colour");
        b.screenshot("map");
        b.find("#month").sendKeys(Keys.HOME);
        var first = file("events/acled-monthly-political-violence.json").path("rows").findValuesAsText("date_period").stream().sorted().findFirst().orElseThrow();
        awaitMonth(first);
        assertThat(shown("data-value")).isEqualTo(acled(first, "events"));
        assertThat(shown("data-colour")).isNotEqualTo(octoberColours);
        assertThat(b.findAll("path.zone")).as("the zone of 19 Oct 2025 is not drawn for " + first).isEmpty();
        assertThat(b.find("#month-label").getText()).contains(first.substring(0, 4));
        b.find("#measure").sendKeys("Fatalities");
        new WebDriverWait(b.driver(), java.time.Duration.ofSeconds(30)).until(d -> shown("data-value").equals(safe(() -> acled(first, "fatalities"))));
        assertThat(b.find("#governorate-table").getText()).contains("fatalities");
        b.assertNoConsoleErrors();
    }

    @Test
    void clicking_a_record_or_pressing_enter_on_it_shows_its_sources_and_attestations() throws IOException {
        JsonNode record = null;
        for (var line : java.nio.file.Files.readAllLines(Dashboard.SCENARIOS.resolve("gaza-2025.events.jsonl"))) {
            var r = Json.parse(line);
            if (r.path("id").asText().equals("g25-0047")) record = r;
        }
        assertThat(record).isNotNull();
        var b = web.browser();
        b.logout();
        b.openPath("/map.html?month=2025-11");
        awaitMonth("2025-11");
        b.await("path.record-marker[data-record='g25-0047']").click();
        b.await("#record-panel[data-record='g25-0047']");
        var panel = b.find("#record-panel").getText();
        var attestation = record.path("attestations").get(0);
        assertThat(panel).contains(attestation.path("by").asText() + " (" + attestation.path("org").asText() + ")");
        assertThat(panel).contains(record.path("sources").get(0).path("title").asText());
        assertThat(b.findAll("#record-panel ul.record-sources a")).hasSize(record.path("sources").size());
        b.screenshot("map-record");
        var other = b.find("path.record-marker[data-record='g25-0048']");
        other.sendKeys(Keys.ENTER);
        b.await("#record-panel[data-record='g25-0048']");
        b.resize(390, 844);
        b.screenshot("map-phone");
        b.resize(1280, 800);
        b.assertNoConsoleErrors();
    }

    /**
     * Audit finding 16: places imported with {@code import geojson} (OSM's municipalities: polygons, points and a line)
     * are drawn, one shape per feature of the file, with the licence and attribution the import was given in the map's
     * attribution and the table under it; the checkbox hides them.
     */
    @Test
    void places_imported_into_the_store_are_drawn_with_their_provenance() throws IOException {
        var file = Dashboard.DATA.resolve("geo/gaza-municipalities-osm.geojson");
        int features = file("geo/gaza-municipalities-osm.geojson").path("features").size();
        var store = web.store();
        var request = new org.phasegate.store.imports.ImportRequest(org.phasegate.importing.ImportKind.GEOJSON, file.toString(),
                org.phasegate.store.crypto.Hashes.hex(org.phasegate.store.crypto.Hashes.sha256(java.nio.file.Files.readAllBytes(file))),
                new org.phasegate.scenario.ImportPolicy.Rule(org.phasegate.scenario.ImportPolicy.State.REPORTED, org.phasegate.scenario.ImportPolicy.Origin.EXTERNAL),
                false, false);
        var given = org.phasegate.importing.Provenance.of("https://www.openstreetmap.org/copyright", null, "OpenStreetMap contributors, as the test gives it");
        store.importer().run(org.phasegate.store.Fixtures.as(store, "mona"), given.over(org.phasegate.importing.Importers.reader(
                org.phasegate.importing.ImportKind.GEOJSON, file, java.util.Optional.empty())), () -> java.nio.file.Files.newInputStream(file), request);

        var b = web.browser();
        b.logout();
        b.openPath("/map.html?month=2025-10");
        awaitMonth("2025-10");
        var shapes = b.findAll("path.imported-place");
        assertThat(shapes).hasSize(features);
        assertThat(shapes).allMatch(p -> "geojson-gaza-municipalities-osm".equals(p.getDomAttribute("data-dataset")));
        var table = b.find("#imported-table").getText();
        assertThat(table).contains("geojson-gaza-municipalities-osm", String.valueOf(features), "OpenStreetMap contributors, as the test gives it",
                "https://www.openstreetmap.org/copyright", "mona");
        assertThat(b.find(".leaflet-control-attribution").getText()).contains("geojson-gaza-municipalities-osm: OpenStreetMap contributors, as the test gives it");
        assertThat(b.find("#layer-imported").isSelected()).isTrue();
        b.find("#layer-imported").click();
        assertThat(b.findAll("path.imported-place")).isEmpty();
        b.find("#layer-imported").click();
        assertThat(b.findAll("path.imported-place")).hasSize(features);
        b.screenshot("map-imported");
        b.assertNoConsoleErrors();
    }

    private static <T> T safe(java.util.concurrent.Callable<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
