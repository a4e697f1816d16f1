package org.phasegate.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.users.Tokens;

/**
 * API tokens the server has opened (each opening is an Argon2id derivation), kept for
 * {@link #KEEP} after the opening, by the SHA-256 of the presented string (so a wrong secret never matches a kept
 * one). Requests that arrive together with a token not yet open wait for one opening (single flight); a token that
 * does not open is not kept, so it is checked again next time. Revocation and deactivation drop a token at once
 * ({@link #forget}, {@link #forgetUser}), even one being opened at that moment (it is opened again, and refused); the
 * time is the server's clock.
 */
final class OpenTokens {
    static final Duration KEEP = Duration.ofMinutes(5);
    static final int MAX = 10_000;
    private final Clock clock;
    private final Function<String, Optional<Tokens.Unlocked>> opener;
    private final Cache<String, Opened> open;
    /** Orders openings and forgettings: an opening that began before its token was forgotten is not trusted. */
    private final AtomicLong events = new AtomicLong();
    private final Cache<String, Long> forgottenTokens;
    private final Cache<String, Long> forgottenUsers;

    private record Opened(Tokens.Unlocked token, long began) {
    }

    OpenTokens(Clock clock, Function<String, Optional<Tokens.Unlocked>> opener) {
        this.clock = clock;
        this.opener = opener;
        this.open = expiring(clock);
        this.forgottenTokens = expiring(clock);
        this.forgottenUsers = expiring(clock);
    }

    private static <V> Cache<String, V> expiring(Clock clock) {
        return Caffeine.newBuilder().maximumSize(MAX).expireAfterWrite(KEEP).executor(Runnable::run)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** The token's user with their key unlocked, if the string is a live token. */
    Optional<Tokens.Unlocked> find(String presented) {
        var key = HexFormat.of().formatHex(Hashes.sha256(presented.getBytes(StandardCharsets.UTF_8)));
        var o = open.get(key, k -> {
            long began = events.incrementAndGet();
            return opener.apply(presented).map(t -> new Opened(t, began)).orElse(null);
        });
        if (o == null) return Optional.empty();
        if (forgottenSince(o)) {   // revoked or deactivated while it was being opened: open it again, from the store
            open.asMap().remove(key, o);
            return find(presented);
        }
        if (!o.token().token().usableAt(clock.instant())) {   // expired since it was opened
            open.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(o.token());
    }

    private boolean forgottenSince(Opened o) {
        var token = forgottenTokens.getIfPresent(o.token().token().id());
        var user = forgottenUsers.getIfPresent(o.token().actor().name());
        return token != null && token > o.began() || user != null && user > o.began();
    }

    void forget(String tokenId) {
        forgottenTokens.put(tokenId, events.incrementAndGet());
        open.asMap().values().removeIf(o -> o.token().token().id().equals(tokenId));
    }

    void forgetUser(String user) {
        forgottenUsers.put(user, events.incrementAndGet());
        open.asMap().values().removeIf(o -> o.token().actor().name().equals(user));
    }

    long size() {
        open.cleanUp();
        return open.estimatedSize();
    }
}
