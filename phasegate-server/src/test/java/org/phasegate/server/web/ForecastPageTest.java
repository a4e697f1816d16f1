package org.phasegate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.phasegate.server.Json;
import org.phasegate.store.Fixtures;

/**
 * The forecast page in a real browser over the demo's evidence: both sets' curves, tornado, history and scores for a
 * viewer (who gets no sliders), and, for an analyst, moving a lever slider (or flipping a discrete lever's toggle)
 * changes the probabilities shown to exactly what the API gives for that lever setting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForecastPageTest {
    private static final String FORECASTS = "/api/v1/scenarios/gaza-2025/forecasts";
    @RegisterExtension
    final Dashboard web = new Dashboard();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(web.url(path))).timeout(Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page's computations, done before the browser looks (the page itself polls; this only saves waiting in it). */
    @BeforeAll
    void computeTheForecastsFirst() throws Exception {
        for (var path : new String[] {"/leverage", "/sceptic", "/leverage/history", "/sceptic/history"}) {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            HttpResponse<String> r;
            do {
                r = send("GET", FORECASTS + path, null, null);
                if (r.statusCode() == 202) Thread.sleep(500);
            } while (r.statusCode() == 202 && System.nanoTime() < deadline);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        }
    }

    private JsonNode api(String path) throws Exception {
        return Json.parse(send("GET", FORECASTS + path, null, null).body());
    }

    @Test
    void a_viewer_sees_both_sets_with_their_tornado_history_and_scores_and_no_sliders() throws Exception {
        var b = web.browser();
        b.logout();
        b.login("vic");
        b.open("forecast");
        for (var set : new String[] {"leverage", "sceptic"}) {
            var f = api("/" + set).path("forecast");
            assertThat(b.findAll("#curves-" + set + " .uplot")).hasSize(1);
            var shown = b.find("#curves-" + set + " table.data").getText();
            for (var e : f.path("collapse").path("by")) assertThat(shown).contains(percent(e.path("p").asDouble()));
            int items = f.path("sensitivity").path("items").size();
            assertThat(b.findAll("#tornado-" + set + " svg rect.bar")).hasSize(Math.min(12, items));
            var h = api("/" + set + "/history");
            assertThat(b.findAll("#history-" + set + " .uplot")).hasSize(h.path("series").isEmpty() ? 0 : 1);
            for (var d : h.path("importedData")) {   // the demo's ACLED file, as of the history's last date
                assertThat(b.find("#history-" + set + " .imported-data span[data-dataset='" + d.path("dataset").asText() + "']").getDomAttribute("data-last-day"))
                        .isEqualTo(d.path("lastDay").asText()).isNotEmpty();
            }
            assertThat(h.path("importedData").size()).isPositive();
            assertThat(b.find("#scores-" + set + " table.data").getText()).contains(String.valueOf(h.path("scores").path("model").path("n").asInt()));
            assertThat(b.findAll("#scores-" + set + " svg circle")).isNotEmpty();
        }
        assertThat(b.findAll("#lever-sliders")).isEmpty();
        assertThat(b.find("#levers-note").getText()).contains("analyst");
        b.screenshot("forecast");
        b.assertNoConsoleErrors();
        b.resize(390, 844);
        try {
            b.open("forecast");
            assertThat(b.findAll("#curves .uplot")).hasSize(2);
            b.screenshot("forecast-phone");
            b.assertNoConsoleErrors();
        } finally {
            b.resize(1280, 800);
        }
    }

    /** The forecast page as the analyst sees it (the lever panel). */
    private Browser asAnalyst() {
        var b = web.browser();
        b.logout();
        b.login("ana");
        b.open("forecast");
        return b;
    }

    /** What the API answers for these levers of the leverage set, keyed as the page keys its cells. */
    private Map<String, Double> apiWithLevers(String levers) throws Exception {
        var token = web.store().tokens().create("ana", Fixtures.PASSWORD, "test", Set.of("read", "write"), Duration.ofDays(1)).secret();
        var r = send("POST", FORECASTS + "/leverage/levers", "{\"set\":" + levers + "}", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return byKey(Json.parse(r.body()).path("forecast"));
    }

    /** Waits for the re-run, then checks every probability of the lever table against the API's, as a number and as text. */
    private Map<String, Double> shownWithLevers(Browser b, Map<String, Double> expected) {
        new WebDriverWait(b.driver(), Duration.ofMinutes(2)).until(d -> "done".equals(d.findElement(By.id("levers")).getDomAttribute("data-state")));
        var cells = b.findAll("#lever-table [data-which=levers]");
        assertThat(cells).hasSize(expected.size());
        var shown = new HashMap<String, Double>();
        for (var cell : cells) {
            var key = cell.getDomAttribute("data-key");
            double p = Double.parseDouble(cell.getDomAttribute("data-p"));
            assertThat(p).as(key).isEqualTo(expected.get(key));
            assertThat(cell.getText()).as(key).isEqualTo(percent(p));
            shown.put(key, p);
        }
        return shown;
    }

    @Test
    void moving_a_lever_slider_changes_the_forecast_shown_to_what_the_api_gives_for_that_setting() throws Exception {
        var b = asAnalyst();
        var slider = b.find("#lever-pressure-hamas");
        assertThat(slider.getDomProperty("value")).isEqualTo("0");
        slider.sendKeys(Keys.END);
        var shown = shownWithLevers(b, apiWithLevers("{\"pressure-hamas\":1}"));
        assertThat(slider.getDomProperty("value")).isEqualTo("1");
        var stated = byKey(api("/leverage").path("forecast"));
        long changed = shown.entrySet().stream().filter(e -> !e.getValue().equals(stated.get(e.getKey()))).count();
        for (var cell : b.findAll("#lever-table [data-which=stated]")) {
            assertThat(Double.parseDouble(cell.getDomAttribute("data-p"))).isEqualTo(stated.get(cell.getDomAttribute("data-key")));
        }
        assertThat(changed).as("probabilities the lever moved").isPositive();
        b.driver().executeScript("document.getElementById('lever-result').scrollIntoView()");
        b.screenshot("forecast-levers");
        b.assertNoConsoleErrors();
    }

    @Test
    void the_discrete_lever_is_a_toggle_and_flipping_it_shows_the_apis_probabilities() throws Exception {
        var b = asAnalyst();
        var toggle = b.find("#lever-reconstruction-conditional");
        assertThat(toggle.getDomAttribute("type")).isEqualTo("checkbox");
        assertThat(toggle.isSelected()).as("the sets state 1: on").isTrue();
        toggle.sendKeys(Keys.SPACE);
        shownWithLevers(b, apiWithLevers("{\"reconstruction-conditional\":0}"));
        assertThat(toggle.isSelected()).isFalse();
        assertThat(b.find("#levers").getDomAttribute("data-levers")).isEqualTo("{\"reconstruction-conditional\":0}");
        b.assertNoConsoleErrors();
    }

    /** Each phase's and the collapse's P(by date), keyed as the page keys them. */
    private static Map<String, Double> byKey(JsonNode forecast) {
        var out = new HashMap<String, Double>();
        for (var p : forecast.path("phases")) for (var e : p.path("by")) out.put(p.path("phase").asText() + "|" + e.path("date").asText(), e.path("p").asDouble());
        for (var e : forecast.path("collapse").path("by")) out.put("collapse|" + e.path("date").asText(), e.path("p").asDouble());
        return out;
    }

    /**
     * As the page writes a share with one decimal (app.js formatPercent(p, 1), en-GB): "12.3%", "12%", "0%"; rounded from
     * the double's exact value times 100 (exactly, not the double product: 0.0015 is a little over 0.15%), half up, as
     * ECMA-402 rounds.
     */
    static String percent(double p) {
        var s = new java.math.BigDecimal(p).movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return s + "%";
    }
}
