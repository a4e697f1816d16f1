package org.phasegate.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The server's caches, all Caffeine, each bounded: by entries where the values are small or few, by characters where
 * they are JSON answers of any size. Callers fill them with {@code get(key, loader)}, so requests that arrive together
 * for a missing key wait for one computation (single flight). Eviction and its bookkeeping run on the calling thread,
 * not on a shared pool, so a bound holds as soon as a call returns.
 */
final class Caches {
    /** The characters all of one cache's JSON answers may hold: 32 MiB of heap for ASCII text (one byte a character). */
    static final long ANSWER_CHARS = 32L * 1024 * 1024;

    private Caches() {
    }

    static <K, V> Cache<K, V> entries(long max) {
        return Caffeine.newBuilder().maximumSize(max).executor(Runnable::run).build();
    }

    /** Answers (JSON text) weighed by their length, at most {@code maxChars} in all. */
    static <K> Cache<K, String> answers(long maxChars) {
        return Caffeine.newBuilder().maximumWeight(maxChars).executor(Runnable::run).<K, String>weigher((k, v) -> v.length()).build();
    }
}
