package org.phasegate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.scenario.Verification;
import picocli.CommandLine.Option;

/** The scenario whose verification rules (k independent attestations per record type) and ids records are checked against. */
final class ScenarioOption {
    @Option(names = "--scenario", description = "Scenario YAML (default: the bundled Gaza scenario)")
    Path scenario;

    Verification rule() {
        return load().map(Scenario::verification).orElse(Verification.SINGLE);
    }

    /** The scenario given, else the bundled one if present. */
    Optional<Scenario> load() {
        var file = scenario != null ? scenario : Home.dir().resolve("scenarios").resolve("gaza-2025.yaml");
        if (scenario == null && Files.notExists(file)) return Optional.empty();
        return Optional.of(new ScenarioLoader().load(file));
    }
}
