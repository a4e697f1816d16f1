package org.phasegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phasegate.durability.AgreementReader;
import org.phasegate.durability.ModelJson;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"P(agreement ended within H days of its pa_date) for every agreement of FILE, from a fitted MODEL.json.",
            "Writes CSV to standard output: header paid,p and one row per agreement, in the file's order."})
final class DurabilityPredictCommand implements Callable<Integer> {
    enum Format { csv }

    @Parameters(index = "0", paramLabel = "FILE", description = "Agreements CSV with paid, pa_date and the model's provision columns")
    Path file;

    @Option(names = "--model", paramLabel = "MODEL.json", required = true, description = "A model written by 'durability fit'")
    Path model;

    @Option(names = "--horizon-days", paramLabel = "H", required = true, description = "Days after signing")
    double horizonDays;

    @Option(names = "--format", description = "Output format: ${COMPLETION-CANDIDATES} (${DEFAULT-VALUE})")
    Format format = Format.csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(horizonDays >= 0) || Double.isInfinite(horizonDays)) {
            throw new InvalidInputException(new Problem("--horizon-days " + horizonDays, 0, 0, "the horizon must be a finite number of days, 0 or more",
                    "e.g. --horizon-days 365"));
        }
        var fitted = ModelJson.load(model).weibull();
        var data = new AgreementReader(false).read(file);
        var missing = fitted.covariates().stream().filter(c -> !data.agreements().get(0).provisions().containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(new Problem(file.toString(), 1, 1, "no column for the model's provision(s) " + String.join(", ", missing),
                    "the model " + model + " uses " + String.join(", ", fitted.covariates())));
        }
        var csv = new StringBuilder("paid,p\n");
        for (var a : data.agreements()) {
            csv.append(Outputs.csvField(a.id())).append(',').append(fitted.ended(horizonDays, a.provisions())).append('\n');
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(csv);
        w.flush();
        return 0;
    }
}
