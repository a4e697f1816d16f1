package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.phasegate.importing.ImportKind;
import org.phasegate.importing.Importers;
import org.phasegate.importing.Provenance;
import org.phasegate.scenario.ImportPolicy;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.imports.ImportRequest;

/**
 * Audit finding 16: places imported with {@code import geojson} are served as a map layer, {@code GET /geo/imported},
 * over real HTTP on a real embedded store with the real OCHA and IDF-zone files imported (and the casualty series,
 * whose rows are not places). Expected geometries, names, counts and SHA-256 come from the files, read here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportedPlacesApiTest {
    static final Path GEO = MapApiTest.DATA.resolve("geo");
    static final String LICENCE = "CC BY-IGO";
    static final String ATTRIBUTION = "OCHA common operational datasets, as the test gives it";
    static Store store;
    static Server server;

    @BeforeAll
    static void start() throws IOException {
        store = Fixtures.storeWithCast();
        load(GEO.resolve("ocha-admin2.geojson"), ImportKind.GEOJSON, Provenance.of(null, LICENCE, ATTRIBUTION));
        load(GEO.resolve("idf-zone-2025-10-19.geojson"), ImportKind.GEOJSON, Provenance.NONE);
        load(MapApiTest.DATA.resolve("events/gaza-casualties-daily.json"), ImportKind.CASUALTIES, Provenance.NONE);
        server = Server.start(store, ScenarioSet.load(List.of(ApiFixture.SCENARIO)), new Datasets(Optional.of(MapApiTest.DATA)),
                ServerConfig.of(0, "127.0.0.1", true), Fixtures.CLOCK);
    }

    static void load(Path file, ImportKind kind, Provenance given) throws IOException {
        var rule = new ImportPolicy.Rule(ImportPolicy.State.REPORTED, ImportPolicy.Origin.EXTERNAL);
        var request = new ImportRequest(kind, file.toString(), sha256(file), rule, false, false);
        store.importer().run(Fixtures.as(store, "mona"), given.over(Importers.reader(kind, file, Optional.empty())), () -> Files.newInputStream(file), request);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String path) {
        var r = MapApiTest.get(server, path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    static JsonNode features(String file) throws IOException {
        return Json.MAPPER.readTree(GEO.resolve(file).toFile()).path("features");
    }

    @Test
    @Order(1)
    void every_imported_place_is_served_with_the_files_geometry_and_its_imports_provenance() throws IOException {
        var ocha = features("ocha-admin2.geojson");
        var zone = features("idf-zone-2025-10-19.geojson");
        var got = json("/geo/imported");
        assertThat(got.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(got.path("features")).as("every feature of both files, none of the casualty rows").hasSize(ocha.size() + zone.size());

        var byPcode = new HashMap<String, JsonNode>();
        for (var f : ocha) byPcode.put(f.path("properties").path("adm2_pcode").asText(), f);
        int zones = 0;
        for (var f : got.path("features")) {
            var p = f.path("properties");
            if (p.path("dataset").asText().equals("geojson-ocha-admin2")) {
                var original = byPcode.get(p.path("pcode").asText());
                assertThat(original).as(p.toString()).isNotNull();
                assertThat(f.path("geometry")).isEqualTo(original.path("geometry"));
                assertThat(p.path("name").asText()).isEqualTo(original.path("properties").path("adm2_name").asText());
                assertThat(p.path("licence").asText()).isEqualTo(LICENCE);
                assertThat(p.path("attribution").asText()).isEqualTo(ATTRIBUTION);
                assertThat(p.path("state").asText()).isEqualTo("reported");
            } else {
                assertThat(p.path("dataset").asText()).isEqualTo("geojson-idf-zone-2025-10-19");
                assertThat(f.path("geometry")).isEqualTo(zone.get(zones++).path("geometry"));
                assertThat(p.path("licence").asText()).isNotEqualTo(LICENCE);
            }
        }
        assertThat(zones).isEqualTo(zone.size());

        var datasets = new HashMap<String, JsonNode>();
        for (var d : got.path("datasets")) datasets.put(d.path("dataset").asText(), d);
        assertThat(datasets.keySet()).containsExactlyInAnyOrder("geojson-ocha-admin2", "geojson-idf-zone-2025-10-19");
        var admin2 = datasets.get("geojson-ocha-admin2");
        assertThat(admin2.path("places").asInt()).isEqualTo(ocha.size());
        assertThat(admin2.path("imports")).hasSize(1);
        assertThat(admin2.path("imports").get(0).path("fileSha256").asText()).isEqualTo(sha256(GEO.resolve("ocha-admin2.geojson")));
        assertThat(admin2.path("imports").get(0).path("importedBy").asText()).isEqualTo("mona");
        assertThat(admin2.path("imports").get(0).path("licence").asText()).isEqualTo(LICENCE);
    }

    @Test
    @Order(2)
    void each_place_links_to_its_row_with_the_inclusion_proof() {
        var f = json("/geo/imported?dataset=geojson-ocha-admin2").path("features").get(0);
        var row = json(f.path("properties").path("row").asText().substring("/api/v1".length()));
        assertThat(row.path("sourceId").asText()).isEqualTo(f.path("properties").path("sourceId").asText());
        assertThat(row.path("importId").asLong()).isEqualTo(f.path("properties").path("importId").asLong());
        assertThat(row.path("proof").isObject()).isTrue();
    }

    @Test
    @Order(3)
    void one_dataset_is_chosen_by_name_and_one_without_places_is_a_404_naming_those_with_some() {
        var zone = json("/geo/imported?dataset=geojson-idf-zone-2025-10-19");
        var names = new TreeSet<String>();
        zone.path("features").forEach(f -> names.add(f.path("properties").path("dataset").asText()));
        assertThat(names).containsExactly("geojson-idf-zone-2025-10-19");
        var casualties = MapApiTest.get(server, "/geo/imported?dataset=gaza-casualties-daily");
        assertThat(casualties.statusCode()).isEqualTo(404);
        assertThat(casualties.body()).contains("no imported places in dataset 'gaza-casualties-daily'", "geojson-ocha-admin2", "geojson-idf-zone-2025-10-19",
                "phasegate import geojson");
    }

    @Test
    @Order(4)
    void a_file_imported_while_the_server_runs_is_on_the_layer_at_once() throws IOException {
        int before = json("/geo/imported").path("features").size();
        load(GEO.resolve("ocha-admin1.geojson"), ImportKind.GEOJSON, Provenance.NONE);
        var after = json("/geo/imported");
        assertThat(after.path("features")).hasSize(before + features("ocha-admin1.geojson").size());
        assertThat(after.path("datasets")).anyMatch(d -> d.path("dataset").asText().equals("geojson-ocha-admin1"));
    }

    /** A server on a store whose place was altered (its hash recomputed) refuses to start, as for any served table: no geometry is served. */
    @Test
    @Order(5)
    void a_store_with_an_altered_place_is_refused() throws SQLException {
        var altered = "UPDATE import_row SET content = replace(content, '34.', '35.') WHERE dataset = 'geojson-idf-zone-2025-10-19'";
        var rehash = "UPDATE import_row SET content_hash = sha256(convert_to(dataset, 'UTF8') || '\\x00'::bytea || convert_to(source_id, 'UTF8') || '\\x00'::bytea"
                + " || convert_to(content, 'UTF8')) WHERE dataset = 'geojson-idf-zone-2025-10-19'";
        owner(altered, rehash);
        try {
            var fresh = new Store(store.database(), Fixtures.KEY, Fixtures.CLOCK, Fixtures.RULE, 64);   // not closed: it shares the database
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Server.start(fresh, ScenarioSet.load(List.of(ApiFixture.SCENARIO)),
                            new Datasets(Optional.of(MapApiTest.DATA)), ServerConfig.of(0, "127.0.0.1", true), Fixtures.CLOCK).close())
                    .isInstanceOf(org.phasegate.store.StoreTampered.class).hasMessageContaining("table import_row, import ")
                    .hasMessageContaining("imported rows cannot be rebuilt from the ledger");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> fresh.importedPlaces(Optional.empty()))
                    .isInstanceOf(org.phasegate.store.StoreTampered.class).hasMessageContaining("table import_row, import ");
        } finally {
            owner("UPDATE import_row SET content = replace(content, '35.', '34.') WHERE dataset = 'geojson-idf-zone-2025-10-19'", rehash);
        }
        assertThat(store.audit().ok()).isTrue();
    }

    private static void owner(String... sql) throws SQLException {
        try (var c = store.database().ownerConnection(); var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            for (var s : sql) assertThat(st.executeUpdate(s)).as(s).isPositive();
        }
    }
}
