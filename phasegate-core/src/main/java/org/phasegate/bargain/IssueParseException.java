package org.phasegate.bargain;

import java.util.List;
import java.util.stream.Collectors;
import org.phasegate.problem.Problem;

/**
 * Bad input in an issue file: every problem found, each rendered {@code file:line:col: what is wrong (what to do)},
 * ready to show to a user as it is.
 */
public final class IssueParseException extends Exception {
    private final List<Problem> problems;

    public IssueParseException(List<Problem> problems) {
        super(problems.stream().map(Problem::render).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) throw new IllegalArgumentException("no problems to report");
        this.problems = List.copyOf(problems);
    }

    public IssueParseException(String file, int line, int column, String problem) {
        this(List.of(new Problem(file, line, column, problem, "")));
    }

    public IssueParseException(String file, int line, String problem) {
        this(file, line, 0, problem);
    }

    public List<Problem> problems() {
        return problems;
    }

    public String file() {
        return problems.getFirst().file();
    }

    /** The first problem's 1-based line; 0 when it concerns the whole file. */
    public int line() {
        return problems.getFirst().line();
    }
}
