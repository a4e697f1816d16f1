package org.phasegate.importing;

import java.util.Objects;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Quote;

/**
 * A source row the importer refused: where (line, column), the value (quoted, at most 80 characters, when shown) and
 * why. {@code raw} is the row as read, kept for the quarantine file.
 */
public record Rejection(long line, String column, String value, String reason, String raw) {
    public Rejection {
        if (line < 0) throw new IllegalArgumentException("line " + line + " is negative");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(reason, "reason");
        raw = raw == null ? "" : raw;
    }

    /** {@code file:line: column 'c' has 'value': reason}, as every located problem in Phasegate. */
    public Problem problem(String file) {
        var what = column.isEmpty() ? "row" : "column '" + column + "'";
        var shown = value == null ? "" : value.isEmpty() ? " is empty" : " has " + Quote.of(value);
        return new Problem(file, (int) Math.min(Integer.MAX_VALUE, line), 0, what + shown + ": " + reason,
                "fix the row, or import with --quarantine FILE to set bad rows aside");
    }
}
