package org.phasegate.store.users;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phasegate.evidence.Role;
import org.phasegate.store.StoreException;

/** Queries over app_user, user_deactivation and user_key. */
final class UserRows {
    private static final String USER = "SELECT u.name, u.role, u.org, d.name IS NULL FROM app_user u"
            + " LEFT JOIN user_deactivation d ON d.name = u.name";

    record CurrentKey(Users.User user, long seq, byte[] nonce, byte[] sealed, byte[] kekSalt, String passwordHash) {
    }

    private UserRows() {
    }

    static Optional<Users.User> find(Connection c, String name) throws SQLException {
        try (var ps = c.prepareStatement(USER + " WHERE u.name = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    static List<Users.User> all(Connection c) throws SQLException {
        var out = new ArrayList<Users.User>();
        try (var st = c.createStatement(); var rs = st.executeQuery(USER + " ORDER BY u.seq")) {
            while (rs.next()) out.add(user(rs));
        }
        return out;
    }

    static int activeAdmins(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM app_user u WHERE u.role = 'admin'"
                + " AND NOT EXISTS (SELECT 1 FROM user_deactivation d WHERE d.name = u.name)")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The user and their latest (current) sealed key. */
    static CurrentKey currentKey(Connection c, String name) throws SQLException {
        var user = find(c, name).orElseThrow(() -> new StoreException("no user '" + name + "'; an admin adds one with: "
                + "PHASEGATE_NEW_PASSWORD=... phasegate user add " + name + " --role ROLE --org ORG --as ADMIN"));
        try (var ps = c.prepareStatement("SELECT seq, nonce, private_key, kek_salt, password_hash FROM user_key WHERE name = ? ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) throw new StoreException("user '" + name + "' has no signing key in this store (an imported ledger has none; restore a backup instead)");
                return new CurrentKey(user, rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4), rs.getString(5));
            }
        }
    }

    private static Users.User user(ResultSet rs) throws SQLException {
        return new Users.User(rs.getString(1), Role.fromWire(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getBoolean(4));
    }
}
