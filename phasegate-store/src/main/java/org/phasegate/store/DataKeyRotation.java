package org.phasegate.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.phasegate.evidence.Role;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.crypto.SealedSecrets;
import org.phasegate.store.ledger.Actor;
import org.phasegate.store.ledger.Appender;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Kinds;

/**
 * Re-seals everything sealed under the data key (the outer layer of users' signing keys and of the copies API tokens
 * hold, confidential parts, the store's own secrets) under a new one, in one transaction as the schema owner: all of it, or (on any failure)
 * none. An admin signs an {@code audit.data-key} entry naming what was re-sealed and the new key's fingerprint.
 */
public final class DataKeyRotation {
    public record Counts(int userKeys, int confidentialParts, int secrets, int apiTokens) {
    }

    private DataKeyRotation() {
    }

    public static Counts run(Database db, DataKey oldKey, DataKey newKey, Actor admin, Clock clock, int checkpointEvery) {
        if (admin.role() != Role.ADMIN) throw new StoreException(admin.name() + " is not an admin; only admins rotate the data key");
        try (var c = db.ownerConnection()) {
            c.setAutoCommit(false);
            try {
                var appender = Appender.begin(c, checkpointEvery);   // the ledger lock: no write runs meanwhile
                int userKeys = reseal(c, "user_key", "private_key", "name || ':' || seq", "name", oldKey, newKey);   // fails first on a wrong key
                var registry = SealedSecrets.get(c, oldKey, SealedSecrets.REGISTRY);
                var counts = new Counts(userKeys,
                        reseal(c, "confidential_blob", "ciphertext", "commitment", "commitment", oldKey, newKey),
                        reseal(c, "sealed_secret", "ciphertext", "purpose", "'phasegate secret ' || purpose", oldKey, newKey),
                        // every token, revoked and expired ones too: revocation is its own row, and stays
                        reseal(c, "api_token", "private_key", "id", "name", oldKey, newKey));
                keepRegistryKey(c, registry, newKey);
                var payload = Canonical.object().put("userKeys", counts.userKeys()).put("confidentialParts", counts.confidentialParts())
                        .put("apiTokens", counts.apiTokens()).put("fingerprint", fingerprint(newKey));
                appender.append(Kinds.AUDIT_DATA_KEY, admin, payload, clock.instant());
                appender.flush();
                c.commit();
                return counts;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database: " + e.getMessage(), e);
        }
    }

    /** Re-seals every row of a table; the associated data of each row is what it was sealed with. */
    private static int reseal(Connection c, String table, String column, String key, String aadExpr, DataKey oldKey, DataKey newKey)
            throws SQLException {
        int n = 0;
        String aadPrefix = table.equals("user_key") || table.equals("api_token") ? "phasegate user key " : "";   // KeySeal's
        try (var sel = c.prepareStatement("SELECT " + key + ", " + aadExpr + ", nonce, " + column + " FROM " + table);
             var upd = c.prepareStatement("UPDATE " + table + " SET nonce = ?, " + column + " = ? WHERE " + key + " = ?")) {
            sel.setFetchSize(1024);
            try (var rs = sel.executeQuery()) {
                while (rs.next()) {
                    var aad = (aadPrefix + rs.getString(2)).getBytes(StandardCharsets.UTF_8);
                    byte[] plain;
                    try {
                        plain = oldKey.open(new DataKey.Sealed(rs.getBytes(3), rs.getBytes(4)), aad);
                    } catch (StoreException e) {
                        throw new StoreException("the current data key does not open " + table + " row '" + rs.getString(1)
                                + "': give the key this store was sealed with (--key-file or " + DataKey.ENV + "); nothing was changed");
                    }
                    var sealed = newKey.seal(plain, aad);
                    upd.setBytes(1, sealed.nonce());
                    upd.setBytes(2, sealed.ciphertext());
                    upd.setString(3, rs.getString(1));
                    upd.executeUpdate();
                    n++;
                }
            }
        }
        return n;
    }

    /** The registry's pseudonyms were derived from the old key: keep that secret, sealed under the new key. */
    private static void keepRegistryKey(Connection c, byte[] registry, DataKey newKey) throws SQLException {
        var aad = ("phasegate secret " + SealedSecrets.REGISTRY).getBytes(StandardCharsets.UTF_8);
        var sealed = newKey.seal(registry, aad);
        try (var ps = c.prepareStatement("INSERT INTO sealed_secret (purpose, nonce, ciphertext) VALUES (?, ?, ?) ON CONFLICT (purpose) DO NOTHING")) {
            ps.setString(1, SealedSecrets.REGISTRY);
            ps.setBytes(2, sealed.nonce());
            ps.setBytes(3, sealed.ciphertext());
            ps.executeUpdate();
        }
    }

    /** Names a key without revealing it: the first 16 hex digits of an HMAC under it. */
    public static String fingerprint(DataKey key) {
        return Hashes.hex(key.derive("phasegate data key fingerprint")).substring(0, 16);
    }
}
