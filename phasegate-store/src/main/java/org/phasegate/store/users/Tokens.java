package org.phasegate.store.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.phasegate.store.StoreException;
import org.phasegate.store.Text;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.crypto.Ed25519;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.ledger.Actor;

/**
 * API tokens: {@code pgt_<id>_<secret>}. Only SHA-256 of the secret is kept. Making a token needs the user's password
 * (to open their signing key), and the key is then sealed again under the secret, as {@link KeySeal} seals it under
 * the password: a token can sign as its user, the store alone cannot. Tokens are scoped (read, write), expire, and are
 * revoked by an append-only revocation row; a token made before its user's key was rotated no longer opens (make a
 * new one). Rotating the data key re-seals the token's copy of the key ({@link org.phasegate.store.DataKeyRotation}).
 */
public final class Tokens {
    public static final Set<String> SCOPES = Set.of("read", "write");
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);
    private static final String PREFIX = "pgt_";
    private final DataSource ds;
    private final DataKey dataKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Tokens(DataSource ds, DataKey dataKey, Clock clock) {
        this.ds = ds;
        this.dataKey = dataKey;
        this.clock = clock;
    }

    /** A token as listed: never its secret. */
    public record Token(String id, String user, String label, Set<String> scopes, Instant created, Instant expires, Optional<Instant> revoked) {
        public Token {
            scopes = Set.copyOf(new TreeSet<>(scopes));
        }

        public boolean usableAt(Instant at) {
            return revoked.isEmpty() && at.isBefore(expires);
        }
    }

    /** A new token and the string to hand over (shown once). */
    public record Issued(Token token, String secret) {
    }

    public Issued create(String name, String password, String label, Set<String> scopes, Duration lifetime) {
        Text.check("label", label, 200, false);
        if (scopes.isEmpty() || !SCOPES.containsAll(scopes)) throw new StoreException("scopes " + scopes + " are not allowed; use read, write or both");
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new StoreException("a token lives between 1 second and 366 days; " + lifetime.toDays() + " days asked");
        }
        var key = Tx.run(ds, c -> UserRows.currentKey(c, name));
        if (!key.user().active()) throw new StoreException("user '" + name + "' is deactivated and cannot make tokens");
        if (key.passwordHash() == null || password == null || !Passwords.verify(password, key.passwordHash())) throw new WrongPassword(name, password == null);
        var priv = KeySeal.open(dataKey, password, new KeySeal.Sealed(key.nonce(), key.sealed(), key.kekSalt()), name);
        var id = encode(bytes(9));
        var secret = encode(bytes(32));
        var sealed = KeySeal.seal(dataKey, secret, priv, name, random);
        var now = clock.instant();
        var token = new Token(id, name, label, scopes, now, now.plus(lifetime), Optional.empty());
        Tx.run(ds, c -> {
            try (var ps = c.prepareStatement("INSERT INTO api_token (id, name, label, scopes, secret_hash, key_seq, nonce, private_key, kek_salt,"
                    + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, (SELECT max(seq) FROM user_key WHERE name = ?), ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, name);
                ps.setString(3, label);
                ps.setString(4, String.join(" ", token.scopes()));
                ps.setBytes(5, Hashes.sha256(secret.getBytes(StandardCharsets.UTF_8)));
                ps.setString(6, name);
                ps.setBytes(7, sealed.nonce());
                ps.setBytes(8, sealed.ciphertext());
                ps.setBytes(9, sealed.kekSalt());
                ps.setObject(10, now.atOffset(ZoneOffset.UTC));
                ps.setObject(11, token.expires().atOffset(ZoneOffset.UTC));
                return ps.executeUpdate();
            }
        });
        return new Issued(token, PREFIX + id + "_" + secret);
    }

    /** The token's user, key unlocked, if the string is a live token; empty for anything else (unknown, wrong, expired, revoked, stale). */
    public Optional<Unlocked> open(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) return Optional.empty();
        int sep = presented.indexOf('_', PREFIX.length());
        if (sep < 0) return Optional.empty();
        var id = presented.substring(PREFIX.length(), sep);
        var secret = presented.substring(sep + 1);
        return Tx.run(ds, c -> row(c, id)).filter(r -> r.token().usableAt(clock.instant()))
                .filter(r -> MessageDigest.isEqual(r.secretHash(), Hashes.sha256(secret.getBytes(StandardCharsets.UTF_8))))
                .flatMap(r -> unlock(r, secret));
    }

    /** A live token's user and scopes, with the signing key the token holds. */
    public record Unlocked(Token token, Actor actor) {
    }

    private Optional<Unlocked> unlock(Row r, String secret) {
        var key = Tx.run(ds, c -> UserRows.currentKey(c, r.token().user()));
        if (!key.user().active() || key.seq() != r.keySeq()) return Optional.empty();
        try {
            var priv = KeySeal.open(dataKey, secret, r.sealed(), r.token().user());
            var u = key.user();
            return Optional.of(new Unlocked(r.token(), new Actor(u.name(), u.role(), u.org(), new Ed25519.Signer(priv))));
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    public List<Token> list(Optional<String> user) {
        return Tx.run(ds, c -> {
            var out = new ArrayList<Token>();
            try (var ps = c.prepareStatement(SELECT + (user.isPresent() ? " WHERE t.name = ?" : "") + " ORDER BY t.created_at, t.id")) {
                if (user.isPresent()) ps.setString(1, user.get());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) out.add(read(rs).token());
                }
            }
            return out;
        });
    }

    public Optional<Token> find(String id) {
        return Tx.run(ds, c -> row(c, id)).map(Row::token);
    }

    /** Revokes a token; once only. */
    public Token revoke(String by, String id) {
        return Tx.run(ds, c -> {
            var t = row(c, id).orElseThrow(() -> new StoreException("no token '" + id + "'")).token();
            if (t.revoked().isPresent()) throw new StoreException("token '" + id + "' is already revoked");
            try (var ps = c.prepareStatement("INSERT INTO api_token_revocation (id, by_user, at) VALUES (?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, by);
                ps.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return row(c, id).orElseThrow().token();
        });
    }

    private record Row(Token token, byte[] secretHash, long keySeq, KeySeal.Sealed sealed) {
    }

    private static final String SELECT = "SELECT t.id, t.name, t.label, t.scopes, t.created_at, t.expires_at, r.at, t.secret_hash, t.key_seq,"
            + " t.nonce, t.private_key, t.kek_salt FROM api_token t LEFT JOIN api_token_revocation r ON r.id = t.id";

    private static Optional<Row> row(Connection c, String id) throws SQLException {
        try (var ps = c.prepareStatement(SELECT + " WHERE t.id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Row read(ResultSet rs) throws SQLException {
        var revoked = Optional.ofNullable(rs.getObject(7, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
        var token = new Token(rs.getString(1), rs.getString(2), rs.getString(3), Set.of(rs.getString(4).split(" ")),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class).toInstant(), revoked);
        return new Row(token, rs.getBytes(8), rs.getLong(9), new KeySeal.Sealed(rs.getBytes(10), rs.getBytes(11), rs.getBytes(12)));
    }

    private byte[] bytes(int n) {
        var b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String encode(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('_', '.');
    }
}
