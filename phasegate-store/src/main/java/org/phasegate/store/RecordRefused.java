package org.phasegate.store;

/** A record in a batch that was refused; names the line of the input it came from. Nothing of the batch was written. */
public final class RecordRefused extends StoreException {
    private final int line;

    public RecordRefused(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
