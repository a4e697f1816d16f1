package org.phasegate.store.users;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.phasegate.evidence.Role;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.crypto.Ed25519;
import org.phasegate.store.ledger.Actor;
import org.phasegate.store.ledger.Appender;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Kinds;

/**
 * Users and their signing keys. Each user gets an Ed25519 key pair: the public key goes into the ledger (so anyone
 * can verify), the private key is stored encrypted under the data key. The first user must be an admin and signs
 * their own entry; later users are added by an admin.
 */
public final class Users {
    private final DataSource ds;
    private final DataKey dataKey;
    private final Clock clock;
    private final int checkpointEvery;
    private final SecureRandom random = new SecureRandom();

    public Users(DataSource ds, DataKey dataKey, Clock clock, int checkpointEvery) {
        this.ds = ds;
        this.dataKey = dataKey;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
    }

    public record User(String name, Role role, String org) {
    }

    /** Adds a user; {@code by} is the acting admin, or empty for the very first user. */
    public User add(Optional<Actor> by, String name, Role role, String org, Optional<String> password) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")) {
            throw new StoreException("user name '" + name + "' is not allowed (use letters, digits, . _ @ -, at most 64)");
        }
        if (org.isBlank()) throw new StoreException("user '" + name + "' needs an organisation (--org)");
        return Tx.run(ds, c -> {
            int existing = count(c);
            if (existing == 0 && role != Role.ADMIN) {
                throw new StoreException("the first user must be an admin (--role admin); others are added by an admin");
            }
            if (existing > 0 && by.map(a -> a.role() != Role.ADMIN).orElse(true)) {
                throw new StoreException("only an admin may add users (use --as ADMIN)");
            }
            if (find(c, name).isPresent()) throw new StoreException("user '" + name + "' already exists");
            var keys = Ed25519.KeyPair.generate(random);
            var self = new Actor(name, role, org, new Ed25519.Signer(keys.privateKey()));
            var payload = Canonical.object().put("name", name).put("role", role.wireName()).put("org", org)
                    .put("publicKey", Base64.getEncoder().encodeToString(keys.publicKey()));
            var appender = Appender.begin(c, checkpointEvery);
            long seq = appender.append(Kinds.USER_ADD, by.orElse(self), payload, clock.instant());
            appender.flush();
            storePrivateKey(c, name, seq, keys.privateKey(), password.map(Passwords::hash).orElse(null));
            return new User(name, role, org);
        });
    }

    /**
     * Gives a user a new signing key (the user themself or an admin acts); entries signed with the old key after this
     * one no longer verify. Returns the ledger entry's number.
     */
    public long rotateKey(Actor by, String name) {
        if (!by.name().equals(name) && by.role() != Role.ADMIN) {
            throw new StoreException(by.name() + " may not change " + name + "'s key; only " + name + " or an admin may");
        }
        return Tx.run(ds, c -> {
            if (find(c, name).isEmpty()) throw new StoreException("no user '" + name + "'");
            var keys = Ed25519.KeyPair.generate(random);
            var payload = Canonical.object().put("name", name)
                    .put("publicKey", Base64.getEncoder().encodeToString(keys.publicKey()));
            var appender = Appender.begin(c, checkpointEvery);
            long seq = appender.append(Kinds.USER_KEY, by, payload, clock.instant());
            appender.flush();
            storePrivateKey(c, name, seq, keys.privateKey(), latest(c, name, "password_hash"));
            return seq;
        });
    }

    private void storePrivateKey(Connection c, String name, long seq, byte[] privateKey, String passwordHash) throws SQLException {
        var sealed = dataKey.seal(privateKey, aad(name));
        try (var ps = c.prepareStatement("INSERT INTO user_key (name, seq, nonce, private_key, password_hash) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, seq);
            ps.setBytes(3, sealed.nonce());
            ps.setBytes(4, sealed.ciphertext());
            ps.setString(5, passwordHash);
            ps.executeUpdate();
        }
    }

    private static String latest(Connection c, String name, String column) throws SQLException {
        try (var ps = c.prepareStatement("SELECT " + column + " FROM user_key WHERE name = ? ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The user with their signing key unlocked by the data key. */
    public Actor actor(String name) {
        return Tx.run(ds, c -> {
            var user = find(c, name).orElseThrow(() -> new StoreException("no user '" + name + "'; add one with: phasegate user add "
                    + name + " --role ROLE --org ORG"));
            try (var ps = c.prepareStatement("SELECT nonce, private_key FROM user_key WHERE name = ? ORDER BY seq DESC LIMIT 1")) {
                ps.setString(1, name);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreException("user '" + name + "' has no signing key in this store (imported ledger?)");
                    byte[] priv;
                    try {
                        priv = dataKey.open(new DataKey.Sealed(rs.getBytes(1), rs.getBytes(2)), aad(name));
                    } catch (StoreException e) {
                        throw new StoreException("cannot unlock " + name + "'s signing key: this store was set up with another data key"
                                + " (give the right one with --key-file or " + DataKey.ENV + ")");
                    }
                    return new Actor(user.name(), user.role(), user.org(), new Ed25519.Signer(priv));
                }
            }
        });
    }

    /** Whether the user has a password (then acting as them needs it). */
    public boolean hasPassword(String name) {
        return Tx.run(ds, c -> latest(c, name, "password_hash") != null);
    }

    /** Checks a password against the stored Argon2id hash. */
    public boolean checkPassword(String name, String password) {
        return Tx.run(ds, c -> {
            var hash = latest(c, name, "password_hash");
            return hash != null && Passwords.verify(password, hash);
        });
    }

    public List<User> list() {
        return Tx.run(ds, c -> {
            var out = new ArrayList<User>();
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT name, role, org FROM app_user ORDER BY seq")) {
                while (rs.next()) out.add(new User(rs.getString(1), Role.fromWire(rs.getString(2)).orElseThrow(), rs.getString(3)));
            }
            return out;
        });
    }

    private static Optional<User> find(Connection c, String name) throws SQLException {
        try (var ps = c.prepareStatement("SELECT name, role, org FROM app_user WHERE name = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new User(rs.getString(1), Role.fromWire(rs.getString(2)).orElseThrow(), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    private static int count(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM app_user")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static byte[] aad(String name) {
        return ("phasegate user key " + name).getBytes(StandardCharsets.UTF_8);
    }
}
