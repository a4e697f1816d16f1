package org.phasegate.importing;

import java.util.Objects;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Quote;

/**
 * A source row the importer refused: where (line, column), the value (quoted, at most 80 characters, when shown) and
 * why. {@code raw} is the row as read, kept for the quarantine file. {@code position} is the character on the line
 * where the row starts (1-based; 0 when not known): a minified JSON file is one line.
 */
public record Rejection(long line, String column, String value, String reason, String raw, int position) {
    public Rejection {
        if (line < 0) throw new IllegalArgumentException("line " + line + " is negative");
        if (position < 0) throw new IllegalArgumentException("position " + position + " is negative");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(reason, "reason");
        raw = raw == null ? "" : raw;
    }

    public Rejection(long line, String column, String value, String reason, String raw) {
        this(line, column, value, reason, raw, 0);
    }

    /** The same rejection with {@code prefix} before its reason (which feature of a file) and at {@code position} of its line. */
    public Rejection at(int position, String prefix) {
        return new Rejection(line, column, value, prefix + reason, raw, position);
    }

    /** {@code file:line[:position]: column 'c' has 'value': reason}, as every located problem in Phasegate. */
    public Problem problem(String file) {
        var what = column.isEmpty() ? "row" : "column '" + column + "'";
        var shown = value == null ? "" : value.isEmpty() ? " is empty" : " has " + Quote.of(value);
        return new Problem(file, (int) Math.min(Integer.MAX_VALUE, line), position, what + shown + ": " + reason,
                "fix the row, or import with --quarantine FILE to set bad rows aside");
    }
}
