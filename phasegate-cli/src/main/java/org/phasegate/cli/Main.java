package org.phasegate.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.phasegate.problem.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "phasegate", mixinStandardHelpOptions = true, version = "phasegate 0.1.0",
        description = "Executable phased peace agreements: sourced rules, verified evidence, gates and forecasts.",
        subcommands = {DemoCommand.class, ScenarioCommand.class, StatusCommand.class, ReplayCommand.class,
                BargainCommand.class, ForecastCommand.class, DurabilityCommand.class,
                UserCommand.class, OrgCommand.class, RecordCommand.class, LedgerCommand.class, RegistryCommand.class})
public final class Main {
    /** Exit code for bad input (scenario, events file, arguments). */
    static final int BAD_INPUT = 2;

    private final Map<String, String> env;

    Main() {
        this(System.getenv());
    }

    private Main(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The environment the command runs in (passwords come from it). */
    Map<String, String> env() {
        return env;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; used by main and by tests, which capture both streams. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs one command line in the given environment (tests give passwords this way). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        var cli = new CommandLine(new Main(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd.getErr()));
        int code = cli.execute(args);
        // print() does not flush an autoflush PrintWriter; without this, long output is cut at the buffer size.
        out.flush();
        err.flush();
        return code;
    }

    private static int report(Exception e, PrintWriter err) {
        if (e instanceof InvalidInputException bad) {
            bad.problems().forEach(p -> err.println(p.render()));
            err.println(bad.problems().size() + (bad.problems().size() == 1 ? " problem" : " problems") + " found.");
            return BAD_INPUT;
        }
        if (e instanceof org.phasegate.store.StoreUnavailable unavailable) {
            err.println("phasegate: " + unavailable.getMessage());
            return 1;
        }
        if (e instanceof org.phasegate.store.StoreTampered tampered) {
            err.println("phasegate: " + tampered.getMessage());
            return LedgerCommand.TAMPERED;
        }
        if (e instanceof org.phasegate.store.StoreException refused) {
            err.println("phasegate: " + refused.getMessage());
            return BAD_INPUT;
        }
        var file = fileProblem(e);
        if (file != null) {
            err.println("phasegate: cannot use " + file.getFile() + ": " + reason(file) + " (check that the path exists and that you may write there)");
            return BAD_INPUT;
        }
        err.println("phasegate: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        if (System.getenv("PHASEGATE_DEBUG") != null) e.printStackTrace(err);
        else err.println("(set PHASEGATE_DEBUG=1 for details, and please report this)");
        return 1;
    }

    /** A file the command could not read or write (an output directory that cannot be made, say), else null. */
    private static java.nio.file.FileSystemException fileProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) return fs;
        }
        return null;
    }

    private static String reason(java.nio.file.FileSystemException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> "no such file or directory";
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.nio.file.FileAlreadyExistsException x -> "already exists and is not a directory";
            case java.nio.file.NotDirectoryException x -> "not a directory";
            default -> e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        };
    }
}
