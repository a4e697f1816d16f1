package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * The models built in code ({@link Specs}) against the annotations they replaced ({@link AnnotatedModel}): the same
 * commands, options, names, arity, types, defaults and help text, and the same parse, help, version and exit code for
 * every command line, hand-picked or generated from a seed.
 */
class CommandModelTest {
    /** Words a generated command line is made of: commands, every option of the built commands, values good and bad. */
    private static final String[] WORDS = {"scenario", "check", "show", "bargain", "status", "-h", "--help", "-V", "--version",
        "-hV", "--json", "--stochastic", "--stochastic=false", "--seed", "--seed=7", "7", "-1", "--chart-width", "--chart-width=20",
        "x", "-P", "-PVotingRule=Binary", "A=B", "novalue", "--param", "--out", "dir", "a.yaml", "b.xml", "--nope", "-", "--",
        "@", ""};

    @Test
    void theBuiltTreeDescribesEveryCommandAsTheAnnotationsDid() {
        assertThat(describe(Main.commandLine(new String[0]))).isEqualTo(describe(AnnotatedModel.tree()));
    }

    @Test
    void eachCommandNamedAloneIsBuiltAsInTheWholeTree() {
        for (String[] line : List.of(new String[] {"scenario", "check"}, new String[] {"scenario", "show"}, new String[] {"bargain"})) {
            var alone = Main.commandLine(line).getSubcommands().get(line[0]);
            var whole = AnnotatedModel.tree().getSubcommands().get(line[0]);
            if (line.length > 1) {
                assertThat(alone.getSubcommands().keySet()).containsExactly(line[1]);
                alone = alone.getSubcommands().get(line[1]);
                whole = whole.getSubcommands().get(line[1]);
            }
            assertThat(describe(alone)).isEqualTo(describe(whole));
        }
    }

