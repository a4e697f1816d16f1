package org.phasegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.sql.SQLException;
import java.util.List;
import org.phasegate.bargain.IssueParseException;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Quote;

/**
 * The one place where a command's failure becomes a message and an exit code: located problems as
 * {@code file:line:col: message (hint)} and exit {@value #BAD_INPUT}; a refusal of what the user asked, exit 2;
 * a database, file-system or other environment failure, exit {@value #ENVIRONMENT}; a store whose tables do not match its
 * ledger, exit {@code LedgerCommand.TAMPERED}. Only a bug says "please report".
 */
final class Failures {
    /** Bad input: files, options, arguments, requests the store refuses. */
    static final int BAD_INPUT = 2;
    /** The environment failed: database, disk, an I/O error that is not the user's path. */
    static final int ENVIRONMENT = 1;

    private Failures() {
    }

    /** Prints what went wrong and, for located problems, how many; returns the exit code. */
    static int report(Throwable e, PrintWriter err) {
        var problems = problems(e);
        describe(e, err);
        if (!problems.isEmpty()) err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found.");
        err.flush();
        return exitCode(e);
    }

    /** The located problems an exception carries (empty when it carries none). */
    static List<Problem> problems(Throwable e) {
        return switch (e) {
            case InvalidInputException bad -> bad.problems();
            case IssueParseException bad -> bad.problems();
            default -> List.of();
        };
    }

    /** Prints the failure without a summary line (a multi-file check adds its own). */
    static void describe(Throwable e, PrintWriter err) {
        var problems = problems(e);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(p.render()));
            return;
        }
        err.println("phasegate: " + message(e));
        if (exitCode(e) == ENVIRONMENT && !expected(e)) {
            if (System.getenv("PHASEGATE_DEBUG") != null) e.printStackTrace(err);
            else err.println("(this is a bug in phasegate: set PHASEGATE_DEBUG=1 for details, and please report it)");
        }
    }

    /** One line saying what failed, for a user. */
    static String message(Throwable e) {
        if (e instanceof OutputProblem out) return out.getMessage();
        if (e instanceof org.phasegate.store.StoreException s) {
            return databaseFailure(s) ? s.getMessage() + " (the store failed, not your input: check the database and disk, then retry)"
                    : s.getMessage();
        }
        var file = fileProblem(e);
        if (file != null) {
            return "cannot use " + file.getFile() + ": " + reason(file) + " (check that the path exists and that you may write there)";
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) return "input/output error: " + Quote.shorten(String.valueOf(e.getMessage()));
        return e.getClass().getSimpleName() + ": " + Quote.shorten(String.valueOf(e.getMessage()));
    }

    static int exitCode(Throwable e) {
        if (e instanceof org.phasegate.store.StoreTampered) return LedgerCommand.TAMPERED;
        if (e instanceof org.phasegate.store.StoreException s) return databaseFailure(s) ? ENVIRONMENT : BAD_INPUT;
        if (!problems(e).isEmpty() || e instanceof OutputProblem || fileProblem(e) != null) return BAD_INPUT;
        return ENVIRONMENT;
    }

    /** Failures of the environment that are not bugs: the store's database and the disk. */
    private static boolean expected(Throwable e) {
        // (StoreTampered is a StoreException: its own exit code, LedgerCommand.TAMPERED, and never "please report")
        return e instanceof org.phasegate.store.StoreException || e instanceof IOException || e instanceof UncheckedIOException;
    }

    /**
     * A store failure caused by the database or the disk, rather than a refusal of what was asked or a path the user
     * named (such as a --data-dir that cannot be made).
     */
    private static boolean databaseFailure(Throwable e) {
        if (fileProblem(e) != null) return false;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof IOException) return true;
        }
        return false;
    }

    /** A file the command could not read or write (an output directory that cannot be made, say), else null. */
    private static FileSystemException fileProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fs && fs.getFile() != null) return fs;
        }
        return null;
    }

    private static String reason(FileSystemException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file or directory";
            case AccessDeniedException x -> "permission denied";
            case FileAlreadyExistsException x -> "already exists and is not a directory";
            case NotDirectoryException x -> "not a directory";
            default -> e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        };
    }
}
