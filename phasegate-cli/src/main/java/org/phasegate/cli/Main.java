package org.phasegate.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The {@code phasegate} command: its picocli model is built in code, as are the short commands' (see {@link Specs}). */
public final class Main {
    /** Exit code for bad input (scenario, events file, arguments); see {@link Failures}. */
    static final int BAD_INPUT = Failures.BAD_INPUT;

    /**
     * The subcommands, built only when used: a command line naming one builds that one alone, so `scenario check`
     * never loads the store's classes. Help and unknown commands get them all.
     */
    private static final List<String> COMMANDS =
            List.of("demo", "scenario", "status", "replay", "bargain", "forecast", "durability", "user", "org", "record", "ledger", "registry", "backtest", "import", "serve", "bench");

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
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        // On success with nothing left running, the JVM ends as after any main: Runtime.exit would first look up its
        // System.Logger (a ServiceLoader and java.util.logging), a tenth of a short command's start-up.
        if (code != 0 || otherThreadsKeepTheJvmAlive()) System.exit(code);
    }

    /** Whether a thread other than this one would keep the JVM running after main returns (or whether that is unclear). */
    static boolean otherThreadsKeepTheJvmAlive() {
        var root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) root = root.getParent();
        var threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        if (n == threads.length) return true;
        for (int i = 0; i < n; i++) {
            if (!threads[i].isDaemon() && threads[i] != Thread.currentThread()) return true;
        }
        return false;
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
        var root = Specs.command(new Main(env), "phasegate",
                "Executable phased peace agreements: sourced rules, verified evidence, gates and forecasts.");
        root.version("phasegate 0.1.0");
        var cli = new CommandLine(Specs.withStandardHelp(root));
        if (args.length > 0 && COMMANDS.contains(args[0])) cli.addSubcommand(args[0], command(args[0], args.length > 1 ? args[1] : null));
        else COMMANDS.forEach(name -> cli.addSubcommand(name, command(name, null)));
        return cli;
    }

    /** The subcommands' names, in the order help lists them. */
    static List<String> commandNames() {
        return COMMANDS;
    }

    /** A command's model: built in code for the short, everyday commands, else read from its class's annotations. */
    private static Object command(String name, String subcommand) {
        return switch (name) {
            case "scenario" -> ScenarioCommand.spec(subcommand);
            case "bargain" -> new BargainCommand().spec();
            default -> commandClass(name);
        };
    }

    /** An annotated command's class, found by name so that it is not even loaded unless it runs. */
    static Class<?> commandClass(String name) {
        String className = "org.phasegate.cli." + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Command";
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the build lacks " + className, e);
        }
    }
}
