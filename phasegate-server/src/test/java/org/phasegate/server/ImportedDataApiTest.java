package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
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
 * The API over a store with the real ACLED political-violence file imported (corroborated): status and forecasts
 * name the data's last date, and an imported row is served with its values, provenance and inclusion proof.
 */
class ImportedDataApiTest {
    static final Path ACLED = Path.of("../../shared/data/events/acled-monthly-political-violence.json").toAbsolutePath().normalize();
    static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(ACLED)));
        var rule = new ImportPolicy.Rule(ImportPolicy.State.CORROBORATED, ImportPolicy.Origin.EXTERNAL);
        var o = api.store.importer().run(Fixtures.as(api.store, "mona"), Importers.reader(ImportKind.ACLED, ACLED, Optional.empty()),
                () -> Files.newInputStream(ACLED), new ImportRequest(ImportKind.ACLED, ACLED.toString(), sha, rule, false, false));
        assertThat(o.added()).isEqualTo(1984);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void status_and_forecasts_name_the_imported_data_and_its_last_date() {
        var status = Json.parse(api.send("GET", "/api/v1/scenarios/gaza-2025/status?asOf=2026-05-01", null).body());
        var s = status.path("importedData").get(0);
        assertThat(s.path("measure").asText()).isEqualTo("gaza-conflict-fatalities");
        assertThat(s.path("dataset").asText()).isEqualTo("acled-monthly-political-violence");
        assertThat(s.path("rows").asLong()).isEqualTo(1984);
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
