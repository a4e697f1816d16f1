package org.phasegate.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.phasegate.store.users.Users;

/**
 * Sign-in throttling. Per user, from the store's {@code auth_failure} rows (so it survives a restart and holds across
 * servers on one database): after {@link #MAX_FAILURES} failures within {@link #WINDOW} the account is locked until the
 * oldest of them leaves the window. Per client address, in memory: at most {@link #MAX_PER_ADDRESS} attempts a minute,
 * whatever the names tried.
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_PER_ADDRESS = 30;
    private final Users users;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    LoginThrottle(Users users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** Refuses (429) a sign-in that is over either limit; counts the attempt for its address. */
    void check(String name, String address) {
        var now = clock.instant();
        var recent = attempts.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minusSeconds(60))) recent.pollFirst();
            if (recent.size() >= MAX_PER_ADDRESS) throw tooMany("too many sign-in attempts from this address; wait a minute", 60);
            recent.addLast(now);
        }
        if (users.failedSignInsSince(name, now.minus(WINDOW)) >= MAX_FAILURES) {
            users.refusedSignIn(name, "locked out");
            throw tooMany("too many failed sign-ins for this user: locked for " + WINDOW.toMinutes() + " minutes after the last failure;"
                    + " an admin can reset the password (user rotate-key)", WINDOW.toSeconds());
        }
    }

    private static ApiProblem tooMany(String why, long retryAfterSeconds) {
        return new ApiProblem(429, "too many requests", why + " (retry after " + retryAfterSeconds + " s)",
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.List.of());
    }
}
