package org.phasegate.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.phasegate.gate.GateEngine;
import org.phasegate.gate.StatusJson;
import org.phasegate.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Every obligation's status, every gate open or closed and why not, each phase's critical path, each party's reciprocity ledger.")
final class StatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--scenario", required = true, description = "Scenario YAML") Path scenario;
    @Option(names = "--events", description = "Evidence records, JSON Lines; without it, the verified records in the evidence store") Path events;
    @picocli.CommandLine.Mixin StoreOptions store;
    @Option(names = "--as", description = "Whose view of the store: this user's (password in PHASEGATE_PASSWORD; restricted records count for monitors, board, admins); default: the public's") String as;
    @Option(names = "--role", hidden = true, description = "Old; may only narrow the view to the public's") String role;
    @Option(names = "--as-of", converter = AsOf.class, description = "Date or instant (UTC); default: now") Instant asOf;
    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})") Format format;

    enum Format { text, json }

    @Override
    public Integer call() throws Exception {
        var s = new ScenarioLoader().load(scenario);
        var out = spec.commandLine().getOut();
        Instant at = asOf == null ? Instant.now() : asOf;
        var imported = org.phasegate.store.imports.ImportedSeries.EMPTY;
        var upTo = org.phasegate.store.imports.ImportedSeries.notRead(s);
        java.util.List<org.phasegate.evidence.EvidenceRecord> records;
        if (events != null) {
            records = s.eventsReader().read(events);
        } else {
            try (var st = store.open(s.verification(), false)) {
                records = st.records().verified(Acting.of(spec).reader(st, as, role));
                if (s.measures().stream().anyMatch(ImportedData::readsImports)) {
                    imported = ImportedData.load(st, s);
                    upTo = imported.dataUpTo(s, at);
                }
            }
        }
        var report = new GateEngine(s).status(records, imported.records(), at);
        if (format == Format.text) ImportedData.print(upTo, out);
        out.print(format == Format.json ? StatusJson.render(report, upTo) : StatusText.render(report));
        out.flush();
        return 0;
    }
}
