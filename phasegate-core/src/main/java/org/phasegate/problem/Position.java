package org.phasegate.problem;

/** Where something stands in a source file; 1-based, 0 when unknown. */
public record Position(int line, int column) {
    public static final Position UNKNOWN = new Position(0, 0);
}
