package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.importing.ImportKind;
import org.phasegate.importing.Importers;
import org.phasegate.scenario.ImportPolicy;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.imports.ImportRequest;

/**
 * The map's API against the real files of ../shared/data: Gaza's governorates and the IDF zone as the files have them,
 * the ACLED choropleth series from the imported rows checked against the file's own rows, and the timeline's records
 * behind each obligation as each role may see them.
 */
class MapApiTest {
    static final Path DATA = Path.of("../../shared/data").toAbsolutePath().normalize();
    static final Path ACLED = DATA.resolve("events/acled-monthly-political-violence.json");
    static Store store;
    static Server server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        store = Fixtures.storeWithCast();
        var rule = new ImportPolicy.Rule(ImportPolicy.State.CORROBORATED, ImportPolicy.Origin.EXTERNAL);
        var request = new ImportRequest(ImportKind.ACLED, ACLED.toString(), Hashes.hex(Hashes.sha256(Files.readAllBytes(ACLED))), rule, false, false);
        store.importer().run(Fixtures.as(store, "mona"), Importers.reader(ImportKind.ACLED, ACLED, Optional.empty()), () -> Files.newInputStream(ACLED), request);
        store.records().add(Fixtures.as(store, "mona"), Fixtures.parse(String.join("\n",
                aid("aid-1", "\"public\"", 300), aid("aid-2", "\"public\"", 200), aid("aid-r", "\"restricted\"", 100),
                "{\"id\":\"inc-1\",\"type\":\"incident\",\"time\":\"2025-11-02T10:00:00Z\",\"party\":\"hamas\",\"place\":{\"pcode\":\"PS0275\"},"
                        + "\"attributes\":{\"category\":\"ceasefire-violation\",\"kind\":\"sniper\"},\"sources\":[{\"url\":\"https://example.org/inc-1\"}]}",
                "{\"id\":\"amd-1\",\"type\":\"amendment\",\"time\":\"2025-10-25T00:00:00Z\",\"obligation\":\"aid-full-entry\","
                        + "\"attributes\":{\"deadline\":\"2025-12-31T00:00:00Z\"},\"sources\":[{\"url\":\"https://example.org/amd-1\"}]}")));
        for (var id : List.of("aid-1", "aid-r", "inc-1", "amd-1")) store.records().attest(Fixtures.as(store, "nina"), id);
        store.records().attest(Fixtures.as(store, "omar"), "inc-1");
        var scenarios = ScenarioSet.load(List.of(ApiFixture.SCENARIO));
        server = Server.start(store, scenarios, new Datasets(Optional.of(DATA)), ServerConfig.of(0, "127.0.0.1", true), Fixtures.CLOCK);
    }

    private static String aid(String id, String confidentiality, int trucks) {
        return "{\"id\":\"" + id + "\",\"type\":\"aid-delivery\",\"time\":\"2025-10-20T12:00:00Z\",\"party\":\"israel\",\"confidentiality\":" + confidentiality
                + ",\"place\":{\"pcode\":\"PS0270\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[34.3,31.34]}},\"quantities\":{\"trucks\":" + trucks
                + "},\"attributes\":{\"category\":\"food\",\"crossing\":\"Kerem Shalom\"},\"sources\":[{\"url\":\"https://example.org/" + id + "\"}]}";
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    static HttpResponse<String> get(Server s, String path, String... headers) {
        try {
            var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/v1" + path)).timeout(Duration.ofSeconds(60));
            if (headers.length > 0) b.headers(headers);
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(path + ": " + e, e);
        }
    }

    static JsonNode json(String path) {
        var r = get(server, path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    static JsonNode file(String relative) throws IOException {
        return Json.MAPPER.readTree(DATA.resolve(relative).toFile());
    }

    @Test
    void the_governorates_are_gazas_five_of_the_ocha_file_with_their_geometry_unchanged() throws IOException {
        var expected = new HashMap<String, JsonNode>();
        for (var f : file("geo/ocha-admin2.geojson").path("features")) {
            if (f.path("properties").path("adm1_name").asText().equals("Gaza Strip")) expected.put(f.path("properties").path("adm2_pcode").asText(), f);
        }
        var got = json("/geo/governorates");
        assertThat(got.path("fallback").asBoolean(true)).isFalse();
        assertThat(got.path("source").asText()).contains("OCHA");
        assertThat(got.path("features")).hasSize(expected.size());
        assertThat(expected.keySet()).containsExactlyInAnyOrder("PS0255", "PS0260", "PS0265", "PS0270", "PS0275");
        for (var f : got.path("features")) {
            var original = expected.get(f.path("properties").path("pcode").asText());
            assertThat(f.path("geometry")).isEqualTo(original.path("geometry"));
            assertThat(f.path("properties").path("name").asText()).isEqualTo(original.path("properties").path("adm2_name").asText());
        }
    }

    @Test
    void the_zone_is_the_idf_file_polygon_with_the_source_it_names() throws IOException {
        var original = file("geo/idf-zone-2025-10-19.geojson").path("features");
        var got = json("/geo/zones").path("features");
        assertThat(got).hasSize(original.size());
        assertThat(got.get(0).path("geometry")).isEqualTo(original.get(0).path("geometry"));
        assertThat(got.get(0).path("properties").path("source").asText()).isEqualTo(original.get(0).path("properties").path("Source").asText());
    }

    @Test
    void a_months_choropleth_values_are_the_files_rows_for_that_month() throws IOException {
        var rows = file("events/acled-monthly-political-violence.json").path("rows");
        var months = new TreeSet<String>();
        for (var measure : List.of("events", "fatalities")) {
            var expected = new HashMap<String, Long>();
            long sum = 0;
            for (var r : rows) {
                months.add(r.path("date_period").asText());
                if (!r.path("date_period").asText().equals("2025-10") || !r.path("admin1").asText().equals("Gaza Strip")) continue;
                expected.put(r.path("admin2_pcode").asText(), r.path(measure).asLong());
                sum += r.path(measure).asLong();
            }
            var got = json("/series/acled?month=2025-10&measure=" + measure);
            var values = new HashMap<String, Long>();
            long gotSum = 0;
            for (var v : got.path("values")) {
                values.put(v.path("pcode").asText(), v.path("value").asLong());
                gotSum += v.path("value").asLong();
            }
            assertThat(values).isEqualTo(expected);
            assertThat(gotSum).isEqualTo(sum);
            assertThat(got.path("max").asLong()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).max().orElseThrow());
        }
        var latest = json("/series/acled");
        assertThat(latest.path("month").asText()).isEqualTo(months.last());
        assertThat(latest.path("lastPeriod").asText()).isEqualTo(months.last());
        assertThat(latest.path("months")).hasSize(months.size());
        assertThat(latest.path("importState").asText()).isEqualTo("corroborated");
        assertThat(latest.path("countedAs").asText()).isEqualTo("corroborated");   // the store's scenario gives ACLED corroborated
        assertThat(latest.path("sources").get(0).asText()).isEqualTo(file("events/acled-monthly-political-violence.json").path("source_url").asText());
    }

    @Test
    void bad_series_parameters_are_422s_naming_the_field_and_a_dataset_not_imported_is_a_404() {
        for (var q : Map.of("month=2025-13", "month", "month=October", "month", "measure=deaths", "measure", "dataset=battles", "dataset", "admin1=PS03", "admin1").entrySet()) {
            var r = get(server, "/series/acled?" + q.getKey());
            assertThat(r.statusCode()).as(q.getKey()).isEqualTo(422);
            assertThat(Json.parse(r.body()).path("field").asText()).isEqualTo(q.getValue());
        }
        for (var query : List.of("dataset=civilian-targeting", "dataset=civilian-targeting&month=2025-10")) {
            var r = get(server, "/series/acled?" + query);
            assertThat(r.statusCode()).as(query).isEqualTo(404);
            assertThat(r.body()).contains("acled-monthly-civilian-targeting", "import");
        }
    }

    @Test
    void without_the_data_files_the_layers_are_404s_that_say_where_the_data_comes_from() {
        try (var bare = Server.start(store, ScenarioSet.load(List.of(ApiFixture.SCENARIO)), new Datasets(Optional.empty()), ServerConfig.of(0, "127.0.0.1", true), Fixtures.CLOCK)) {
            var zones = get(bare, "/geo/zones");
            assertThat(zones.statusCode()).isEqualTo(404);
            assertThat(zones.body()).contains("idf-zone-2025-10-19", "mushon/nibal");
        }
    }

    @Test
    void without_the_ocha_file_the_governorates_fall_back_to_natural_earths_outline_of_the_strip_and_say_so() throws IOException {
        try (var bare = Server.start(store, ScenarioSet.load(List.of(ApiFixture.SCENARIO)), new Datasets(Optional.empty()), ServerConfig.of(0, "127.0.0.1", true), Fixtures.CLOCK)) {
            var r = get(bare, "/geo/governorates");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            var got = Json.parse(r.body());
            assertThat(got.path("fallback").asBoolean()).isTrue();
            assertThat(got.path("source").asText()).contains("Natural Earth", "world-atlas");
            assertThat(got.path("features")).hasSize(1);
            var outline = box(got.path("features").get(0).path("geometry").path("coordinates"));
            var ocha = box(file("geo/ocha-admin1.geojson").path("features").get(0).path("geometry").path("coordinates"));
            assertThat(file("geo/ocha-admin1.geojson").path("features").get(0).path("properties").path("adm1_pcode").asText()).isEqualTo("PS02");
            for (int i = 0; i < 4; i++) assertThat(outline[i]).as("bounding box %d", i).isCloseTo(ocha[i], org.assertj.core.data.Offset.offset(0.05));
        }
    }

    /** minLon, minLat, maxLon, maxLat of every position in a GeoJSON coordinates array. */
    private static double[] box(JsonNode coords) {
        var b = new double[] {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        if (coords.get(0).isNumber()) {
            double lon = coords.get(0).asDouble(), lat = coords.get(1).asDouble();
            return new double[] {lon, lat, lon, lat};
        }
        for (var c : coords) {
            var inner = box(c);
            b[0] = Math.min(b[0], inner[0]);
            b[1] = Math.min(b[1], inner[1]);
            b[2] = Math.max(b[2], inner[2]);
            b[3] = Math.max(b[3], inner[3]);
        }
        return b;
    }

    @Test
    void the_records_layer_is_the_geojson_export_filtered_by_month_and_role_with_each_records_pcode() {
        var october = json("/exports/records/geojson?type=aid-delivery&from=2025-10-01&to=2025-10-31T23:59:59Z").path("features");
        assertThat(october).extracting(f -> f.path("id").asText()).containsExactlyInAnyOrder("aid-1", "aid-2");
        assertThat(october).extracting(f -> f.path("properties").path("pcode").asText()).containsOnly("PS0270");
        assertThat(json("/exports/records/geojson?type=aid-delivery&from=2025-11-01&to=2025-11-30T23:59:59Z").path("features")).isEmpty();
        assertThat(json("/exports/records/geojson?type=incident&to=2025-11-30T23:59:59Z").path("features")).extracting(f -> f.path("id").asText())
                .containsExactly("inc-1");
    }

    @Test
    void the_timeline_names_the_verified_records_behind_each_obligation_as_the_caller_may_see_them() {
        var anonymous = obligations(get(server, "/scenarios/gaza-2025/timeline?asOf=2026-01-01"));
        assertThat(anonymous.get("aid-full-entry").path("evidence")).extracting(JsonNode::asText).containsExactly("aid-1", "amd-1");
        assertThat(anonymous.get("aid-full-entry").path("amendedBy").asText()).isEqualTo("amd-1");
        assertThat(anonymous.get("aid-full-entry").path("deadline").asText()).isEqualTo("2025-12-31T00:00:00Z");
        // the agreed deadline runs from the acceptance gate, which nothing here opens: not known, so not given
        assertThat(anonymous.get("aid-full-entry").path("originalDeadline").isMissingNode()).isTrue();
        assertThat(anonymous.get("ceasefire-hamas").path("evidence")).extracting(JsonNode::asText).containsExactly("inc-1");
        assertThat(anonymous.get("ceasefire-hamas").path("kind").asText()).isEqualTo("standing");
        var token = store.tokens().create("bea", Fixtures.PASSWORD, "test", java.util.Set.of("read"), Duration.ofDays(1)).secret();
        var board = obligations(get(server, "/scenarios/gaza-2025/timeline?asOf=2026-01-01", "Authorization", "Bearer " + token));
        assertThat(board.get("aid-full-entry").path("evidence")).extracting(JsonNode::asText).containsExactly("aid-1", "aid-r", "amd-1");
        var before = obligations(get(server, "/scenarios/gaza-2025/timeline?asOf=2025-10-01"));
        assertThat(before.get("aid-full-entry").path("evidence")).isEmpty();
    }

    private static Map<String, JsonNode> obligations(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var out = new HashMap<String, JsonNode>();
        var body = Json.parse(r.body());
        body.path("obligations").forEach(o -> out.put(o.path("id").asText(), o));
        assertThat(out).hasSize(body.path("obligations").size());
        return out;
    }
}
