package org.phasegate.store.access;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.phasegate.store.Tx;

/**
 * Idempotency keys of record submissions: the first response to (user, key) is kept with a hash of its request, so a
 * retry gets the same answer and a different request under a used key is told so. Callers serialise the same key
 * themselves (the primary key makes a race lose, never double).
 */
public final class Idempotency {
    private final DataSource ds;
    private final Clock clock;

    public Idempotency(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    public record Response(byte[] requestHash, int status, String body) {
    }

    public Optional<Response> find(String user, String key) {
        return Tx.run(ds, c -> {
            try (var ps = c.prepareStatement("SELECT request_hash, status, response FROM api_idempotency WHERE name = ? AND key = ?")) {
                ps.setString(1, user);
                ps.setString(2, key);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Response(rs.getBytes(1), rs.getInt(2), rs.getString(3))) : Optional.empty();
                }
            }
        });
    }

    public void remember(String user, String key, Response r) {
        Tx.run(ds, c -> {
            try (var ps = c.prepareStatement("INSERT INTO api_idempotency (name, key, request_hash, status, response, at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, user);
                ps.setString(2, key);
                ps.setBytes(3, r.requestHash());
                ps.setInt(4, r.status());
                ps.setString(5, r.body());
                ps.setObject(6, clock.instant().atOffset(ZoneOffset.UTC));
                return ps.executeUpdate();
            }
        });
    }
}
