package org.phasegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phasegate.durability.AgreementReader;
import org.phasegate.durability.DurabilityModel;
import org.phasegate.durability.ModelJson;
import org.phasegate.durability.TimeSplit;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit the durability model to an agreements CSV (UCDP PAD columns) and write MODEL.json.",
            "Prints hazard ratios with 95% intervals, the covariates chosen by cross-validation and why, and how a fit",
            "on the agreements signed before --split-year does on the later ones."})
final class DurabilityFitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Agreements CSV, e.g. ../shared/data/agreements/ucdp-pad-1975-2004.csv")
    Path file;

    @Option(names = "--out", paramLabel = "MODEL.json", required = true, description = "Where to write the fitted model")
    Path out;

    @Option(names = "--split-year", paramLabel = "YEAR", description = "Time split for the out-of-sample check (${DEFAULT-VALUE})")
    int splitYear = 1995;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var data = new AgreementReader().read(file);
        TimeSplit split;
        try {
            split = TimeSplit.of(data.agreements(), splitYear);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(new Problem("--split-year " + splitYear, 0, 0, e.getMessage(),
                    "choose a year inside the signing years of " + file));
        }
        DurabilityModel model = DurabilityModel.fit(data);
        Outputs.writeAtomically(out, ModelJson.write(model));
        PrintWriter w = spec.commandLine().getOut();
        w.print(DurabilityText.fit(model, data.events()));
        w.print(DurabilityText.split(split));
        w.println("wrote " + out);
        w.flush();
        return 0;
    }
}
