package org.phasegate.store.crypto;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.phasegate.store.Tx;

/**
 * Secrets of the store itself, such as the registry's pseudonym key. At first each is derived from the data key; a
 * data key rotation seals the derived value into sealed_secret under the new key, so pseudonyms stay the same.
 */
public final class SealedSecrets {
    public static final String REGISTRY = "phasegate registry pseudonyms v1";

    private SealedSecrets() {
    }

    public static byte[] get(DataSource ds, DataKey dataKey, String purpose) {
        return Tx.run(ds, c -> get(c, dataKey, purpose));
    }

    public static byte[] get(Connection c, DataKey dataKey, String purpose) throws SQLException {
        try (var ps = c.prepareStatement("SELECT nonce, ciphertext FROM sealed_secret WHERE purpose = ?")) {
            ps.setString(1, purpose);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) return dataKey.derive(purpose);
                return dataKey.open(new DataKey.Sealed(rs.getBytes(1), rs.getBytes(2)), aad(purpose));
            }
        }
    }

    static byte[] aad(String purpose) {
        return ("phasegate secret " + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
