package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The server's Caffeine caches: bounds hold (entries are evicted), and requests arriving together compute once. */
class CachesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void concurrent_first_requests_for_a_status_compute_it_once_and_all_get_its_answer() throws Exception {
        var calls = new AtomicInteger();
        var release = new CountDownLatch(1);
        var status = new PublicStatus(key -> {
            calls.incrementAndGet();
            await(release);
            return "{\"asOf\":\"" + key.asOf() + "\"}";
        });
        int n = 8;
        var arrived = new CountDownLatch(n);
        var answers = new ArrayList<CompletableFuture<String>>();
        try (var pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    var f = status.start(new PublicStatus.Key(7, T0));
                    arrived.countDown();
                    return PublicStatus.join(f);
                }, pool));
            }
            assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();   // all asked while the first computation was held
            release.countDown();
            for (var a : answers) assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo("{\"asOf\":\"" + T0 + "\"}");
        }
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void a_failed_status_computation_is_thrown_to_its_callers_and_not_kept() {
        var calls = new AtomicInteger();
        var status = new PublicStatus(key -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("store down");
            return "ok";
        });
        var key = new PublicStatus.Key(1, T0);
        var first = status.start(key);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> PublicStatus.join(first))).isInstanceOf(IllegalStateException.class)
                .hasMessage("store down");
        assertThat(PublicStatus.join(status.start(key))).isEqualTo("ok");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void the_status_cache_keeps_at_most_its_bound_and_evicts_the_rest() {
        var calls = new AtomicInteger();
        var status = new PublicStatus(key -> "answer " + calls.incrementAndGet());
        for (int i = 0; i < PublicStatus.KEEP * 3; i++) PublicStatus.join(status.start(new PublicStatus.Key(i, T0)));
        assertThat(calls.get()).isEqualTo(PublicStatus.KEEP * 3);
        assertThat(status.size()).isBetween(1L, (long) PublicStatus.KEEP);
    }

    @Test
    void second_after_second_each_status_is_computed_once_also_once_the_cache_is_full() {
        var calls = new AtomicInteger();
        var status = new PublicStatus(key -> "answer " + calls.incrementAndGet());
        int seconds = PublicStatus.KEEP * 5;
        for (int t = 0; t < seconds; t++) {
            for (int request = 0; request < 20; request++) {   // as StatusRoutes asks: this second's, and the next one started ahead
                var now = status.start(new PublicStatus.Key(1, T0.plusSeconds(t)));
                status.start(new PublicStatus.Key(1, T0.plusSeconds(t + 1)));
                PublicStatus.join(now);
            }
        }
        assertThat(calls.get()).isEqualTo(seconds + 1);
        assertThat(status.size()).isLessThanOrEqualTo(PublicStatus.KEEP);
    }

    @Test
    void an_answer_cache_is_bounded_by_the_characters_it_holds() {
        var answers = Caches.<Integer>answers(10_000);
        var big = "x".repeat(1_000);
        for (int i = 0; i < 100; i++) answers.put(i, big);
        answers.cleanUp();
        long held = answers.asMap().values().stream().mapToLong(String::length).sum();
        assertThat(held).isBetween(1_000L, 10_000L);
        assertThat(answers.estimatedSize()).isLessThan(100);
    }

    @Test
    void an_entry_cache_is_bounded_by_entries_and_computes_a_key_once() {
        var cache = Caches.<Integer, String>entries(16);
        var calls = new AtomicInteger();
        List.of(1, 1, 1).forEach(k -> cache.get(k, x -> "v" + calls.incrementAndGet()));
        assertThat(cache.getIfPresent(1)).isEqualTo("v1");
        for (int i = 0; i < 200; i++) cache.get(i, x -> "v");
        cache.cleanUp();
        assertThat(cache.estimatedSize()).isBetween(1L, 16L);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
