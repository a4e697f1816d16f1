package org.phasegate.bargain;

/**
 * Bad input in an issue file. The message reads {@code file:line: what is wrong and what to do},
 * ready to show to a user as it is.
 */
public final class IssueParseException extends Exception {
    private final String file;
    private final int line;

    public IssueParseException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based line number; 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}
