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
 * The API's status over a store with the real ACLED political-violence file imported carries the Gaza scenario's
 * context series beside its existing fields. Expected: 553 fatalities in the Gaza Strip's rows for 2026-01 to 2026-04
 * (20 rows, the months that ended in the 90 days to 2026-05-01; Deir El Balah 121, Gaza City 173, Khan Yunis 139,
 * North Gaza 76, Rafah 44), computed apart with python3 over the file.
 */
class ContextApiTest {
    static final Path ACLED = Path.of("../../shared/data/events/acled-monthly-political-violence.json").toAbsolutePath().normalize();
    static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(ACLED)));
        var rule = new ImportPolicy.Rule(ImportPolicy.State.CORROBORATED, ImportPolicy.Origin.EXTERNAL);
        api.store.importer().run(Fixtures.as(api.store, "mona"), Importers.reader(ImportKind.ACLED, ACLED, Optional.empty()),
                () -> Files.newInputStream(ACLED), new ImportRequest(ImportKind.ACLED, ACLED.toString(), sha, rule, false, false));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void the_status_carries_the_context_beside_its_fields() {
        var status = Json.parse(api.send("GET", "/api/v1/scenarios/gaza-2025/status?asOf=2026-05-01", null).body());
        assertThat(status.has("importedData") && status.has("phases") && status.has("gates") && status.has("obligations") && status.has("parties")).isTrue();
        var c = status.path("context").get(0);
        assertThat(c.path("id").asText()).isEqualTo("gaza-conflict-fatalities-90d");
        assertThat(c.path("total").asDouble()).isEqualTo(553.0);
        assertThat(c.path("rows").asInt()).isEqualTo(20);
        assertThat(c.path("firstPeriod").asText()).isEqualTo("2026-01");
        assertThat(c.path("dataUpTo").asText()).isEqualTo("2026-04");
        assertThat(c.path("uncoveredDays").asInt()).isZero();
        assertThat(c.path("text").asText()).isEqualTo("conflict fatalities in Gaza (ACLED, all actors): 553 persons in 2026-01 to 2026-04"
                + " (20 rows: the periods that ended in the 90 days to 2026-05-01); data up to 2026-04;"
                + " by admin2: Deir El Balah 121, Gaza City 173, Khan Yunis 139, North Gaza 76, Rafah 44");
    }
}
