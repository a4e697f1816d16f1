package org.phasegate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.phasegate.bargain.IssueFiles;
import org.phasegate.bargain.ResultFormats;
import org.phasegate.bargain.Smp;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.gate.GateEngine;
import org.phasegate.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The main job: the bundled Gaza scenario's state from its evidence, and where bargaining over phase 2 is likely to land.")
final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--as-of", converter = AsOf.class, description = "Date or instant (UTC); default: now") Instant asOf;

    @Override
    public Integer call() throws Exception {
        Path scenarios = Home.dir().resolve("scenarios");
        Path scenario = scenarios.resolve("gaza-2025.yaml");
        Path events = scenarios.resolve("gaza-2025.events.jsonl");
        var s = new ScenarioLoader().load(scenario);
        List<EvidenceRecord> records = Files.exists(events) ? s.eventsReader().read(events) : List.of();
        var out = spec.commandLine().getOut();
        out.printf("Phasegate demo: %s%n%s%n%d parties, %d obligations, %d gates, %d sources; %d evidence records%n%n",
                scenario, s.title(), s.parties().size(), s.obligations().size(), s.gates().size(), s.sources().size(), records.size());
        out.print(StatusText.render(new GateEngine(s).status(records, asOf == null ? Instant.now() : asOf)));
        Path issues = scenarios.resolve("gaza-2025-issues.yaml");
        if (Files.exists(issues)) {
            out.printf("%nBARGAINING over phase 2's terms (%s; actors' values are illustrative, sourced assumptions)%n", issues.getFileName());
            out.print(ResultFormats.summary(Smp.run(IssueFiles.read(issues))));
        }
        out.flush();
        return 0;
    }
}
