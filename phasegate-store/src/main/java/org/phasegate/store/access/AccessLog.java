package org.phasegate.store.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.phasegate.store.Tx;

/**
 * The HTTP API's access log: every denied request and every read of restricted or confidential data, with who, what,
 * when and from where. Append-only; not in the ledger, since a denied or anonymous caller has no key to sign with (a
 * signed-in reader of restricted records is also in the ledger, as an {@code audit.read} entry).
 */
public final class AccessLog {
    private final DataSource ds;
    private final Clock clock;

    public AccessLog(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    public record Access(long id, Instant at, String who, String role, String address, String method, String path, int status, String what) {
    }

    public void add(String who, String role, String address, String method, String path, int status, String what) {
        Tx.run(ds, c -> {
            try (var ps = c.prepareStatement("INSERT INTO api_access_log (at, who, role, address, method, path, status, what) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
                ps.setString(2, clip(who));
                ps.setString(3, role);
                ps.setString(4, clip(address));
                ps.setString(5, clip(method));
                ps.setString(6, clip(path));
                ps.setInt(7, status);
                ps.setString(8, clip(what));
                return ps.executeUpdate();
            }
        });
    }

    /** Entries with id above {@code after}, oldest first, at most {@code limit}. */
    public List<Access> list(long after, int limit) {
        return Tx.run(ds, c -> {
            var out = new ArrayList<Access>();
            try (var ps = c.prepareStatement("SELECT id, at, who, role, address, method, path, status, what FROM api_access_log WHERE id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, after);
                ps.setInt(2, limit);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) out.add(read(rs));
                }
            }
            return out;
        });
    }

    private static Access read(ResultSet rs) throws SQLException {
        return new Access(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9));
    }

    /** Caller-controlled text is kept, but bounded (a path or address can be anything a client sends). */
    private static String clip(String s) {
        var clean = s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 500 ? clean : clean.substring(0, 500) + "...";
    }
}
