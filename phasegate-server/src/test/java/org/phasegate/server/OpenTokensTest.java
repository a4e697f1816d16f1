package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.users.Tokens;

/** API tokens opened once (one Argon2id derivation) for requests that arrive together, and dropped at once on revocation. */
class OpenTokensTest {
    static Store store;

    @BeforeAll
    static void start() {
        store = Fixtures.storeWithCast();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void concurrent_first_uses_of_a_token_open_it_once() throws Exception {
        var secret = store.tokens().create("mona", Fixtures.PASSWORD, "t", Set.of("read"), Duration.ofDays(1)).secret();
        var openings = new AtomicInteger();
        var release = new CountDownLatch(1);
        var tokens = new OpenTokens(Fixtures.CLOCK, presented -> {
            openings.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return store.tokens().open(presented);
        });
        int n = 6;
        var asked = new CountDownLatch(n);
        var found = new ArrayList<CompletableFuture<Optional<Tokens.Unlocked>>>();
        try (var pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                found.add(CompletableFuture.supplyAsync(() -> {
                    asked.countDown();
                    return tokens.find(secret);
                }, pool));
            }
            assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);   // let every caller reach the cache while the first opening is held
            release.countDown();
            for (var f : found) assertThat(f.get(60, TimeUnit.SECONDS)).hasValueSatisfying(t -> assertThat(t.actor().name()).isEqualTo("mona"));
        }
        assertThat(openings.get()).isEqualTo(1);
        assertThat(tokens.find(secret)).isPresent();
        assertThat(openings.get()).isEqualTo(1);
    }

    @Test
    void a_wrong_secret_does_not_match_an_open_token_and_a_forgotten_token_is_opened_again() {
        var issued = store.tokens().create("nina", Fixtures.PASSWORD, "t", Set.of("read"), Duration.ofDays(1));
        var openings = new AtomicInteger();
        var tokens = new OpenTokens(Fixtures.CLOCK, presented -> {
            openings.incrementAndGet();
            return store.tokens().open(presented);
        });
        assertThat(tokens.find(issued.secret())).isPresent();
        assertThat(tokens.find(issued.secret() + "x")).isEmpty();
        assertThat(tokens.find(issued.secret() + "x")).isEmpty();   // a refusal is not kept: checked again each time
        assertThat(openings.get()).isEqualTo(3);
        tokens.forget(issued.token().id());
        assertThat(tokens.size()).isZero();
        assertThat(tokens.find(issued.secret())).isPresent();
        assertThat(openings.get()).isEqualTo(4);
        tokens.forgetUser("nina");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void a_token_revoked_while_it_is_being_opened_is_refused_and_not_kept() throws Exception {
        var issued = store.tokens().create("omar", Fixtures.PASSWORD, "t", Set.of("read"), Duration.ofDays(1));
        var openedOnce = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var openings = new AtomicInteger();
        var tokens = new OpenTokens(Fixtures.CLOCK, presented -> {
            var t = store.tokens().open(presented);   // read while the token is live
            if (openings.incrementAndGet() == 1) {
                openedOnce.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return t;
        });
        try (var pool = Executors.newSingleThreadExecutor()) {
            var found = pool.submit(() -> tokens.find(issued.secret()));
            assertThat(openedOnce.await(30, TimeUnit.SECONDS)).isTrue();
            store.tokens().revoke("omar", issued.token().id());   // as DELETE /tokens/{id} does: the store, then the server's copy
            tokens.forget(issued.token().id());
            release.countDown();
            assertThat(found.get(60, TimeUnit.SECONDS)).isEmpty();
        }
        assertThat(openings.get()).isEqualTo(2);
        assertThat(tokens.find(issued.secret())).isEmpty();
        assertThat(tokens.size()).isZero();
    }
}
