package org.phasegate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.phasegate.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scenario", mixinStandardHelpOptions = true, description = "Check or show scenario files.",
        subcommands = {ScenarioCommand.Check.class, ScenarioCommand.Show.class})
final class ScenarioCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate scenario files; print every problem as file:line:col: message (hint). Exit 2 on any.")
    static final class Check implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario YAML files") List<Path> files;

        @Override
        public Integer call() {
            int bad = 0;
            int exit = 0;
            var err = spec.commandLine().getErr();
            for (Path f : files) {
                try {
                    var s = new ScenarioLoader().load(f);
                    spec.commandLine().getOut().printf("%s: ok (%d parties, %d obligations, %d gates, %d sources)%n",
                            f, s.parties().size(), s.obligations().size(), s.gates().size(), s.sources().size());
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

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a scenario as a readable tree.")
    static final class Show implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML") Path file;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(ScenarioTree.render(new ScenarioLoader().load(file)));
            return 0;
        }
    }
}
