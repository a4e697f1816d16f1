package org.phasegate.store.ledger;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/** An iterator over what a reader gives one at a time, {@code null} at the end; it reads one ahead to answer hasNext. */
final class Lookahead<T> implements Iterator<T> {
    private final Supplier<T> read;
    private T next;

    Lookahead(Supplier<T> read) {
        this.read = read;
        this.next = read.get();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public T next() {
        if (next == null) throw new NoSuchElementException();
        var current = next;
        next = read.get();
        return current;
    }
}
