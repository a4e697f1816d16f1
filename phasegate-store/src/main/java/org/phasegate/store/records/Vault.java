package org.phasegate.store.records;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.phasegate.store.StoreException;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.crypto.Hashes;

/**
 * Confidential parts at rest: a fresh 32-byte salt, the commitment SHA-256(salt || JSON) for the ledger, and
 * salt || JSON sealed with AES-GCM under the data key (the commitment as associated data) in confidential_blob.
 */
final class Vault {
    private static final int SALT = 32;
    private final DataKey dataKey;
    private final SecureRandom random = new SecureRandom();

    Vault(DataKey dataKey) {
        this.dataKey = dataKey;
    }

    /** Seals the JSON and returns its commitment. */
    String seal(Connection c, String json) throws SQLException {
        var salt = new byte[SALT];
        random.nextBytes(salt);
        var data = json.getBytes(StandardCharsets.UTF_8);
        var commitment = Hashes.hex(Hashes.sha256(salt, data));
        var plain = new byte[SALT + data.length];
        System.arraycopy(salt, 0, plain, 0, SALT);
        System.arraycopy(data, 0, plain, SALT, data.length);
        var sealed = dataKey.seal(plain, commitment.getBytes(StandardCharsets.UTF_8));
        try (var ps = c.prepareStatement("INSERT INTO confidential_blob (commitment, nonce, ciphertext) VALUES (?, ?, ?)")) {
            ps.setString(1, commitment);
            ps.setBytes(2, sealed.nonce());
            ps.setBytes(3, sealed.ciphertext());
            ps.executeUpdate();
        }
        return commitment;
    }

    Disclosure open(Connection c, String recordId, String commitment) throws SQLException {
        try (var ps = c.prepareStatement("SELECT nonce, ciphertext FROM confidential_blob WHERE commitment = ?")) {
            ps.setString(1, commitment);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) throw new StoreException("the confidential part of '" + recordId + "' is not held by this store (imported ledger?)");
                var plain = dataKey.open(new DataKey.Sealed(rs.getBytes(1), rs.getBytes(2)), commitment.getBytes(StandardCharsets.UTF_8));
                var json = new String(plain, SALT, plain.length - SALT, StandardCharsets.UTF_8);
                return new Disclosure(recordId, json, Hashes.hex(Arrays.copyOf(plain, SALT)), commitment);
            }
        }
    }
}
