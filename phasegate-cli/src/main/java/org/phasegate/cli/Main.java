package org.phasegate.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "phasegate", mixinStandardHelpOptions = true, version = "phasegate 0.1.0",
        description = "Executable phased peace agreements: sourced rules, verified evidence, gates and forecasts.")
public final class Main {
    /** Exit code for bad input (scenario, events file, arguments); see {@link Failures}. */
    static final int BAD_INPUT = Failures.BAD_INPUT;

    /**
     * The subcommands, built only when used: a command line naming one builds that one alone, so `scenario check`
     * never loads the store's classes. Help and unknown commands get them all.
     */
    private static final Map<String, String> COMMANDS = commands();

    /** By class name, so a command's class is not even loaded unless it runs. */
    private static Map<String, String> commands() {
        var m = new LinkedHashMap<String, String>();
        for (String name : new String[] {"Demo", "Scenario", "Status", "Replay", "Bargain", "Forecast", "Durability", "User", "Org", "Record", "Ledger", "Registry", "Import"}) {
            m.put(name.toLowerCase(java.util.Locale.ROOT), "org.phasegate.cli." + name + "Command");
        }
        return m;
    }

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

    /** Runs one command line; used by main and by tests, which capture both streams. Every failure goes to {@link Failures}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs one command line in the given environment (tests give passwords this way). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        var cli = commandLine(args, env);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> Failures.report(e, cmd.getErr()));
        int code = cli.execute(args);
        // print() does not flush an autoflush PrintWriter; without this, long output is cut at the buffer size.
        out.flush();
        err.flush();
        return code;
    }

    /** The command line for these arguments: the named subcommand only, or all of them. */
    static CommandLine commandLine(String[] args) {
        return commandLine(args, System.getenv());
    }

    static CommandLine commandLine(String[] args, Map<String, String> env) {
        var cli = new CommandLine(new Main(env));
        var named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) cli.addSubcommand(args[0], command(named));
        else COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command(command)));
        return cli;
    }

    private static Class<?> command(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the build lacks " + className, e);
        }
    }
}
