package org.phasegate.store.ledger;

import java.util.Optional;
import org.phasegate.store.crypto.Hashes;

/**
 * What {@link Ledger#audit} found: the entries' own check (hashes, links, signatures, checkpoints), then, if they hold,
 * the first difference between the served tables (and stored head signatures) and the ledger's replay; and the
 * RFC 9162 tree size and root of the entries read.
 */
public record Audit(Verifier.Report entries, Optional<String> served, long treeSize, byte[] root) {
    public boolean ok() {
        return entries.ok() && served.isEmpty();
    }

    /** The first problem, for a message. */
    public Optional<String> problem() {
        return entries.firstBad().map(Verifier.Bad::render).or(() -> served);
    }

    public String rootHex() {
        return Hashes.hex(root);
    }
}