    @Test
    void handPickedLinesGiveTheSameParseHelpAndExitCode() {
        for (String line : List.of("", "--help", "-V", "nosuch", "scenario", "scenario -h", "scenario check", "scenario check -V x",
                "scenario show", "scenario show a b", "scenario nosuch", "bargain", "bargain --help", "bargain f --chart-width",
                "bargain f --chart-width x", "bargain f -P novalue", "bargain f --stochastic=maybe", "bargain a b",
                "bargain f --seed 5 --stochastic -P A=B -P C=D --json --out d --chart-width 9", "scenario check a b c", "scenario show a",
                "scenario show a\u0000b", "scenario check a \u0000", "bargain f --out \u0000")) {
            assertSameOutcome(line.isEmpty() ? new String[0] : line.split(" "), line);
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 10).map(i -> 0x5EED_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedLinesGiveTheSameParseHelpAndExitCode(long seed) {
        var random = new SplittableRandom(seed);
        for (int n = 0; n < 12; n++) {
            String[] args = line(random);
            assertSameOutcome(args, "seed " + seed + ", line " + Arrays.toString(args));
        }
    }

    /** A command line that starts with a built command (most of the time) and goes on with any words. */
    private static String[] line(SplittableRandom random) {
        var words = new ArrayList<String>();
        int start = random.nextInt(10);
        if (start < 4) words.add("bargain");
        else if (start < 8) words.addAll(List.of("scenario", random.nextBoolean() ? "check" : "show"));
        for (int i = random.nextInt(6); i > 0; i--) words.add(WORDS[random.nextInt(WORDS.length)]);
        return words.toArray(String[]::new);
    }

    /**
     * What picocli makes of a command line, built and annotated: the values it parsed into every option and parameter
     * of the commands the line names; and, when it gets no further than parsing (help, version, an error), what
     * {@code execute} prints and returns. The reference commands throw {@link AnnotatedModel.Ran} when called; then the
     * built ones are not run.
     */
    private static void assertSameOutcome(String[] args, String description) {
        String expectedRun = executed(reference(args), args);
        String expected = parsed(reference(args), args) + expectedRun;
        String actual = parsed(Main.commandLine(args), args) + (expectedRun.equals("ran") ? "ran" : executed(Main.commandLine(args), args));
        assertThat(actual).as(description).isEqualTo(expected);
    }

    /** The reference tree; when the line names a command, that command alone under the root (the root's help is not reached). */
    private static CommandLine reference(String[] args) {
        return args.length > 0 && Main.commandNames().contains(args[0]) ? AnnotatedModel.tree(List.of(args[0])) : AnnotatedModel.tree();
    }

    private static String parsed(CommandLine cli, String[] args) {
        var parsed = new StringBuilder();
        try {
            for (var level : cli.parseArgs(args).asCommandLineList()) {
                parsed.append(level.getCommandSpec().qualifiedName()).append(' ').append(values(level.getCommandSpec())).append('\n');
            }
        } catch (ParameterException e) {
            parsed.append("refused: ").append(e.getMessage()).append('\n');
        }
        return parsed.toString();
    }

    private static String executed(CommandLine cli, String[] args) {
        var out = new StringWriter();
        var err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof AnnotatedModel.Ran) return -1;
            throw e;
        });
        int code = cli.execute(args);
        return code == -1 ? "ran" : "exit " + code + "\nout:\n" + out + "err:\n" + err;
    }

    private static Map<String, String> values(CommandSpec spec) {
        var values = new TreeMap<String, String>();
        for (ArgSpec arg : spec.args()) values.put(name(arg), String.valueOf((Object) arg.getValue()));
        return values;
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : "positional " + ((PositionalParamSpec) arg).index();
    }

    /** Every attribute of a command tree that picocli's help, parsing or exit codes read (no resource bundle is used, so not its keys). */
    private static String describe(CommandLine cli) {
        var spec = cli.getCommandSpec();
        var d = new StringBuilder();
        d.append("command ").append(spec.qualifiedName()).append(" aliases ").append(Arrays.toString(spec.aliases()))
                .append(" version ").append(Arrays.toString(spec.version()))
                .append(" standard help ").append(spec.mixinStandardHelpOptions())
                .append(" exit codes ").append(List.of(spec.exitCodeOnSuccess(), spec.exitCodeOnUsageHelp(), spec.exitCodeOnVersionHelp(),
                        spec.exitCodeOnInvalidInput(), spec.exitCodeOnExecutionException()))
                .append(" subcommands ").append(cli.getSubcommands().keySet())
                .append("\nusage:\n").append(cli.getUsageMessage()).append('\n');
        for (ArgSpec arg : spec.args()) d.append(describe(arg)).append('\n');
        for (var sub : cli.getSubcommands().values()) d.append(describe(sub));
        return d.toString();
    }

    private static String describe(ArgSpec arg) {
        var d = new StringBuilder(name(arg));
        if (arg instanceof OptionSpec o) {
            d.append(" names ").append(Arrays.toString(o.names())).append(" usage help ").append(o.usageHelp())
                    .append(" version help ").append(o.versionHelp()).append(" negatable ").append(o.negatable())
                    .append(" order ").append(o.order());
        } else {
            d.append(" index ").append(((PositionalParamSpec) arg).index());
        }
        return d.append(" arity ").append(arg.arity()).append(" label ").append(arg.paramLabel())
                .append(" type ").append(arg.type().getName()).append(" auxiliary ").append(Arrays.toString(arg.auxiliaryTypes()))
                .append(" required ").append(arg.required()).append(" hidden ").append(arg.hidden())
                .append(" description ").append(Arrays.toString(arg.description()))
                .append(" default ").append(arg.defaultValueString()).append(" initial ").append(arg.initialValue())
                .append(" split ").append(arg.splitRegex()).append(" interactive ").append(arg.interactive())
                .append(" scope ").append(arg.scopeType()).toString();
    }
}
