package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.store.Fixtures;

/** Real parallel HTTP requests: each action takes effect exactly once. */
class ConcurrencyTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        for (var u : List.of("mona", "mike", "nina", "omar")) api.token(u);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** Runs the calls at once (released together by a barrier) and returns their responses. */
    private static List<HttpResponse<String>> together(List<Callable<HttpResponse<String>>> calls) throws Exception {
        var barrier = new CyclicBarrier(calls.size());
        try (var pool = Executors.newFixedThreadPool(calls.size())) {
            var futures = new ArrayList<Future<HttpResponse<String>>>();
            for (var call : calls) futures.add(pool.submit(() -> {
                barrier.await();
                return call.call();
            }));
            var out = new ArrayList<HttpResponse<String>>();
            for (var f : futures) out.add(f.get());
            return out;
        }
    }

    private static long entriesFor(String id, String kind) {
        return api.store.ledger().lines(0, 100_000).stream().map(Json::parse)
                .filter(e -> e.path("kind").asText().equals(kind) && Json.parse(e.path("payload").asText()).path("id").asText().equals(id)).count();
    }

    @Test
    void two_monitors_attesting_one_record_at_once_both_count_once() throws Exception {
        for (int round = 0; round < 5; round++) {
            var id = "two-" + round;
            assertThat(api.as("mona", "POST", "/api/v1/records", Fixtures.incident(id, "")).statusCode()).isEqualTo(201);
            var rs = together(List.of(() -> api.as("nina", "POST", "/api/v1/records/" + id + "/attestations", null),
                    () -> api.as("omar", "POST", "/api/v1/records/" + id + "/attestations", null)));
            assertThat(rs).allMatch(r -> r.statusCode() == 201);
            assertThat(Json.parse(api.send("GET", "/api/v1/records/" + id, null).body()).path("state").asText()).isEqualTo("verified");
            assertThat(entriesFor(id, "record.attest")).isEqualTo(2);
        }
    }

    @Test
    void one_monitor_attesting_twice_at_once_counts_once() throws Exception {
        assertThat(api.as("mona", "POST", "/api/v1/records", Fixtures.incident("dup-att", "")).statusCode()).isEqualTo(201);
        var rs = together(List.of(() -> api.as("nina", "POST", "/api/v1/records/dup-att/attestations", null),
                () -> api.as("nina", "POST", "/api/v1/records/dup-att/attestations", null)));
        assertThat(rs.stream().map(HttpResponse::statusCode).sorted().toList()).containsExactly(201, 409);
        assertThat(entriesFor("dup-att", "record.attest")).isEqualTo(1);
    }

    @Test
    void one_record_sent_in_parallel_with_one_idempotency_key_is_stored_once_and_every_caller_gets_the_same_answer() throws Exception {
        var line = Fixtures.incident("idem-par", "");
        var calls = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < 6; i++) calls.add(() -> api.as("mike", "POST", "/api/v1/records", line, "Idempotency-Key", "par-1"));
        var rs = together(calls);
        assertThat(rs).allMatch(r -> r.statusCode() == 201);
        assertThat(rs.stream().map(HttpResponse::body).distinct()).hasSize(1);
        assertThat(entriesFor("idem-par", "record.add")).isEqualTo(1);
    }

    @Test
    void parallel_reports_committed_together_each_get_their_own_answer_and_a_bad_one_spoils_none() throws Exception {
        var calls = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < 10; i++) {
            var id = "grp-" + i;
            var user = i % 2 == 0 ? "mona" : "mike";
            calls.add(() -> api.as(user, "POST", "/api/v1/records", Fixtures.incident(id, "")));
        }
        calls.add(() -> api.as("mona", "POST", "/api/v1/records", Fixtures.incident("grp-0", "")));
        calls.add(() -> api.as("mike", "POST", "/api/v1/records", Fixtures.incident("grp-bad", ",\"quantities\":{\"killed\":-1}")));
        var rs = together(calls);
        var statuses = rs.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses.subList(0, 10)).allMatch(s -> s == 201 || s == 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(1);
        assertThat(statuses.get(11)).isEqualTo(422);
        for (int i = 0; i < 10; i++) assertThat(entriesFor("grp-" + i, "record.add")).isEqualTo(1);
        assertThat(entriesFor("grp-bad", "record.add")).isZero();
    }

    @Test
    void one_record_sent_in_parallel_without_a_key_is_stored_once_and_the_others_are_told_it_exists() throws Exception {
        var line = Fixtures.incident("race", "");
        var rs = together(List.of(() -> api.as("mona", "POST", "/api/v1/records", line), () -> api.as("mike", "POST", "/api/v1/records", line),
                () -> api.as("mona", "POST", "/api/v1/records", line)));
        assertThat(rs.stream().map(HttpResponse::statusCode).sorted().toList()).containsExactly(201, 409, 409);
        assertThat(entriesFor("race", "record.add")).isEqualTo(1);
    }
}
