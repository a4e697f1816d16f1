package org.phasegate.store.users;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.phasegate.evidence.Role;
import org.phasegate.store.StoreException;
import org.phasegate.store.Text;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.crypto.Ed25519;
import org.phasegate.store.ledger.Actor;
import org.phasegate.store.ledger.Appender;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Kinds;
import org.phasegate.store.orgs.Organisations;

/**
 * Users and their signing keys. Each user has a password (Argon2id hash) and an Ed25519 key pair: the public key goes
 * into the ledger (so anyone can verify), the private key is sealed under the password and the data key
 * ({@link KeySeal}), so acting as a user needs both. The first user must be an admin and signs their own entry (and
 * registers their organisation); later users are added by an admin, in a registered organisation.
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

    public record User(String name, Role role, String org, boolean active) {
    }

    /** Adds a user; {@code by} is the acting admin, or empty for the very first user. */
    public User add(Optional<Actor> by, String name, Role role, String org, String password) {
        checkName(name);
        Passwords.requireStrong(password, "PHASEGATE_NEW_PASSWORD");
        var orgName = Organisations.checkedName(org);
        return Tx.run(ds, c -> {
            var appender = Appender.begin(c, checkpointEvery);
            int existing = count(c);
            if (existing == 0 && role != Role.ADMIN) {
                throw new StoreException("the first user must be an admin (--role admin); others are added by an admin");
            }
            if (existing > 0 && by.map(a -> a.role() != Role.ADMIN).orElse(true)) {
                throw new StoreException("only an admin may add users (use --as ADMIN)");
            }
            if (UserRows.find(c, name).isPresent()) throw new StoreException("user '" + name + "' already exists");
            var registered = existing == 0 ? orgName : Organisations.find(c, orgName).map(Organisations.Organisation::name)
                    .orElseThrow(() -> unknownOrg(c, orgName));
            var keys = Ed25519.KeyPair.generate(random);
            var self = new Actor(name, role, registered, new Ed25519.Signer(keys.privateKey()));
            var payload = Canonical.object().put("name", name).put("role", role.wireName()).put("org", registered)
                    .put("publicKey", Base64.getEncoder().encodeToString(keys.publicKey()));
            if (existing == 0) payload.put("registersOrg", true);   // the first admin's organisation is registered with them
            long seq = appender.append(Kinds.USER_ADD, by.orElse(self), payload, clock.instant());
            appender.flush();
            storePrivateKey(c, name, seq, keys.privateKey(), password);
            return new User(name, role, registered, true);
        });
    }

    private static StoreException unknownOrg(Connection c, String org) {
        try {
            var known = new ArrayList<String>();
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT name FROM organisation ORDER BY id")) {
                while (rs.next()) known.add(rs.getString(1));
            }
            return new StoreException("no organisation '" + org + "' is registered (registered: " + String.join(", ", known)
                    + "); an admin registers it with: phasegate org add '" + org + "' --as ADMIN");
        } catch (SQLException e) {
            return new StoreException("database: " + e.getMessage(), e);
        }
    }

    /**
     * Gives a user a new signing key, sealed under {@code password} (which becomes their password): by the user
     * themself, or by an admin (a reset: the admin hands the new password over). Entries signed with the old key
     * after this one no longer verify. Returns the ledger entry's number.
     */
    public long rotateKey(Actor by, String name, String password) {
        if (!by.name().equals(name) && by.role() != Role.ADMIN) {
            throw new StoreException(by.name() + " may not change " + name + "'s key; only " + name + " or an admin may");
        }
        Passwords.requireStrong(password, by.name().equals(name) ? "PHASEGATE_NEW_PASSWORD (or PHASEGATE_PASSWORD)" : "PHASEGATE_NEW_PASSWORD");
        return Tx.run(ds, c -> {
            var appender = Appender.begin(c, checkpointEvery);
            var user = UserRows.find(c, name).orElseThrow(() -> new StoreException("no user '" + name + "'"));
            if (!user.active()) throw new StoreException("user '" + name + "' is deactivated; their key cannot change");
            var keys = Ed25519.KeyPair.generate(random);
            var payload = Canonical.object().put("name", name)
                    .put("publicKey", Base64.getEncoder().encodeToString(keys.publicKey()));
            long seq = appender.append(Kinds.USER_KEY, by, payload, clock.instant());
            appender.flush();
            storePrivateKey(c, name, seq, keys.privateKey(), password);
            return seq;
        });
    }

    /** An admin deactivates a user: from the next entry on, nothing they sign verifies, and they cannot act. */
    public long deactivate(Actor by, String name, String reason) {
        if (by.role() != Role.ADMIN) throw new StoreException(by.name() + " is not an admin; only admins deactivate users");
        Text.check("--reason", reason, 2000, true);
        return Tx.run(ds, c -> {
            var appender = Appender.begin(c, checkpointEvery);
            var user = UserRows.find(c, name).orElseThrow(() -> new StoreException("no user '" + name + "'"));
            if (!user.active()) throw new StoreException("user '" + name + "' is already deactivated");
            if (user.role() == Role.ADMIN && UserRows.activeAdmins(c) == 1) {
                throw new StoreException(name + " is the last active admin; add another admin before deactivating " + name);
            }
            long seq = appender.append(Kinds.USER_DEACTIVATE, by, Canonical.object().put("name", name).put("reason", reason), clock.instant());
            appender.flush();
            return seq;
        });
    }

    private void storePrivateKey(Connection c, String name, long seq, byte[] privateKey, String password) throws SQLException {
        var sealed = KeySeal.seal(dataKey, password, privateKey, name, random);
        try (var ps = c.prepareStatement("INSERT INTO user_key (name, seq, nonce, private_key, password_hash, kek_salt) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, seq);
            ps.setBytes(3, sealed.nonce());
            ps.setBytes(4, sealed.ciphertext());
            ps.setString(5, Passwords.hash(password));
            ps.setBytes(6, sealed.kekSalt());
            ps.executeUpdate();
        }
    }

    /**
     * The user with their signing key unlocked by their password and the data key. A wrong password is refused and
     * recorded (in auth_failure: not in the ledger, as no key was unlocked to sign it).
     */
    public Actor actor(String name, String password) {
        var key = Tx.run(ds, c -> UserRows.currentKey(c, name));
        if (!key.user().active()) throw new StoreException("user '" + name + "' is deactivated and cannot act");
        if (key.passwordHash() == null) {
            throw new StoreException("user '" + name + "' has no password (added before passwords were required); an admin can give them"
                    + " a new key and password: PHASEGATE_NEW_PASSWORD=... phasegate user rotate-key " + name + " --as ADMIN");
        }
        if (password == null || !Passwords.verify(password, key.passwordHash())) {
            recordFailure(name, password == null ? "no password given" : "wrong password");
            throw new WrongPassword(name, password == null);
        }
        var priv = KeySeal.open(dataKey, password, new KeySeal.Sealed(key.nonce(), key.sealed(), key.kekSalt()), name);
        var u = key.user();
        return new Actor(u.name(), u.role(), u.org(), new Ed25519.Signer(priv));
    }

    private void recordFailure(String name, String reason) {
        Tx.run(ds, c -> {
            try (var ps = c.prepareStatement("INSERT INTO auth_failure (name, at, reason) VALUES (?, ?, ?)")) {
                ps.setString(1, name);
                ps.setObject(2, clock.instant().atOffset(ZoneOffset.UTC));
                ps.setString(3, reason);
                return ps.executeUpdate();
            }
        });
    }

    /** Failed sign-ins recorded for this user. */
    public long failedSignIns(String name) {
        return Tx.run(ds, c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM auth_failure WHERE name = ?")) {
                ps.setString(1, name);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Failed sign-ins recorded for this user since a moment (login throttling). */
    public long failedSignInsSince(String name, java.time.Instant since) {
        return Tx.run(ds, c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM auth_failure WHERE name = ? AND at >= ?")) {
                ps.setString(1, name);
                ps.setObject(2, since.atOffset(ZoneOffset.UTC));
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Records a refused sign-in that never reached the password check (e.g. while locked out). */
    public void refusedSignIn(String name, String reason) {
        recordFailure(name, reason);
    }

    public Optional<User> find(String name) {
        return Tx.run(ds, c -> UserRows.find(c, name));
    }

    public List<User> list() {
        return Tx.run(ds, UserRows::all);
    }

    private static int count(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM app_user")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Refuses a user name the store does not allow (letters, digits, . _ @ -, at most 64, starting with a letter or digit). */
    public static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")) {
            throw new StoreException("user name " + Text.quote(String.valueOf(name)) + " is not allowed (use letters, digits, . _ @ -, at most 64)");
        }
    }
}
