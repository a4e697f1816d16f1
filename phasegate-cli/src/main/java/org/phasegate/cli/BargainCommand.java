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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bargain", mixinStandardHelpOptions = true,
        description = {"Where bargaining over an issue is likely to land: KTAB's spatial model of politics.",
            "FILE is a KTAB .csv or .xml scenario or a Phasegate .yaml issue file (see docs/bargaining.md)."})
final class BargainCommand implements Callable<Integer> {
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IssueParseException {
        PrintWriter outW = spec.commandLine().getOut();
        Issue issue = BargainOptions.apply(IssueFiles.read(file), params, seed, stochastic, file.toString());
        BargainResult result = Smp.run(issue);
        if (json) {
            outW.print(ResultFormats.json(result));
        } else {
            outW.print(ResultFormats.summary(result));
            outW.println();
            outW.print(PositionChart.text(result, Math.max(10, chartWidth)));
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
