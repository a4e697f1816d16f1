package org.phasegate.store;

/** The store's served tables or entries do not match its ledger: nothing is served or written until that is put right. */
public final class StoreTampered extends StoreException {
    public StoreTampered(String message) {
        super(message);
    }
}
