package org.phasegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phasegate.durability.AgreementReader;
import org.phasegate.durability.DurabilityModel;
import org.phasegate.durability.ModelJson;
import org.phasegate.durability.RollingOrigin;
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
            "Prints hazard ratios with 95%% intervals, the covariates chosen by cross-validation and why, and how a fit",
            "on the agreements signed before --split-year does on the later ones, and a rolling-origin time-split",
            "cross-validation (concordance, Brier at 1 and 2 years beside the Kaplan-Meier base rate)."})
final class DurabilityFitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Agreements CSV, e.g. ../shared/data/agreements/ucdp-pad-1975-2004.csv")
    Path file;

    @Option(names = "--out", paramLabel = "MODEL.json", required = true, description = "Where to write the fitted model")
    Path out;

    @Option(names = "--split-year", paramLabel = "YEAR", description = "Time split for the out-of-sample check (${DEFAULT-VALUE})")
    int splitYear = 1995;

    @Option(names = "--cv-origins", paramLabel = "YEAR", split = ",",
            description = "Origin years of the rolling-origin cross-validation (default: 1993,1995,1997,2000)")
    java.util.List<Integer> cvOrigins = RollingOrigin.DEFAULT_ORIGINS;

    @Option(names = "--covariates", paramLabel = "CODE", split = ",",
            description = "Fit exactly these provision codes (e.g. cease,pko) instead of choosing by cross-validation")
    java.util.List<String> covariates = java.util.List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        for (String c : covariates) {
            if (!org.phasegate.durability.Provisions.CODES.contains(c)) {
                throw new InvalidInputException(new Problem("--covariates " + String.join(",", covariates), 0, 0, "unknown provision code '" + c + "'",
                        org.phasegate.problem.Hints.didYouMean(c, org.phasegate.durability.Provisions.CODES)));
            }
        }
        var data = new AgreementReader().read(file);
        TimeSplit split;
        try {
            split = TimeSplit.of(data.agreements(), splitYear, covariates);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(new Problem("--split-year " + splitYear, 0, 0, e.getMessage(),
                    "choose a year inside the signing years of " + file));
        }
        RollingOrigin cv = crossValidate(data.agreements());
        DurabilityModel model;
        try {
            model = covariates.isEmpty() ? DurabilityModel.fit(data) : DurabilityModel.fit(data, covariates);
        } catch (ArithmeticException e) {
            throw new InvalidInputException(new Problem(file.toString(), 0, 0, "the model cannot be fitted to this file: " + e.getMessage(),
                    "check that some agreements ended and that no covariate is the same for all of them"));
        }
        Outputs.writeAtomically(out, ModelJson.write(model));
        PrintWriter w = spec.commandLine().getOut();
        w.print(DurabilityText.fit(model, data.events()));
        w.print(DurabilityText.split(split));
        w.print(DurabilityText.crossValidation(cv));
        w.println("wrote " + out);
        w.flush();
        return 0;
    }

    private RollingOrigin crossValidate(java.util.List<org.phasegate.durability.Agreement> agreements) {
        String option = "--cv-origins " + String.join(",", cvOrigins.stream().map(String::valueOf).toList());
        try {
            return RollingOrigin.of(agreements, cvOrigins, covariates);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(new Problem(option, 0, 0, e.getMessage(),
                    "choose increasing years that leave enough agreements before and after each in " + file));
        } catch (ArithmeticException e) {
            throw new InvalidInputException(new Problem(option, 0, 0, "a block of the cross-validation cannot be fitted: " + e.getMessage(),
                    "choose origins that leave more ended agreements before each"));
        }
    }
}
