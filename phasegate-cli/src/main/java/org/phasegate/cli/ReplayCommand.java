package org.phasegate.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.phasegate.gate.GateEngine;
import org.phasegate.gate.Transition;
import org.phasegate.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay evidence through a scenario and print the timeline of gate, obligation and phase changes.")
final class ReplayCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--scenario", required = true, description = "Scenario YAML") Path scenario;
    @Option(names = "--events", required = true, description = "Evidence records, JSON Lines") Path events;
    @Option(names = "--until", converter = AsOf.class, description = "Replay up to this date (default: the last record + 1 day)") Instant until;
    @Option(names = "--gates-only", description = "Show only gate changes") boolean gatesOnly;

    @Override
    public Integer call() {
        var s = new ScenarioLoader().load(scenario);
        var records = s.eventsReader().read(events);
        Instant end = until != null ? until : records.stream().map(r -> r.time()).max(Instant::compareTo)
                .orElse(s.start()).plusSeconds(86400);
        var report = new GateEngine(s).status(records, end);
        var out = spec.commandLine().getOut();
        out.printf("Replay of %s with %d records, %s .. %s%n", s.id(), records.size(), s.start(), end);
        for (Transition t : report.history()) {
            if (gatesOnly && t.kind() != Transition.Kind.GATE) continue;
            out.printf("%s  %-10s %-40s %s -> %s%n", t.time(), t.kind().name().toLowerCase(), t.id(), t.from(), t.to());
        }
        for (var o : report.obligations()) {
            String amended = o.schedule().describe(o.complete());
            if (!gatesOnly && !amended.isEmpty()) out.printf("deadline of %s at the end: %s%n", o.obligation().id(), amended);
            if (!gatesOnly) o.stages().forEach(st -> out.printf("%s of %s at the end: %s%n", st.stage().id(), o.obligation().id(), st.describe()));
        }
        out.flush();
        return 0;
    }
}
