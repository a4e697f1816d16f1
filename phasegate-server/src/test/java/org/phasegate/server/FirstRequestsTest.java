package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP: requests that arrive together for an answer nobody has asked for yet (a status, a small forecast, a
 * token not yet opened) get one computation between them, counted by the server ({@link Computations}).
 */
class FirstRequestsTest {
    static final int N = 8;
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** Sends N requests at once (released together) and returns their answers. */
    static List<HttpResponse<String>> together(Supplier<HttpResponse<String>> request) throws Exception {
        var go = new CountDownLatch(1);
        var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        try (var pool = Executors.newFixedThreadPool(N)) {
            for (int i = 0; i < N; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return request.get();
                }, pool));
            }
            go.countDown();
            var out = new ArrayList<HttpResponse<String>>();
            for (var a : answers) out.add(a.get(120, TimeUnit.SECONDS));
            return out;
        }
    }

    @Test
    void concurrent_first_requests_with_one_token_open_it_once() throws Exception {
        var token = api.token("bea");
        long before = api.server.computations().tokenOpenings.sum();
        var answers = together(() -> api.send("GET", "/api/v1/session", null, "Authorization", "Bearer " + token));
        for (var r : answers) assertThat(Json.parse(r.body()).path("user").asText()).as(r.body()).isEqualTo("bea");
        assertThat(api.server.computations().tokenOpenings.sum() - before).isEqualTo(1);
    }

    @Test
    void concurrent_first_requests_for_a_status_compute_it_once() throws Exception {
        long before = api.server.computations().publicStatuses.sum();
        var answers = together(() -> api.send("GET", "/api/v1/scenarios/gaza-2025/status?asOf=2026-01-12", null));
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
        assertThat(api.server.computations().publicStatuses.sum() - before).isEqualTo(1);
    }

    @Test
    void concurrent_first_requests_for_a_small_forecast_run_it_once() throws Exception {
        var body = "{\"assumptions\":\"leverage\",\"runs\":300,\"seed\":11,\"sensitivityRuns\":0,\"asOf\":\"2026-01-15\"}";
        api.token("ana");
        long before = api.server.computations().forecasts.sum();
        var answers = together(() -> api.as("ana", "POST", "/api/v1/forecasts", body));
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
        assertThat(api.server.computations().forecasts.sum() - before).isEqualTo(1);
    }
}
