package org.phasegate.store.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.phasegate.store.crypto.Hashes;

/**
 * One ledger entry. Its hash is SHA-256 over the canonical JSON {@link #body}, which includes the previous entry's
 * hash; its signature is the actor's Ed25519 signature over that hash.
 */
public record Entry(long seq, String kind, String actor, Instant at, String payload, byte[] prevHash, byte[] hash,
                    byte[] signature) {
    /** The previous hash of the first entry: 32 zero bytes. A method, so no caller can change the shared array. */
    public static byte[] genesis() {
        return new byte[32];
    }

    /** Timestamps keep microseconds, as PostgreSQL does, so a stored entry hashes like the one written. */
    public static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The signed content: {"actor","at","kind","payload","prev","seq"} in canonical order. */
    public static byte[] body(long seq, String kind, String actor, Instant at, String payload, byte[] prevHash) {
        var s = "{\"actor\":" + Canonical.quote(actor) + ",\"at\":\"" + at + "\",\"kind\":" + Canonical.quote(kind)
                + ",\"payload\":" + payload + ",\"prev\":\"" + Hashes.hex(prevHash) + "\",\"seq\":" + seq + "}";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] computeHash() {
        return Hashes.sha256(body(seq, kind, actor, at, payload, prevHash));
    }
}
