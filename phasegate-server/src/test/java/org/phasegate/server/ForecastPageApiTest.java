package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.bargain.IssueFiles;
import org.phasegate.bargain.ResultFormats;
import org.phasegate.bargain.Smp;
import org.phasegate.forecast.AssumptionSetReader;
import org.phasegate.forecast.Defaults;
import org.phasegate.forecast.ForecastJson;
import org.phasegate.forecast.ForecastOptions;
import org.phasegate.forecast.Forecaster;
import org.phasegate.forecast.StartingState;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.store.Fixtures;

/**
 * The forecast page's API: the default forecast of the public view (polled), the lever re-run (the same runs and seed
 * with levers moved, as the engine gives them), its refusals, the history and scores from a backtest, and the bundled
 * bargaining issue files.
 */
class ForecastPageApiTest {
    static ApiFixture api;
    static Server withData;
    static final String BASE = "/api/v1/scenarios/gaza-2025/forecasts";

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        var datasets = Datasets.locate(Optional.empty(), Map.of(), Path.of(".."));
        withData = Server.start(api.store, ScenarioSet.load(List.of(ApiFixture.SCENARIO)), datasets, ServerConfig.of(0, "127.0.0.1", true), Fixtures.CLOCK);
    }

    @AfterAll
    static void stop() {
        withData.close();
        api.close();
    }

    /** GET until the answer is no longer 202 (computing), at most two minutes. */
    static JsonNode poll(String path) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            var r = api.send("GET", path, null);
            if (r.statusCode() != 202 || System.nanoTime() > deadline) {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                return Json.parse(r.body());
            }
            var progress = Json.parse(r.body());
            assertThat(progress.path("done").asLong()).isBetween(0L, progress.path("total").asLong());
            Thread.sleep(250);
        }
    }

    @Test
    void the_sets_are_listed_and_the_default_forecast_is_the_engines_over_the_public_view() throws Exception {
        var sets = Json.parse(api.send("GET", BASE, null).body());
        assertThat(sets.path("sets")).extracting(JsonNode::asText).containsExactly("leverage", "sceptic");
        var shown = poll(BASE + "/sceptic");
        assertThat(shown.path("view").asText()).isEqualTo("public");
        var f = shown.path("forecast");
        assertThat(f.path("runs").asInt()).isEqualTo(PublicForecasts.RUNS);
        assertThat(f.path("sensitivity").path("items").size()).isGreaterThan(5);
        assertThat(f.path("assumptions").get(0).path("source").path("title").asText()).isNotBlank();
        var lever = Json.parse(api.as("ana", "POST", BASE + "/sceptic/levers", "{\"set\":{}}").body()).path("forecast");
        assertThat(lever.path("phases")).isEqualTo(f.path("phases"));
        assertThat(lever.path("collapse")).isEqualTo(f.path("collapse"));
        assertThat(lever.path("sensitivity").path("items")).isEmpty();
    }

    @Test
    void moving_a_lever_re_runs_the_same_runs_and_seed_and_gives_what_the_engine_gives() throws Exception {
        var body = "{\"set\":{\"anchor-delay-mandate-expiry\":730,\"pressure-hamas\":1}}";
        var moved = api.as("ana", "POST", BASE + "/leverage/levers", body);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        var n = Json.parse(moved.body());
        assertThat(n.path("levers").path("anchor-delay-mandate-expiry").asDouble()).isEqualTo(730);
        var scenario = new ScenarioLoader().load(ApiFixture.SCENARIO);
        var asOf = Fixtures.CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        var state = StartingState.of(scenario, api.store.records().verified(Optional.empty()), asOf);
        var set = new AssumptionSetReader().load(AssumptionSetReader.bundled(ApiFixture.SCENARIO, "leverage"), scenario)
                .with("anchor-delay-mandate-expiry", 730).with("pressure-hamas", 1);
        var options = new ForecastOptions(1, 10_000, 1, 7, 730, Defaults.by(state), Defaults.phase(scenario, state), 0, Optional.empty());
        var expected = Json.parse(ForecastJson.render(new Forecaster().forecast(scenario, state, set, options)));
        assertThat(n.path("forecast").path("phases")).isEqualTo(expected.path("phases"));
        assertThat(n.path("forecast").path("collapse")).isEqualTo(expected.path("collapse"));
        var unmoved = Json.parse(api.as("ana", "POST", BASE + "/leverage/levers", "{}").body()).path("forecast");
        assertThat(unmoved.path("phases")).isNotEqualTo(expected.path("phases"));
        var again = api.as("bea", "POST", BASE + "/leverage/levers", "{\"set\":{\"pressure-hamas\":1,\"anchor-delay-mandate-expiry\":730}}");
        assertThat(again.headers().firstValue("X-Phasegate-Cache")).contains("hit");
    }

    @Test
    void a_lever_request_is_refused_with_the_field_for_a_name_that_is_no_lever_a_value_out_of_range_or_not_a_number() {
        var notLever = api.as("ana", "POST", BASE + "/leverage/levers", "{\"set\":{\"compliance-weekly\":0.5}}");
        assertThat(notLever.statusCode()).isEqualTo(422);
        assertThat(Json.parse(notLever.body()).path("field").asText()).isEqualTo("set.compliance-weekly");
        assertThat(notLever.body()).contains("buyback-price-usd");
        var outside = api.as("ana", "POST", BASE + "/leverage/levers", "{\"set\":{\"pressure-hamas\":2}}");
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(Json.parse(outside.body()).path("detail").asText()).contains("between -1.0 and 1.0");
        var text = api.as("ana", "POST", BASE + "/leverage/levers", "{\"set\":{\"pressure-hamas\":\"high\"}}");
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(api.as("ana", "POST", BASE + "/optimist/levers", "{}").statusCode()).isEqualTo(404);
        assertThat(api.as("vic", "POST", BASE + "/leverage/levers", "{}").statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/v1/scenarios/gaza-ceasefire-2025-01/forecasts", null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_discrete_lever_takes_only_its_values_and_is_refused_in_between_with_the_lever_the_value_and_the_values() throws Exception {
        var set = new AssumptionSetReader().load(AssumptionSetReader.bundled(ApiFixture.SCENARIO, "leverage"), new ScenarioLoader().load(ApiFixture.SCENARIO));
        var discrete = set.assumptions().stream().filter(a -> a.switches().isPresent()).toList();
        assertThat(discrete).isNotEmpty();   // read from the set: every lever that switches a scenario lever
        for (var lever : discrete) {
            var between = api.as("ana", "POST", BASE + "/leverage/levers", "{\"set\":{\"" + lever.id() + "\":0.5}}");
            assertThat(between.statusCode()).as(between.body()).isEqualTo(422);
            var p = Json.parse(between.body());
            assertThat(p.path("field").asText()).isEqualTo("set." + lever.id());
            assertThat(p.path("value").asText()).isEqualTo("'0.5'");
            assertThat(p.path("detail").asText()).contains(lever.id()).contains("0 or 1").contains("not 0.5");
            var off = api.as("ana", "POST", BASE + "/leverage/levers", "{\"set\":{\"" + lever.id() + "\":0}}");
            assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
            var listed = Json.parse(off.body()).path("forecast").path("assumptions");
            for (var a : listed) {
                if (a.path("name").asText().equals(lever.id())) assertThat(a.path("values").toString()).isEqualTo("[0.0,1.0]");
                else assertThat(a.has("values")).as(a.path("name").asText()).isFalse();
            }
        }
    }

    @Test
    void the_history_follows_the_backtest_and_its_scores_count_the_resolved_questions() throws Exception {
        assertThat(api.send("GET", BASE + "/sceptic/history", null).statusCode()).isEqualTo(409);   // no UCDP file: no base rate
        var r = withData.port();
        var http = java.net.http.HttpClient.newHttpClient();
        JsonNode h;
        long deadline = System.nanoTime() + 180_000_000_000L;
        do {
            var resp = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + r + BASE + "/sceptic/history")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            h = Json.parse(resp.body());
            if (resp.statusCode() == 202) Thread.sleep(250);
            else assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);
        } while (h.path("state").asText().equals("computing") && System.nanoTime() < deadline);
        assertThat(h.path("runs").asInt()).isEqualTo(PublicForecasts.HISTORY_RUNS);
        var scenario = new ScenarioLoader().load(ApiFixture.SCENARIO);
        long weeks = java.time.Duration.between(scenario.start(), Fixtures.CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS)).toDays() / 7 + 1;
        assertThat(h.path("asOfDates").asLong()).isEqualTo(weeks);
        assertThat(h.path("series").size()).isGreaterThan(0);
        for (var s : h.path("series")) {
            for (var p : s.path("points")) assertThat(Instant.parse(p.path("asOf").asText())).isBetween(scenario.start(), Fixtures.CLOCK.instant());
        }
        var model = h.path("scores").path("model");
        assertThat(model.path("n").asInt()).isEqualTo(h.path("resolved").asInt()).isPositive();
        int binned = 0;
        for (var b : model.path("reliabilityBins")) binned += b.path("count").asInt();
        assertThat(binned).isEqualTo(model.path("n").asInt());
        assertThat(h.path("scores").path("baseRate").path("n").asInt()).isEqualTo(model.path("n").asInt());
    }

    @Test
    void the_bundled_issue_file_comes_with_its_actors_and_the_models_result() throws Exception {
        var list = Json.parse(api.send("GET", "/api/v1/bargaining/issues", null).body()).path("issues");
        assertThat(list).extracting(i -> i.path("id").asText()).containsExactly("gaza-2025-issues");
        var file = Path.of("../scenarios/gaza-2025-issues.yaml");
        var shown = Json.parse(api.send("GET", "/api/v1/bargaining/issues/gaza-2025-issues", null).body());
        assertThat(shown.path("yaml").asText()).isEqualTo(Files.readString(file));
        var issue = IssueFiles.read(file);
        assertThat(shown.path("issue").path("actors")).extracting(a -> a.path("name").asText())
                .containsExactlyElementsOf(issue.actors().stream().map(org.phasegate.bargain.Actor::name).toList());
        assertThat(shown.path("result")).isEqualTo(Json.parse(ResultFormats.json(Smp.run(issue))));
        assertThat(api.send("GET", "/api/v1/bargaining/issues/nope", null).statusCode()).isEqualTo(404);
    }
}
