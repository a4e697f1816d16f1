package org.phasegate.problem;

/** One thing wrong with an input, located precisely enough to fix it. Lines and columns are 1-based; 0 means unknown. */
public record Problem(String file, int line, int column, String message, String hint) {

    public Problem {
        if (message == null || message.isBlank()) throw new IllegalArgumentException("a problem needs a message");
        hint = hint == null ? "" : hint;
    }

    /** {@code file:line:col: message (hint)}, the format editors and CI logs understand. */
    public String render() {
        var where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + ": " + message + (hint.isEmpty() ? "" : " (" + hint + ")");
    }
}
