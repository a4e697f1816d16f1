package org.phasegate.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.users.Tokens;

/**
 * API tokens the server has opened (each opening is an Argon2id derivation, ~0.1 s of a core), kept for
 * {@link #KEEP} after the opening, by the SHA-256 of the presented string (so a wrong secret never matches a kept
 * one). Requests that arrive together with a token not yet open wait for one opening (single flight); a token that
 * does not open is not kept, so it is checked again next time. Revocation and deactivation drop a token at once
 * ({@link #forget}, {@link #forgetUser}); the time is the server's clock.
 */
final class OpenTokens {
    static final Duration KEEP = Duration.ofMinutes(5);
    static final int MAX = 10_000;
    private final Clock clock;
    private final Function<String, Optional<Tokens.Unlocked>> opener;
    private final Cache<String, Tokens.Unlocked> open;

    OpenTokens(Clock clock, Function<String, Optional<Tokens.Unlocked>> opener) {
        this.clock = clock;
        this.opener = opener;
        this.open = Caffeine.newBuilder().maximumSize(MAX).expireAfterWrite(KEEP).executor(Runnable::run)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** The token's user with their key unlocked, if the string is a live token. */
    Optional<Tokens.Unlocked> find(String presented) {
        var key = HexFormat.of().formatHex(Hashes.sha256(presented.getBytes(StandardCharsets.UTF_8)));
        var t = open.get(key, k -> opener.apply(presented).orElse(null));
        if (t != null && !t.token().usableAt(clock.instant())) {   // expired since it was opened
            open.invalidate(key);
            return Optional.empty();
        }
        return Optional.ofNullable(t);
    }

    void forget(String tokenId) {
        open.asMap().values().removeIf(t -> t.token().id().equals(tokenId));
    }

    void forgetUser(String user) {
        open.asMap().values().removeIf(t -> t.actor().name().equals(user));
    }

    long size() {
        open.cleanUp();
        return open.estimatedSize();
    }
}
