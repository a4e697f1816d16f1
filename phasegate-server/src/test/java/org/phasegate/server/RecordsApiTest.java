package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.store.Fixtures;

/** Records over HTTP: report, idempotent retry, the workflow, filters, cursor pages, views by role, exports. */
class RecordsApiTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        for (int i = 0; i < 5; i++) report("mona", Fixtures.incident("p-" + i, ""), 201);
        report("mona", Fixtures.incident("r-1", ",\"confidentiality\":\"restricted\"").replace("PS0260", "PS0510")
                .replace("[34.45,31.5]", "[34.25,31.3]").replace("2026-01-05", "2026-01-07"), 201);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String report(String user, String record, int expected) {
        var r = api.as(user, "POST", "/api/v1/records", record);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        return r.body();
    }

    @Test
    void a_retry_with_the_same_idempotency_key_gets_the_first_answer_and_adds_nothing() {
        var line = Fixtures.incident("idem-1", "");
        var first = api.as("mona", "POST", "/api/v1/records", line, "Idempotency-Key", "k-1");
        var again = api.as("mona", "POST", "/api/v1/records", line, "Idempotency-Key", "k-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replay")).contains("true");
        var other = api.as("mona", "POST", "/api/v1/records", Fixtures.incident("idem-2", ""), "Idempotency-Key", "k-1");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("different request");
        var noKey = api.as("mona", "POST", "/api/v1/records", line);
        assertThat(noKey.statusCode()).isEqualTo(409);
        assertThat(noKey.body()).contains("already exists");
    }

    @Test
    void two_attestations_verify_a_record_and_show_gives_its_steps_and_inclusion_proof() {
        report("mona", Fixtures.incident("v-1", ""), 201);
        assertThat(api.as("mona", "POST", "/api/v1/records/v-1/attestations", null).statusCode()).isEqualTo(409);   // not their own
        assertThat(api.as("nina", "POST", "/api/v1/records/v-1/attestations", null).body()).contains("corroborated");
        assertThat(api.as("omar", "POST", "/api/v1/records/v-1/attestations", null).body()).contains("verified");
        var show = Json.parse(api.send("GET", "/api/v1/records/v-1", null).body());
        assertThat(show.path("state").asText()).isEqualTo("verified");
        assertThat(show.path("steps")).hasSize(2);
        var proof = show.path("inclusionProof");
        assertThat(proof.path("recordId").asText()).isEqualTo("v-1");
        assertThat(proof.path("treeSize").asLong()).isGreaterThan(proof.path("leafIndex").asLong());
        assertThat(proof.path("inclusionPath").size()).isGreaterThan(0);
    }

    @Test
    void a_dispute_is_adjudicated_by_the_board_and_a_correction_supersedes() {
        report("mona", Fixtures.incident("d-1", ""), 201);
        assertThat(api.as("nina", "POST", "/api/v1/records/d-1/disputes", "{\"reason\":\"wrong place\"}").body()).contains("disputed");
        var bad = api.as("bea", "POST", "/api/v1/records/d-1/adjudications", "{\"outcome\":\"maybe\",\"reason\":\"x\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"outcome\"", "'maybe'");
        assertThat(api.as("bea", "POST", "/api/v1/records/d-1/adjudications", "{\"outcome\":\"upheld\",\"reason\":\"checked\"}").statusCode()).isEqualTo(201);
        var fix = api.as("mona", "POST", "/api/v1/records/d-1/corrections", Fixtures.incident("d-1b", ""));
        assertThat(fix.statusCode()).as(fix.body()).isEqualTo(201);
        var shown = Json.parse(api.send("GET", "/api/v1/records/d-1b", null).body());
        assertThat(shown.path("supersedes").asText()).isEqualTo("d-1");
    }

    @Test
    void the_public_does_not_see_restricted_records_and_a_monitor_sees_them_audited() {
        var pub = api.send("GET", "/api/v1/records?limit=1000", null).body();
        assertThat(pub).doesNotContain("\"r-1\"");
        assertThat(api.send("GET", "/api/v1/records/r-1", null).statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/ledger/proofs/inclusion/r-1", null).statusCode()).isEqualTo(404);
        long before = api.store.accessLog().list(0, 100_000).size();
        var monitor = api.as("nina", "GET", "/api/v1/records?limit=1000", null).body();
        assertThat(monitor).contains("\"r-1\"");
        assertThat(api.store.accessLog().list(0, 100_000)).hasSizeGreaterThan((int) before);
        for (var format : java.util.List.of("csv", "geojson", "jsonl")) {
            var path = "/api/v1/exports/records/" + format + "?pcode=PS05";
            assertThat(api.send("GET", path, null).body()).as(format).doesNotContain("r-1");
            assertThat(api.as("vic", "GET", path, null).body()).as(format).doesNotContain("r-1");
            assertThat(api.as("nina", "GET", path, null).body()).as(format).contains("r-1");
        }
    }

    @Test
    void filters_select_by_place_time_and_state() {
        var byPcode = Json.parse(api.as("nina", "GET", "/api/v1/records?pcode=PS05&limit=1000", null).body()).path("items");
        assertThat(byPcode).hasSize(1);
        assertThat(byPcode.get(0).path("id").asText()).isEqualTo("r-1");
        var byBox = Json.parse(api.as("nina", "GET", "/api/v1/records?bbox=34.2,31.2,34.3,31.4", null).body()).path("items");
        assertThat(byBox).extracting(n -> n.path("id").asText()).containsExactly("r-1");
        var byTime = Json.parse(api.as("nina", "GET", "/api/v1/records?from=2026-01-06&to=2026-01-08", null).body()).path("items");
        assertThat(byTime).extracting(n -> n.path("id").asText()).containsExactly("r-1");
        var reported = Json.parse(api.send("GET", "/api/v1/records?state=reported&type=incident&party=hamas&limit=1000", null).body()).path("items");
        for (var n : reported) assertThat(n.path("state").asText()).isEqualTo("reported");
        assertThat(reported.size()).isGreaterThanOrEqualTo(5);
        var badDate = api.send("GET", "/api/v1/records?from=yesterday", null);
        assertThat(badDate.statusCode()).isEqualTo(422);
        assertThat(badDate.body()).contains("\"field\":\"from\"", "'yesterday'", "2026-01-15");
    }

    @Test
    void cursor_pages_cover_the_listing_once_each() {
        var all = Json.parse(api.send("GET", "/api/v1/records?limit=1000", null).body()).path("items");
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = Json.parse(api.send("GET", "/api/v1/records?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), null).body());
            page.path("items").forEach(n -> seen.add(n.path("id").asText()));
            cursor = page.path("next").isNull() ? null : page.path("next").asText();
        } while (cursor != null);
        var expected = new ArrayList<String>();
        all.forEach(n -> expected.add(n.path("id").asText()));
        assertThat(seen).isEqualTo(expected);
        assertThat(seen.size()).isGreaterThan(2);
    }

    @Test
    void exports_give_the_same_records_as_the_listing_in_three_formats() {
        var ids = new ArrayList<String>();
        Json.parse(api.send("GET", "/api/v1/records?pcode=PS02&limit=1000", null).body()).path("items").forEach(n -> ids.add(n.path("id").asText()));
        var csv = api.send("GET", "/api/v1/exports/records/csv?pcode=PS02", null);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        var lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("id,type,time");
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList()).isEqualTo(ids);
        assertThat(lines.get(1)).contains("PS0260,34.45,31.5");
        var geo = Json.parse(api.send("GET", "/api/v1/exports/records/geojson?pcode=PS02", null).body());
        assertThat(geo.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(geo.path("features")).hasSize(ids.size());
        assertThat(geo.path("features").get(0).path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(34.45);
        var jsonl = api.send("GET", "/api/v1/exports/records/jsonl?pcode=PS02", null).body().lines().toList();
        assertThat(jsonl.stream().map(l -> Json.parse(l).path("id").asText()).toList()).isEqualTo(ids);
        assertThat(api.send("GET", "/api/v1/exports/records/xml", null).statusCode()).isEqualTo(422);
        assertThat(api.send("GET", "/api/v1/exports/records/csv", null).body()).doesNotContain("r-1");
    }
}
