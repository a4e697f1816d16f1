package org.phasegate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.phasegate.scenario.ScenarioLoader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code scenario check|show}, its picocli model built in code (see {@link Specs}). */
final class ScenarioCommand {
    private ScenarioCommand() {
    }

    /** The {@code scenario} command with the subcommand {@code named} only, or with both when it names neither. */
    static CommandSpec spec(String named) {
        var spec = Specs.command(null, "scenario", "Check or show scenario files.");
        boolean both = !"check".equals(named) && !"show".equals(named);
        if (both || "check".equals(named)) spec.addSubcommand("check", new Check().spec);
        if (both || "show".equals(named)) spec.addSubcommand("show", new Show().spec);
        return Specs.withStandardHelp(spec);
    }

    static final class Check implements Callable<Integer> {
        private final PositionalParamSpec files = PositionalParamSpec.builder().required(true).index("0..*").arity("1..*").paramLabel("FILE")
                .type(List.class).auxiliaryTypes(Path.class).converters(Specs.PATH).description("Scenario YAML files").build();
        private final CommandSpec spec = Specs.withStandardHelp(Specs.command(this, "check",
                "Validate scenario files; print every problem as file:line:col: message (hint). Exit 2 on any.").addPositional(files));

        @Override
        public Integer call() {
            int bad = 0;
            int exit = 0;
            var err = spec.commandLine().getErr();
            for (Path f : Specs.<List<Path>>value(files, List.of())) {
                try {
                    var s = new ScenarioLoader().load(f);
                    // not printf: its %d loads the locale's number formats, a tenth of this command's start-up
                    spec.commandLine().getOut().println(f + ": ok (" + s.parties().size() + " parties, " + s.obligations().size()
                            + " obligations, " + s.gates().size() + " gates, " + s.sources().size() + " sources)");
                } catch (RuntimeException e) {   // every file is checked, whatever happened to the one before
                    Failures.describe(e, err);
                    bad += Math.max(1, Failures.problems(e).size());
                    exit = Math.max(exit, Failures.exitCode(e));
                }
            }
            if (bad > 0) err.println(bad + (bad == 1 ? " problem" : " problems") + " found.");
            return exit;
        }
    }

    static final class Show implements Callable<Integer> {
        private final PositionalParamSpec file = PositionalParamSpec.builder().required(true).index("0").paramLabel("FILE").type(Path.class).converters(Specs.PATH)
                .description("Scenario YAML").build();
        private final CommandSpec spec = Specs.withStandardHelp(Specs.command(this, "show", "Print a scenario as a readable tree.")
                .addPositional(file));

        @Override
        public Integer call() {
            Path f = file.getValue();
            spec.commandLine().getOut().print(ScenarioTree.render(new ScenarioLoader().load(f)));
            return 0;
        }
    }
}
