package org.phasegate.store.ledger;

/** The kinds of ledger entries. */
public final class Kinds {
    public static final String USER_ADD = "user.add";
    public static final String USER_KEY = "user.key";
    public static final String USER_DEACTIVATE = "user.deactivate";
    public static final String ORG_ADD = "org.add";
    public static final String RECORD_ADD = "record.add";
    public static final String RECORD_ATTEST = "record.attest";
    public static final String RECORD_DISPUTE = "record.dispute";
    public static final String RECORD_ADJUDICATE = "record.adjudicate";
    public static final String RECORD_REJECT = "record.reject";
    public static final String AUDIT_DISCLOSE = "audit.disclose";
    public static final String AUDIT_READ = "audit.read";
    public static final String AUDIT_DATA_KEY = "audit.data-key";
    public static final String CHECKPOINT = "checkpoint";
    public static final String REGISTRY_ENROL = "registry.enrol";
    public static final String REGISTRY_EVENT = "registry.event";
    public static final String BENCH = "bench";
    /** One import of a dataset file: its rows are in import_row, committed to by the payload's Merkle root. */
    public static final String IMPORT = "import";

    private Kinds() {
    }
}
