package org.phasegate.store.ledger;

import java.util.Optional;
import org.phasegate.store.crypto.Hashes;

/**
 * What {@link Ledger#audit} found: the entries' own check (hashes, links, signatures, checkpoints), then, if they hold,
 * the first difference between the served tables (and imported rows, and stored head signatures) and the ledger's
 * replay, with where it lies ({@link Fault}, which decides what repairs it); and the RFC 9162 tree size and root of
 * the entries read.
 */
public record Audit(Verifier.Report entries, Optional<String> served, Fault fault, long treeSize, byte[] root) {
    /** Where the first problem lies: only a served table can be rebuilt from the entries. */
    public enum Fault {
        NONE, ENTRIES, SERVED_TABLE, IMPORT_ROWS, HEAD_SIGNATURE
    }

    static final String RESTORE = "restore a backup made before the change into a new store (phasegate ledger restore BACKUP --data-dir NEW-DIR)"
            + " or load an export made before it (phasegate ledger import EXPORT --data-dir NEW-DIR)";

    public boolean ok() {
        return entries.ok() && served.isEmpty();
    }

    /** The first problem, for a message. */
    public Optional<String> problem() {
        return entries.firstBad().map(Verifier.Bad::render).or(() -> served);
    }

    /** What repairs the first problem, for a message (empty when the store holds). */
    public Optional<String> remedy() {
        return Optional.ofNullable(remedy(entries.ok() ? fault : Fault.ENTRIES));
    }

    static String remedy(Fault fault) {
        return switch (fault) {
            case NONE -> null;
            case ENTRIES -> "the entries themselves do not verify, so no table can be rebuilt from them: " + RESTORE;
            case SERVED_TABLE -> "phasegate ledger rebuild restores the served tables from the ledger's entries";
            case IMPORT_ROWS -> "imported rows cannot be rebuilt from the ledger (an import's entry holds the rows' Merkle root and the file's SHA-256,"
                    + " not the rows), so phasegate ledger rebuild does not repair them: " + RESTORE
                    + "; both carry the imported rows, checked against the ledger's roots before anything is written";
            case HEAD_SIGNATURE -> "a stored head signature stands on its own signature, not on an entry, so phasegate ledger rebuild does not repair it;"
                    + " a head the ledger cannot give means entries were removed or rewritten (check a head saved elsewhere: phasegate ledger verify --head HEAD.json): "
                    + RESTORE + "; backups carry no head signatures, so witnesses cosign the restored store again (phasegate ledger cosign)";
        };
    }

    public String rootHex() {
        return Hashes.hex(root);
    }
}
