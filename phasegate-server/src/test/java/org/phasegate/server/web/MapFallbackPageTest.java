package org.phasegate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.phasegate.server.Json;

/**
 * The Map when the server's data directory lacks OCHA's governorate file: the world-atlas outline of the Strip (one
 * shape, the API's fallback) with a notice that says so, and no choropleth colours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapFallbackPageTest {
    @RegisterExtension
    final Dashboard web = Dashboard.without("geo/ocha-admin2.geojson");

    @Test
    void without_the_ocha_file_the_map_draws_the_outline_and_says_so() throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(web.url("/api/v1/geo/governorates"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var geo = Json.parse(r.body());
        assertThat(geo.path("fallback").asBoolean()).isTrue();
        var b = web.browser();
        b.logout();
        b.open("map");
        var shapes = b.findAll("path.governorate");
        assertThat(shapes).hasSize(geo.path("features").size());
        assertThat(shapes.getFirst().getDomAttribute("data-pcode")).isEqualTo(geo.path("features").get(0).path("properties").path("pcode").asText());
        var notice = b.find("#notices .notice").getText();
        assertThat(notice).contains("OCHA governorate file is not on this server", "outline", geo.path("source").asText());
        assertThat(b.find(".leaflet-control-attribution").getText()).contains("Natural Earth");
        b.screenshot("map-fallback");
        b.assertNoConsoleErrors();
    }
}
