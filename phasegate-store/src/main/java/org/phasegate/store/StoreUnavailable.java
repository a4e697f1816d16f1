package org.phasegate.store;

/** The store cannot be used right now (held by another command, server will not start): an environment failure, not bad input. */
public final class StoreUnavailable extends StoreException {
    public StoreUnavailable(String message) {
        super(message);
    }

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
