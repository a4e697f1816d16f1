package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The two historical scenarios forecast from their own starts with their bundled sets: January 2025 Gaza (sceptic,
 * leverage) and Northern Ireland 1998 (sceptic, optimist), the latter with none of Gaza's modules declared. Defaults
 * come from the scenario and the as-of date, not from Gaza.
 */
class HistoricalForecastTest {

    static JsonNode forecast(String scenario, String set, String asOf) throws Exception {
        var r = CliTest.run("forecast", "--scenario", CliTest.REPO.resolve("scenarios/" + scenario + ".yaml").toString(),
                "--assumptions", set, "--as-of", asOf, "--runs", "300", "--sensitivity-runs", "0", "--no-progress", "--format", "json");
        assertThat(r.err()).as(scenario + " " + set).isEmpty();
        assertThat(r.exit()).as(scenario + " " + set).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void theJanuary2025ScenarioForecastsFromItsStartWithBothSets() throws Exception {
        for (String set : new String[] {"sceptic", "leverage"}) {
            var json = forecast("gaza-ceasefire-2025-01", set, "2025-01-19T09:15:00Z");
            assertThat(json.get("failurePaths").get("phase").asText()).as("first phase not complete").isEqualTo("phase-1");
            assertThat(json.get("collapse").get("by")).extracting(e -> e.get("date").asText()).containsExactly("2025-12-31", "2026-12-31");
            assertThat(json.has("fallback")).as("no fallback declared").isFalse();
            assertThat(json.get("durabilityModel").get("ceasefireAgeFrom").asText()).contains("ceasefire-in-force");
            assertThat(json.get("phases").get(0).get("by").get(1).get("p").asDouble()).as(set + ": phase 1 completes in some runs").isPositive();
        }
    }

    @Test
    void theNorthernIrelandScenarioForecastsWithNoneOfGazasModules() throws Exception {
        for (String set : new String[] {"sceptic", "optimist"}) {
            var json = forecast("ni-decommissioning-1998", set, "1998-04-11");
            assertThat(json.get("collapse").get("by")).extracting(e -> e.get("date").asText()).containsExactly("1998-12-31", "1999-12-31");
            assertThat(json.has("fallback")).isFalse();
            assertThat(json.get("durabilityModel").get("ceasefireAgeFrom").asText()).contains("scenario's start 1998-04-10");
            assertThat(json.get("assumptions")).extracting(a -> a.get("name").asText())
                    .doesNotContain("casualty-shock-per-week", "collapse-fallback-probability", "contributor-withdrawal-probability");
        }
    }
}
