package org.phasegate.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects problems while reading one file, so that every error is reported at once. Adding and counting are
 * constant time; the problems are sorted by position once, when they are listed or thrown.
 */
public final class Problems {
    private final String file;
    private final List<Problem> found = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(Position at, String message, String hint) {
        found.add(new Problem(file, at.line(), at.column(), message, hint));
    }

    public void add(Position at, String message) {
        add(at, message, "");
    }

    /** Adds a problem found by another collector (for instance one record's own problems). */
    public void add(Problem problem) {
        found.add(problem);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** How many problems so far (with repeats); a reader compares it before and after a record. */
    public int size() {
        return found.size();
    }

    public List<Problem> list() {
        return found.stream()
                .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .distinct().toList();
    }

    /** Throws every problem found so far, if any. */
    public void throwIfAny() {
        if (!found.isEmpty()) throw new InvalidInputException(list());
    }
}
