package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.importing.ImportKind;
import org.phasegate.importing.Importers;
import org.phasegate.scenario.ImportPolicy;
import org.phasegate.store.Fixtures;
import org.phasegate.store.imports.ImportRequest;

/**
 * The API over a store with the real ACLED political-violence file imported (corroborated): status, forecasts, the
 * timeline and the forecast page's history name the data's last date as of the date they read (only the months that
 * had ended by then count), and an imported row is served with its values, provenance and inclusion proof. Expected
 * dates and counts are computed here from the file's rows.
 */
class ImportedDataApiTest {
    static final Path ACLED = Path.of("../../shared/data/events/acled-monthly-political-violence.json").toAbsolutePath().normalize();
    static ApiFixture api;
    static Server withData;
    static JsonNode file;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(ACLED)));
        var rule = new ImportPolicy.Rule(ImportPolicy.State.CORROBORATED, ImportPolicy.Origin.EXTERNAL);
        var o = api.store.importer().run(Fixtures.as(api.store, "mona"), Importers.reader(ImportKind.ACLED, ACLED, Optional.empty()),
                () -> Files.newInputStream(ACLED), new ImportRequest(ImportKind.ACLED, ACLED.toString(), sha, rule, false, false));
        assertThat(o.added()).isEqualTo(1984);
        file = Json.parse(Files.readString(ACLED));
        var datasets = Datasets.locate(Optional.empty(), Map.of(), Path.of(".."));
        withData = Server.start(api.store, ScenarioSet.load(List.of(ApiFixture.SCENARIO)), datasets, ServerConfig.of(0, "127.0.0.1", true), Fixtures.CLOCK);
    }

    @AfterAll
    static void stop() {
        withData.close();
        api.close();
    }

    /** The rows the measure keeps ({@code where: {admin1-pcode: PS02}}) whose month had ended by {@code at}. */
    static long rowsBy(Instant at) {
        long n = 0;
        for (var r : file.path("rows")) if (gaza(r) && !monthEnd(r).isAfter(at)) n++;
        return n;
    }

    static boolean gaza(JsonNode r) {
        return r.path("admin1_pcode").asText().equals("PS02");
    }

    /** The last day of the last month of the measure's rows that had ended by {@code at}. */
    static LocalDate lastDayBy(Instant at) {
        return lastDayBy(at, true);
    }

    /** The last day of the last month ended by {@code at} of the measure's rows ({@code gazaOnly}) or of the whole file. */
    static LocalDate lastDayBy(Instant at, boolean gazaOnly) {
        LocalDate last = null;
        for (var r : file.path("rows")) {
            var day = YearMonth.parse(r.path("date_period").asText()).atEndOfMonth();
            if ((!gazaOnly || gaza(r)) && !monthEnd(r).isAfter(at) && (last == null || day.isAfter(last))) last = day;
        }
        return last;
    }

    static Instant monthEnd(JsonNode r) {
        return YearMonth.parse(r.path("date_period").asText()).atEndOfMonth().atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
    }

    @Test
    void the_timeline_says_up_to_when_the_imported_data_runs_as_of_its_date() {
        var at = Instant.parse("2026-01-15T00:00:00Z");
        var timeline = Json.parse(api.send("GET", "/api/v1/scenarios/gaza-2025/timeline?asOf=2026-01-15", null).body());
        var status = Json.parse(api.send("GET", "/api/v1/scenarios/gaza-2025/status?asOf=2026-01-15", null).body());
        var d = timeline.path("importedData").get(0);
        assertThat(d.path("dataset").asText()).isEqualTo("acled-monthly-political-violence");
        assertThat(d.path("rows").asLong()).isEqualTo(rowsBy(at)).isLessThan(620);
        assertThat(d.path("lastDay").asText()).isEqualTo(lastDayBy(at).toString()).isEqualTo("2025-12-31");
        assertThat(d.path("lastPeriod").asText()).isEqualTo("2025-12");
        assertThat(timeline.path("importedData")).isEqualTo(status.path("importedData"));
    }

    @Test
    void each_point_of_the_forecast_page_history_names_the_imported_data_it_was_forecast_from() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var uri = java.net.URI.create("http://127.0.0.1:" + withData.port() + "/api/v1/scenarios/gaza-2025/forecasts/sceptic/history");
        JsonNode h;
        long deadline = System.nanoTime() + 180_000_000_000L;
        do {
            var resp = http.send(java.net.http.HttpRequest.newBuilder(uri).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            h = Json.parse(resp.body());
            if (resp.statusCode() == 202) Thread.sleep(250);
            else assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);
        } while (h.path("state").asText().equals("computing") && System.nanoTime() < deadline);
        var evaluated = Instant.parse(h.path("evaluatedAt").asText());
        assertThat(h.path("importedData").get(0).path("lastDay").asText()).isEqualTo(lastDayBy(evaluated).toString());
        assertThat(h.path("importedData").get(0).path("rows").asLong()).isEqualTo(rowsBy(evaluated));
        int points = 0;
        var days = new java.util.TreeSet<String>();
        for (var s : h.path("series")) {
            for (var p : s.path("points")) {
                var asOf = Instant.parse(p.path("asOf").asText());
                var day = p.path("importedUpTo").path("acled-monthly-political-violence").asText();
                assertThat(day).as("point at %s", asOf).isEqualTo(lastDayBy(asOf, false).toString());
                days.add(day);
                points++;
            }
        }
        assertThat(points).isPositive();
        assertThat(days).hasSizeGreaterThan(1);   // the history moves through the months, not one last date for all
    }

    @Test
    void status_and_forecasts_name_the_imported_data_and_its_last_date() {
        var status = Json.parse(api.send("GET", "/api/v1/scenarios/gaza-2025/status?asOf=2026-05-01", null).body());
        var s = status.path("importedData").get(0);
        assertThat(s.path("measure").asText()).isEqualTo("gaza-conflict-fatalities");
        assertThat(s.path("dataset").asText()).isEqualTo("acled-monthly-political-violence");
        assertThat(s.path("rows").asLong()).isEqualTo(620);   // the file's PS02 rows (python3 over the file), not its 1,984
        assertThat(s.path("datasetRows").asLong()).isEqualTo(1984);
        assertThat(s.path("state").asText()).isEqualTo("corroborated");
        assertThat(s.path("countedAs").asText()).isEqualTo("corroborated");
        assertThat(s.path("lastPeriod").asText()).isEqualTo("2026-04");
        assertThat(s.path("lastDay").asText()).isEqualTo("2026-04-30");
        var f = api.as("ana", "POST", "/api/v1/forecasts", "{\"assumptions\":\"sceptic\",\"runs\":200,\"seed\":7,\"sensitivityRuns\":0,\"asOf\":\"2026-05-01\"}");
        assertThat(f.statusCode()).as(f.body()).isEqualTo(200);
        assertThat(Json.parse(f.body()).path("importedData")).isEqualTo(status.path("importedData"));
    }

    @Test
    void an_imported_row_is_served_with_its_values_provenance_and_proof_to_anyone() {
        var r = api.send("GET", "/api/v1/imports/acled-monthly-political-violence/row?id=PS0260:2026-04", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var n = Json.parse(r.body());
        assertThat(n.path("values").path("quantities").path("fatalities").asDouble()).isEqualTo(29.0);
        assertThat(n.path("values").path("pcode").asText()).isEqualTo("PS0260");
        var p = n.path("provenance");
        assertThat(p.path("row").asText()).isEqualTo("PS0260:2026-04");
        assertThat(p.path("licence").asText()).contains("ACLED");
        assertThat(p.path("attribution").asText()).contains("ACLED");
        assertThat(p.path("importedBy").asText()).isEqualTo("mona");
        assertThat(p.path("state").asText()).isEqualTo("corroborated");
        assertThat(n.path("proof").path("importSize").asLong()).isEqualTo(1984);
        var signed = Json.parse(n.path("proof").path("importEntry").path("entryBody").asText()).path("payload").path("root").asText();
        assertThat(n.path("proof").path("importRoot").asText()).isEqualTo(signed);
        var missing = api.send("GET", "/api/v1/imports/acled-monthly-political-violence/row?id=PS9999:2026-04", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no imported row 'PS9999:2026-04'");
        var noId = api.send("GET", "/api/v1/imports/acled-monthly-political-violence/row", null);
        assertThat(noId.statusCode()).isEqualTo(422);
        assertThat(noId.body()).contains("give the row's source id");
    }
}
