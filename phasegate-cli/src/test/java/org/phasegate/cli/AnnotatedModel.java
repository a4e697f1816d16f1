package org.phasegate.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The annotations that described {@code phasegate}, {@code scenario} and {@code bargain} before their models were built
 * in code (main at ce142fe), kept verbatim as the reference {@link CommandModelTest} compares the built models with.
 * The commands' bodies are left out: calling one throws {@link Ran}, so a test knows that the line got past parsing.
 */
final class AnnotatedModel {
    private AnnotatedModel() {
    }

    /** Thrown by a reference command when picocli calls it: the command line parsed and asked for no help. */
    static final class Ran extends RuntimeException {
        Ran() {
            super("ran", null, false, false);
        }
    }

    /** The whole reference tree: the annotated root, scenario and bargain, and every other command as it is. */
    static CommandLine tree() {
        return tree(Main.commandNames());
    }

    /** The reference tree with only these commands under the root. */
    static CommandLine tree(List<String> commands) {
        var cli = new CommandLine(new Root());
        for (String name : commands) {
            cli.addSubcommand(name, switch (name) {
                case "scenario" -> Scenario.class;
                case "bargain" -> Bargain.class;
                default -> Main.commandClass(name);
            });
        }
        return cli;
    }

    @Command(name = "phasegate", mixinStandardHelpOptions = true, version = "phasegate 0.1.0",
            description = "Executable phased peace agreements: sourced rules, verified evidence, gates and forecasts.")
    static final class Root {
    }

    @Command(name = "scenario", mixinStandardHelpOptions = true, description = "Check or show scenario files.",
            subcommands = {Scenario.Check.class, Scenario.Show.class})
    static final class Scenario {
        @Command(name = "check", mixinStandardHelpOptions = true,
                description = "Validate scenario files; print every problem as file:line:col: message (hint). Exit 2 on any.")
        static final class Check implements Callable<Integer> {
            @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario YAML files") List<Path> files;

            @Override
            public Integer call() {
                throw new Ran();
            }
        }

        @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a scenario as a readable tree.")
        static final class Show implements Callable<Integer> {
            @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML") Path file;

            @Override
            public Integer call() {
                throw new Ran();
            }
        }
    }

    @Command(name = "bargain", mixinStandardHelpOptions = true,
            description = {"Where bargaining over an issue is likely to land: KTAB's spatial model of politics.",
                "FILE is a KTAB .csv or .xml scenario or a Phasegate .yaml issue file (see docs/bargaining.md)."})
    static final class Bargain implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "Issue file: .csv, .xml (KTAB) or .yaml (Phasegate)")
        Path file;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Write positions.csv, ideals.csv, win-probabilities.csv, result.json, summary.txt, positions.svg and positions.png here")
        Path out;

        @Option(names = "--seed", description = "Seed for stochastic runs (unsigned 64-bit); default: the file's seed")
        String seed;

        @Option(names = "--stochastic", description = "Draw each actor's move by its probabilities instead of taking the most probable")
        boolean stochastic;

        @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE",
                description = "Override a model parameter with KTAB's names, e.g. -P VotingRule=PropCbc -P PCEModel=MarkovIncentive")
        Map<String, String> params = new LinkedHashMap<>();

        @Option(names = "--json", description = "Print the full result as JSON instead of the summary and text chart")
        boolean json;

        @Option(names = "--chart-width", description = "Columns of the text chart (default: ${DEFAULT-VALUE})")
        int chartWidth = 60;

        @Override
        public Integer call() {
            throw new Ran();
        }
    }
}
