package org.phasegate.store;

/** A store operation that cannot be done, with a message fit to show a user. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
