package org.phasegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "phasegate", mixinStandardHelpOptions = true, version = "phasegate 0.1.0",
        subcommands = {BargainCommand.class},
        description = "Executable phased peace agreements: sourced rules, verified evidence, gates and forecasts.")
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
