package org.phasegate.cli;

import picocli.CommandLine.Command;

@Command(name = "durability", mixinStandardHelpOptions = true,
        description = {"How long peace agreements last: a Weibull proportional-hazards model over the UCDP Peace Agreement",
            "Dataset, with provisions as covariates (docs/durability.md)."},
        subcommands = {DurabilityFitCommand.class, DurabilityPredictCommand.class})
final class DurabilityCommand {
}
