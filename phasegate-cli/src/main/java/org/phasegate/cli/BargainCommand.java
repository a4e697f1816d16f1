package org.phasegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.phasegate.bargain.BargainResult;
import org.phasegate.bargain.Issue;
import org.phasegate.bargain.IssueFiles;
import org.phasegate.bargain.IssueParseException;
import org.phasegate.bargain.PositionChart;
import org.phasegate.bargain.ResultFormats;
import org.phasegate.bargain.Smp;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code bargain}, its picocli model built in code (see {@link Specs}). */
final class BargainCommand implements Callable<Integer> {
    private static final int CHART_WIDTH = 60;

    private final PositionalParamSpec file = PositionalParamSpec.builder().required(true).index("0").paramLabel("FILE").type(Path.class).converters(Specs.PATH)
            .description("Issue file: .csv, .xml (KTAB) or .yaml (Phasegate)").build();
    private final OptionSpec out = OptionSpec.builder("--out").paramLabel("DIR").type(Path.class).converters(Specs.PATH)
            .description("Write positions.csv, ideals.csv, win-probabilities.csv, result.json, summary.txt, positions.svg and positions.png here")
            .build();
    private final OptionSpec seed = OptionSpec.builder("--seed").paramLabel("<seed>").type(String.class)
            .description("Seed for stochastic runs (unsigned 64-bit); default: the file's seed").build();
    private final OptionSpec stochastic = OptionSpec.builder("--stochastic").paramLabel("<stochastic>").type(boolean.class).initialValue(false)
            .description("Draw each actor's move by its probabilities instead of taking the most probable").build();
    private final OptionSpec params = OptionSpec.builder("-P", "--param").paramLabel("NAME=VALUE").type(Map.class)
            .auxiliaryTypes(String.class, String.class).initialValue(new LinkedHashMap<String, String>())
            .description("Override a model parameter with KTAB's names, e.g. -P VotingRule=PropCbc -P PCEModel=MarkovIncentive").build();
    private final OptionSpec json = OptionSpec.builder("--json").paramLabel("<json>").type(boolean.class).initialValue(false)
            .description("Print the full result as JSON instead of the summary and text chart").build();
    private final OptionSpec chartWidth = OptionSpec.builder("--chart-width").paramLabel("<chartWidth>").type(int.class).initialValue(CHART_WIDTH)
            .description("Columns of the text chart (default: ${DEFAULT-VALUE})").build();
    private final CommandSpec spec = Specs.withStandardHelp(Specs.command(this, "bargain",
                    "Where bargaining over an issue is likely to land: KTAB's spatial model of politics.",
                    "FILE is a KTAB .csv or .xml scenario or a Phasegate .yaml issue file (see docs/bargaining.md).")
            .addPositional(file).addOption(out).addOption(seed).addOption(stochastic).addOption(params).addOption(json).addOption(chartWidth));

    /** The command's model, with this object as the one that runs it. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IssueParseException {
        PrintWriter outW = spec.commandLine().getOut();
        Path input = file.getValue();
        Issue issue = BargainOptions.apply(IssueFiles.read(input), Specs.value(params, Map.of()), seed.getValue(),
                Specs.value(stochastic, false), input.toString());
        BargainResult result = Smp.run(issue);
        Path out = this.out.getValue();
        if (Specs.value(json, false)) {
            outW.print(ResultFormats.json(result));
        } else {
            outW.print(ResultFormats.summary(result));
            outW.println();
            outW.print(PositionChart.text(result, Math.max(10, Specs.value(chartWidth, CHART_WIDTH))));
        }
        if (out != null) {
            try {
                write(result, out);
            } catch (IOException e) {
                throw new OutputProblem("--out", out, e);
            }
            outW.println("wrote " + out.resolve("positions.csv") + " and charts to " + out);
        }
        outW.flush();
        return 0;
    }

    private static void write(BargainResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("positions.csv"), ResultFormats.positionsCsv(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ideals.csv"), ResultFormats.idealsCsv(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("win-probabilities.csv"), ResultFormats.winProbabilitiesCsv(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("result.json"), ResultFormats.json(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.txt"), ResultFormats.summary(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("positions.svg"), PositionChart.svg(r), StandardCharsets.UTF_8);
        PngChart.write(r, dir.resolve("positions.png"));
    }
}
