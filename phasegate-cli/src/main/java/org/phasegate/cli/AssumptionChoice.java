package org.phasegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.phasegate.forecast.AssumptionSet;
import org.phasegate.forecast.AssumptionSetReader;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.Scenario;

/** {@code --assumptions NAME|FILE}: a bundled set by name, a YAML file, or (when omitted) the first bundled set by name. */
final class AssumptionChoice {
    private AssumptionChoice() {
    }

    /** Loads the set; when it was chosen by default, says which on {@code notes} (if not null). */
    static AssumptionSet load(Path scenarioFile, String choice, Scenario s, PrintWriter notes) {
        String name = choice != null ? choice : firstBundled(scenarioFile);
        boolean named = !(name.endsWith(".yaml") || name.endsWith(".yml"));
        Path file = named ? AssumptionSetReader.bundled(scenarioFile, name) : Path.of(name);
        if (Files.notExists(file)) {
            throw new InvalidInputException(new Problem("--assumptions " + name, 0, 0, "no such assumption set: " + file + " does not exist",
                    named ? "name a set in " + file.getParent() + ", or give a YAML file" : "check the path"));
        }
        if (choice == null && notes != null) notes.println("phasegate: assumption set '" + name + "' (the first bundled set by name; --assumptions to choose)");
        return new AssumptionSetReader().load(file, s);
    }

    private static String firstBundled(Path scenarioFile) {
        Path dir = AssumptionSetReader.bundled(scenarioFile, "x").getParent();
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(new Problem(scenarioFile.toString(), 0, 0, "the scenario has no bundled assumption sets (" + dir + ")",
                    "give one with --assumptions FILE"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().findFirst()
                    .map(n -> n.substring(0, n.length() - 5))
                    .orElseThrow(() -> new InvalidInputException(new Problem(dir.toString(), 0, 0, "no assumption set in this directory",
                            "give one with --assumptions FILE")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
