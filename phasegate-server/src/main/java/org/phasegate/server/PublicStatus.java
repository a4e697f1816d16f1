package org.phasegate.server;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The public view's status answers, kept by (last ledger entry, as-of instant): computed once per change of the ledger
 * and per second of "now", each on a virtual thread, requests arriving meanwhile waiting for that one computation. A
 * request may also start the next second's computation without waiting for it, so the requests
 * of a new second find it ready. A failed computation is not kept: the next request tries again.
 */
final class PublicStatus {
    static final int KEEP = 64;
    private static final Executor VIRTUAL = r -> Thread.ofVirtual().start(r);
    private final Cache<Key, CompletableFuture<String>> answers = Caches.entries(KEEP);
    private final Function<Key, String> compute;

    record Key(long ledgerSeq, Instant asOf) {
    }

    PublicStatus(Function<Key, String> compute) {
        this.compute = compute;
    }

    /**
     * The answer of this key: already known, being computed (once, whoever else asks meanwhile), or started now. A
     * failed computation is dropped when it fails, so the next request starts it again.
     */
    CompletableFuture<String> start(Key key) {
        var started = new AtomicBoolean();
        var f = answers.get(key, k -> {
            started.set(true);
            return CompletableFuture.supplyAsync(() -> compute.apply(k), VIRTUAL);
        });
        if (!started.get() && f.isCompletedExceptionally()) {   // failed before its callback below dropped it
            answers.asMap().remove(key, f);
            return start(key);
        }
        if (started.get()) {
            var mine = f;
            f.whenComplete((answer, failure) -> {
                if (failure != null) answers.asMap().remove(key, mine);
            });
        }
        return f;
    }

    /** Waits for an answer; a computation's failure is thrown as it was thrown. */
    static String join(CompletableFuture<String> answer) {
        try {
            return answer.join();
        } catch (CompletionException x) {
            if (x.getCause() instanceof RuntimeException r) throw r;
            throw x;
        }
    }

    long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }
}
