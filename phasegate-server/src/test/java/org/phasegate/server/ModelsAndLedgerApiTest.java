package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.bargain.IssueFiles;
import org.phasegate.bargain.ResultFormats;
import org.phasegate.bargain.Smp;
import org.phasegate.gate.GateEngine;
import org.phasegate.gate.StatusJson;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.store.Fixtures;
import org.phasegate.store.tree.Rfc9162;

/** Status, gates and why-not; forecasts (cached, jobs); bargaining; the ledger's head, proofs and verify; OpenAPI. */
class ModelsAndLedgerApiTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        for (int i = 0; i < 3; i++) assertThat(api.as("mona", "POST", "/api/v1/records", Fixtures.incident("m-" + i, "")).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void status_is_the_gate_engines_status_of_the_public_verified_records() throws Exception {
        var r = api.send("GET", "/api/v1/scenarios/gaza-2025/status?asOf=2026-01-15", null);
        assertThat(r.statusCode()).isEqualTo(200);
        var s = new ScenarioLoader().load(ApiFixture.SCENARIO);
        var expected = StatusJson.render(new GateEngine(s).status(api.store.records().verified(java.util.Optional.empty()),
                java.time.Instant.parse("2026-01-15T00:00:00Z")));
        assertThat(Json.parse(r.body())).isEqualTo(Json.parse(expected));
        var gates = Json.parse(api.send("GET", "/api/v1/scenarios/gaza-2025/gates?asOf=2026-01-15", null).body()).path("gates");
        assertThat(gates).isEqualTo(Json.parse(expected).path("gates"));
        var first = gates.get(0).path("id").asText();
        var why = Json.parse(api.send("GET", "/api/v1/scenarios/gaza-2025/gates/" + first + "/why-not?asOf=2026-01-15", null).body());
        assertThat(why.path("why")).isEqualTo(gates.get(0).path("why"));
    }

    @Test
    void a_small_forecast_answers_at_once_and_the_same_inputs_come_from_the_cache() {
        var body = "{\"assumptions\":\"sceptic\",\"runs\":200,\"seed\":7,\"sensitivityRuns\":0,\"asOf\":\"2026-01-15\"}";
        var first = api.as("ana", "POST", "/api/v1/forecasts", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        var n = Json.parse(first.body());
        assertThat(n.path("runs").asInt()).isEqualTo(200);
        assertThat(n.path("seed").asLong()).isEqualTo(7);
        var again = api.as("ana", "POST", "/api/v1/forecasts", body);
        assertThat(again.headers().firstValue("X-Phasegate-Cache")).contains("hit");
        assertThat(again.body()).isEqualTo(first.body());
        var other = api.as("ana", "POST", "/api/v1/forecasts", body.replace("\"seed\":7", "\"seed\":8"));
        assertThat(other.headers().firstValue("X-Phasegate-Cache")).isEmpty();
        var bad = api.as("ana", "POST", "/api/v1/forecasts", body.replace("\"runs\":200", "\"runs\":200,\"set\":{\"no-such-assumption\":1}"));
        assertThat(bad.statusCode()).isEqualTo(422);
    }

    @Test
    void a_long_forecast_is_a_job_with_progress_and_its_result() throws Exception {
        var r = api.as("bea", "POST", "/api/v1/forecasts", "{\"assumptions\":\"leverage\",\"runs\":" + (ModelRoutes.SYNC_WORK + 1)
                + ",\"seed\":3,\"sensitivityRuns\":0,\"horizonDays\":200,\"asOf\":\"2026-01-15\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        var url = r.headers().firstValue("Location").orElseThrow();
        assertThat(api.as("ana", "GET", url, null).statusCode()).isEqualTo(404);   // another's job
        com.fasterxml.jackson.databind.JsonNode job;
        long deadline = System.nanoTime() + 120_000_000_000L;
        do {
            Thread.sleep(200);
            job = Json.parse(api.as("bea", "GET", url, null).body());
        } while (job.path("state").asText().equals("running") && System.nanoTime() < deadline);
        assertThat(job.path("state").asText()).isEqualTo("done");
        assertThat(job.path("done").asLong()).isEqualTo(job.path("total").asLong());
        assertThat(job.path("result").path("runs").asLong()).isEqualTo(ModelRoutes.SYNC_WORK + 1);
    }

    @Test
    void bargaining_over_http_gives_what_the_cli_gives() throws Exception {
        var file = Path.of("../scenarios/gaza-2025-issues.yaml");
        var r = api.as("ana", "POST", "/api/v1/bargaining", Files.readString(file));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Json.parse(r.body())).isEqualTo(Json.parse(ResultFormats.json(Smp.run(IssueFiles.read(file)))));
        var bad = api.as("ana", "POST", "/api/v1/bargaining", "issue:\n  name: x\n");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("request body:");
    }

    @Test
    void the_head_and_proofs_check_by_rfc_9162() {
        var head = Json.parse(api.send("GET", "/api/v1/ledger/head", null).body());
        long size = head.path("treeSize").asLong();
        assertThat(size).isEqualTo(api.store.ledger().lastSeq());
        var c = Json.parse(api.send("GET", "/api/v1/ledger/proofs/consistency?from=3&to=" + size, null).body());
        var proof = new java.util.ArrayList<byte[]>();
        c.path("proof").forEach(p -> proof.add(java.util.Base64.getDecoder().decode(p.asText())));
        byte[] fromRoot = java.util.Base64.getDecoder().decode(c.path("fromRoot").asText());
        byte[] toRoot = java.util.Base64.getDecoder().decode(c.path("toRoot").asText());
        assertThat(org.phasegate.store.crypto.Hashes.hex(toRoot)).isEqualTo(head.path("rootHash").asText());
        assertThat(Rfc9162.verifyConsistency(3, size, fromRoot, toRoot, proof)).isTrue();
        assertThat(api.send("GET", "/api/v1/ledger/proofs/consistency?from=3&to=" + (size + 1), null).statusCode()).isEqualTo(422);
        var verify = Json.parse(api.as("ana", "GET", "/api/v1/ledger/verify", null).body());
        assertThat(verify.path("ok").asBoolean()).isTrue();
        assertThat(verify.path("entries").asLong()).isEqualTo(size);
        var entries = Json.parse(api.as("mona", "GET", "/api/v1/ledger/entries?after=2&limit=3", null).body()).path("entries");
        assertThat(entries).extracting(e -> e.path("seq").asLong()).containsExactly(3L, 4L, 5L);
        assertThat(api.as("root", "GET", "/api/v1/ledger/export", null).body().lines().count()).isEqualTo(size);
    }

    @Test
    void the_openapi_description_has_exactly_the_registered_routes() {
        var doc = Json.parse(api.send("GET", "/api/v1/openapi.json", null).body());
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        var described = new HashSet<String>();
        doc.path("paths").properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> described.add(m.toUpperCase() + " " + p.getKey())));
        var registered = new HashSet<String>();
        api.server.registeredRoutes().forEach(r -> registered.add(r[0] + " " + r[1]));
        assertThat(described).isEqualTo(registered);
        var roles = doc.path("paths").path("/api/v1/users").path("post").path("x-roles");
        assertThat(roles).hasSize(1);
        assertThat(roles.get(0).asText()).isEqualTo("admin");
    }

    @Test
    void datasets_are_served_from_the_data_directory_as_published_and_missing_ones_name_their_source() throws Exception {
        var datasets = Datasets.locate(java.util.Optional.empty(), java.util.Map.of(), Path.of(".."));
        try (var server = Server.start(api.store, ScenarioSet.load(java.util.List.of(ApiFixture.SCENARIO)), datasets,
                ServerConfig.of(0, "127.0.0.1", true), Fixtures.CLOCK)) {
            var http = java.net.http.HttpClient.newHttpClient();
            var base = "http://127.0.0.1:" + server.port() + "/api/v1/datasets";
            var list = Json.parse(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body()).path("datasets");
            assertThat(list).hasSize(Datasets.KNOWN.size());
            for (var d : Datasets.KNOWN) {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/" + d.id())).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                var file = datasets.file(d);
                if (file.isPresent()) {
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.body()).isEqualTo(Files.readAllBytes(file.get()));
                } else {
                    assertThat(r.statusCode()).isEqualTo(404);
                    assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(d.source().substring(0, 10));
                }
            }
        }
    }

    @Test
    void an_admin_adds_a_user_and_an_organisation_and_the_new_user_can_sign_in() {
        assertThat(api.as("root", "POST", "/api/v1/organisations", "{\"name\":\"OCHA\"}").statusCode()).isEqualTo(201);
        var add = api.as("root", "POST", "/api/v1/users", "{\"name\":\"olga\",\"role\":\"viewer\",\"org\":\"OCHA\",\"password\":\"olga: a long passphrase\"}");
        assertThat(add.statusCode()).as(add.body()).isEqualTo(201);
        var in = api.send("POST", "/api/v1/session", "{\"name\":\"olga\",\"password\":\"olga: a long passphrase\"}");
        assertThat(in.body()).contains("\"role\":\"viewer\"");
        assertThat(Set.of(Json.parse(api.as("root", "GET", "/api/v1/users", null).body()).path("users").toString())).allMatch(u -> u.contains("olga"));
    }

    @Test
    void an_admin_route_refuses_a_bad_value_with_422_naming_the_field_and_the_rule_and_a_taken_name_with_409() {
        String[][] cases = {
                {"/api/v1/users", "{\"name\":\"pat\",\"role\":\"viewer\",\"org\":\"UNOPS\",\"password\":\"short pw\"}", "password", "at least 12"},
                {"/api/v1/users", "{\"name\":\"pat\",\"role\":\"viewer\",\"org\":\"UNOPS\",\"password\":\"" + "p".repeat(1100) + "\"}",
                        "password", "at most 1024"},
                {"/api/v1/users", "{\"name\":\"pat smith\",\"role\":\"viewer\",\"org\":\"UNOPS\",\"password\":\"a long enough passphrase\"}", "name", "not allowed"},
                {"/api/v1/users", "{\"name\":\"pat\",\"role\":\"viewer\",\"org\":\"Nowhere Org\",\"password\":\"a long enough passphrase\"}", "org",
                        "not a registered organisation"},
                {"/api/v1/users", "{\"name\":\"pat\",\"role\":\"king\",\"org\":\"UNOPS\",\"password\":\"a long enough passphrase\"}", "role", "give one of"},
                {"/api/v1/organisations", "{\"name\":\"Bad\\u0007Org\"}", "name", "control"},
                {"/api/v1/tokens", "{\"label\":\"bell\\u0007\",\"password\":\"" + Fixtures.PASSWORD + "\"}", "label", "control"},
                {"/api/v1/users/mike/deactivation", "{\"reason\":\"bell\\u0007\"}", "reason", "control"}};
        for (var c : cases) {
            var r = api.as("root", "POST", c[0], c[1]);
            assertThat(r.statusCode()).as(c[0] + " " + c[1] + ": " + r.body()).isEqualTo(422);
            var problem = Json.parse(r.body());
            assertThat(problem.path("field").asText()).as(r.body()).isEqualTo(c[2]);
            assertThat(problem.path("detail").asText()).as(r.body()).contains(c[3]);
            if (c[2].equals("password")) assertThat(r.body()).doesNotContain("short pw").doesNotContain("ppppp");
        }
        assertThat(Json.parse(api.as("root", "GET", "/api/v1/users", null).body()).path("users").toString()).doesNotContain("\"pat");
        var taken = api.as("root", "POST", "/api/v1/users", "{\"name\":\"mona\",\"role\":\"viewer\",\"org\":\"UNOPS\",\"password\":\"a long enough passphrase\"}");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        assertThat(api.as("root", "POST", "/api/v1/organisations", "{\"name\":\"unops\"}").statusCode()).isEqualTo(409);
        assertThat(api.as("root", "POST", "/api/v1/users/nobody/deactivation", "{\"reason\":\"left\"}").statusCode()).isEqualTo(404);
    }
}
