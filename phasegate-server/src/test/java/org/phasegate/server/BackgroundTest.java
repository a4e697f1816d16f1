package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The forecast page's background computations: once per key, progress while running, the result or the failure kept. */
class BackgroundTest {
    private static void awaitFinished(Background.Task t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!t.finished() && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(t.finished()).isTrue();
    }

    @Test
    void a_key_is_computed_once_and_reports_its_progress_until_done() throws Exception {
        var b = new Background();
        var release = new CountDownLatch(1);
        var calls = new AtomicInteger();
        var first = b.of("k", 10, progress -> {
            calls.incrementAndGet();
            progress.accept(4);
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "{\"state\":\"done\"}";
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (first.done.get() < 4 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(first.done.get()).isEqualTo(4);
        assertThat(first.finished()).isFalse();
        var again = b.of("k", 10, progress -> "never run");
        assertThat(again).isSameAs(first);
        release.countDown();
        awaitFinished(first);
        assertThat(first.result).isEqualTo("{\"state\":\"done\"}");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void a_failure_is_kept_with_its_message_and_not_run_again() throws Exception {
        var b = new Background();
        var calls = new AtomicInteger();
        var failing = b.of("bad", 1, progress -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("no durability model");
        });
        awaitFinished(failing);
        assertThat(failing.error).isEqualTo("no durability model");
        assertThat(failing.result).isNull();
        assertThat(b.of("bad", 1, progress -> "ok")).isSameAs(failing);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void only_the_last_keys_are_kept() throws Exception {
        var b = new Background();
        var oldest = b.of("key-0", 1, progress -> "0");
        awaitFinished(oldest);
        for (int i = 1; i <= Background.KEEP; i++) awaitFinished(b.of("key-" + i, 1, progress -> "x"));
        var recomputed = b.of("key-0", 1, progress -> "again");
        assertThat(recomputed).isNotSameAs(oldest);
        awaitFinished(recomputed);
        assertThat(recomputed.result).isEqualTo("again");
    }
}
