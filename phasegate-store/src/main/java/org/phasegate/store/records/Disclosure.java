package org.phasegate.store.records;

import java.nio.charset.StandardCharsets;
import org.phasegate.store.crypto.Hashes;

/** A confidential part, opened for a board member or admin, with what anyone needs to check it against the ledger. */
public record Disclosure(String recordId, String json, String saltHex, String commitment) {
    /** Whether SHA-256(salt || JSON) is the commitment the ledger carries. */
    public boolean matchesCommitment() {
        return Hashes.hex(Hashes.sha256(Hashes.unhex(saltHex), json.getBytes(StandardCharsets.UTF_8))).equals(commitment);
    }
}
