package org.phasegate.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.phasegate.store.ledger.Actor;

/**
 * Browser sessions, in memory only: each holds its user's signing key, unlocked at sign-in with their password, and a
 * CSRF token. A session ends at sign-out, after {@code idle} without use or {@code lifetime} in all, and with the
 * server: the unlocked key is then dropped (never written anywhere).
 */
final class Sessions {
    private final Map<String, Session> live = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idle;
    private final Duration lifetime;

    record Session(String id, Actor actor, String csrf, Instant created, Instant lastUsed) {
    }

    Sessions(Clock clock, Duration idle, Duration lifetime) {
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    Session open(Actor actor) {
        var now = clock.instant();
        var s = new Session(token(), actor, token(), now, now);
        live.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its last use moved to now; an expired one is dropped. */
    Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        var now = clock.instant();
        var s = live.computeIfPresent(id, (k, v) -> expired(v, now) ? null : new Session(v.id(), v.actor(), v.csrf(), v.created(), now));
        sweep(now);
        return Optional.ofNullable(s);
    }

    void close(String id) {
        live.remove(id);
    }

    /** Ends every session of a user (deactivated, or key changed). */
    void closeAll(String user) {
        live.values().removeIf(s -> s.actor().name().equals(user));
    }

    Instant expires(Session s) {
        var byIdle = s.lastUsed().plus(idle);
        var byAge = s.created().plus(lifetime);
        return byIdle.isBefore(byAge) ? byIdle : byAge;
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(expires(s));
    }

    private void sweep(Instant now) {
        if (live.size() > 64) live.values().removeIf(s -> expired(s, now));
    }

    private String token() {
        var b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
