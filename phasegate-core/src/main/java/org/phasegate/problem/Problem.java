package org.phasegate.problem;

/** One thing wrong with an input, located precisely enough to fix it. Lines and columns are 1-based; 0 means unknown. */
public record Problem(String file, int line, int column, String message, String hint) {
    /** A message is a sentence about a value, not the value: readers quote values with {@link Quote}; this is the backstop. */
    static final int MAX_MESSAGE = 600;

    public Problem {
        if (message == null || message.isBlank()) throw new IllegalArgumentException("a problem needs a message");
        line = Math.max(0, line);       // parsers say -1 for "unknown"
        column = line == 0 ? 0 : Math.max(0, column);
        file = file == null ? "" : file;
        hint = hint == null ? "" : hint;
        message = capped(message);
        hint = capped(hint);
    }

    private static String capped(String text) {
        if (text.length() <= MAX_MESSAGE) return text;
        int end = Character.isHighSurrogate(text.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
        return text.substring(0, end) + "… (" + text.length() + " characters in all)";
    }

    /** {@code file:line:col: message (hint)}, the format editors and CI logs understand. */
    public String render() {
        var where = line == 0 ? file : column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
        return where + ": " + message + (hint.isEmpty() ? "" : " (" + hint + ")");
    }
}
