package org.phasegate.store.projection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.phasegate.store.crypto.Hashes;

/** A column of a projected table; values are String, Long, Instant or byte[] by type, or null. */
public record Column(String name, Type type) {
    public enum Type { TEXT, LONG, TIME, BYTES }

    public Column {
        if (!name.matches("[a-z_][a-z0-9_]*")) throw new IllegalArgumentException("column name " + name);
    }

    public static Column text(String name) {
        return new Column(name, Type.TEXT);
    }

    public static Column number(String name) {
        return new Column(name, Type.LONG);
    }

    public static Column time(String name) {
        return new Column(name, Type.TIME);
    }

    public static Column bytes(String name) {
        return new Column(name, Type.BYTES);
    }

    Object read(ResultSet rs, int i) throws SQLException {
        return switch (type) {
            case TEXT -> rs.getString(i);
            case LONG -> {
                long v = rs.getLong(i);
                yield rs.wasNull() ? null : v;
            }
            case TIME -> {
                var t = rs.getObject(i, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
            }
            case BYTES -> rs.getBytes(i);
        };
    }

    void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, switch (type) {
                case TEXT -> Types.VARCHAR;
                case LONG -> Types.BIGINT;
                case TIME -> Types.TIMESTAMP_WITH_TIMEZONE;
                case BYTES -> Types.BINARY;
            });
            return;
        }
        switch (type) {
            case TEXT -> ps.setString(i, (String) v);
            case LONG -> ps.setLong(i, ((Number) v).longValue());
            case TIME -> ps.setObject(i, ((Instant) v).atOffset(ZoneOffset.UTC));
            case BYTES -> ps.setBytes(i, (byte[]) v);
        }
    }

    /** The value as comparable text: equal values, equal text. */
    static String canonical(Object v) {
        return switch (v) {
            case null -> null;
            case byte[] b -> Hashes.hex(b);
            case Number n -> Long.toString(n.longValue());
            default -> v.toString();
        };
    }

    /** The value for a message: quoted, shortened to about 80 characters. */
    static String show(Object v) {
        var s = canonical(v);
        if (s == null) return "NULL";
        return "'" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "'";
    }
}
