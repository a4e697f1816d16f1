package org.phasegate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.phasegate.server.Json;

/** The bargaining page in a real browser: the bundled Gaza issue file, one line per actor in each dimension's chart, the outcome. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BargainingPageTest {
    @RegisterExtension
    final Dashboard web = new Dashboard();

    @Test
    void each_dimension_chart_has_one_line_per_actor_and_the_outcome_is_the_models() throws Exception {
        var shown = Json.parse(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(web.url("/api/v1/bargaining/issues/gaza-2025-issues"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        var result = shown.path("result");
        var actors = new ArrayList<String>();
        result.path("actors").forEach(a -> actors.add(a.asText()));
        int dimensions = result.path("dimensions").size();
        var b = web.browser();
        b.logout();
        b.open("bargaining");
        assertThat(b.findAll("#turns .uplot")).hasSize(dimensions);
        for (int k = 0; k < dimensions; k++) {
            var labels = b.findAll("#turns-" + k + " .u-legend .u-series .u-label").stream().map(e -> e.getText()).toList();
            assertThat(labels).as("dimension %d: one line per actor", k).containsExactlyElementsOf(actors);
        }
        var outcome = b.find("#outcome table.data").getText();
        for (int k = 0; k < dimensions; k++) {
            assertThat(outcome).contains(result.path("dimensions").get(k).asText());
            var v = new java.math.BigDecimal(result.path("predictedOutcome").get(k).asDouble()).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            assertThat(outcome).contains(v);
        }
        assertThat(b.findAll("#actors tbody tr")).hasSize(actors.size());
        assertThat(b.findAll("#run")).isEmpty();   // anonymous: the file is shown, not run
        b.screenshot("bargaining");
        b.assertNoConsoleErrors();
    }
}
