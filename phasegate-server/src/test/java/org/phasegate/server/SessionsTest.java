package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Role;
import org.phasegate.store.crypto.Ed25519;
import org.phasegate.store.ledger.Actor;

/** A session (and the signing key it holds) ends after its idle time, its lifetime, sign-out, or its user's deactivation. */
class SessionsTest {
    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Actor actor(String name) {
        return new Actor(name, Role.MONITOR, "UNOPS", new Ed25519.Signer(new byte[32]));
    }

    @Test
    void idle_time_ends_a_session_and_use_keeps_it_alive() {
        var clock = new Moving();
        var sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(12));
        var s = sessions.open(actor("mona"));
        assertThat(s.csrf()).isNotEqualTo(s.id()).hasSizeGreaterThan(40);
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(29));   // 58 minutes in, but used 29 minutes ago
        assertThat(sessions.find(s.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void the_lifetime_ends_a_session_however_busy() {
        var clock = new Moving();
        var sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(1));
        var s = sessions.open(actor("mona"));
        for (int i = 0; i < 5; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(11));
            assertThat(sessions.find(s.id())).as("after %d minutes", 11 * (i + 1)).isPresent();
        }
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void sign_out_and_deactivation_end_sessions() {
        var sessions = new Sessions(new Moving(), Duration.ofMinutes(30), Duration.ofHours(12));
        var a = sessions.open(actor("mona"));
        var b = sessions.open(actor("mona"));
        var c = sessions.open(actor("nina"));
        sessions.close(a.id());
        assertThat(sessions.find(a.id())).isEmpty();
        assertThat(sessions.find(b.id())).isPresent();
        sessions.closeAll("mona");
        assertThat(sessions.find(b.id())).isEmpty();
        assertThat(sessions.find(c.id())).isPresent();
        assertThat(sessions.find("not-a-session")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }
}
