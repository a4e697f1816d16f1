package org.phasegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.phasegate.bargain.IssueFiles;
import org.phasegate.bargain.ResultFormats;
import org.phasegate.bargain.Smp;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.gate.GateEngine;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.store.StoreException;
import org.phasegate.store.imports.ImportedSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The main job: the HTTP API on a throwaway store holding the bundled Gaza scenario's evidence and the real data, until Ctrl-C"
                + " (docs/api.md); with --text, the printed report: the scenario's state from its evidence, that evidence in a verified ledger,"
                + " the forecast under two assumption sets, and where bargaining over phase 2 is likely to land.")
final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--as-of", converter = AsOf.class, description = "Date or instant (UTC); default: now (--text only)") Instant asOf;
    @Option(names = "--text", description = "Print the report and exit instead of serving") boolean text;
    @Option(names = "--port", defaultValue = "8080", description = "Port to serve on (default ${DEFAULT-VALUE}; 0: any free one)") int port;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}: this machine only)") String host;
    @Option(names = "--data", paramLabel = "DIR", description = "Real datasets (default: $PHASEGATE_DATA, else ../shared/data when it exists)") Path data;

    @Override
    public Integer call() throws Exception {
        if (!text) return new DemoServer(spec, host, port, data).run();
        return report();
    }

    private int report() throws Exception {
        var dataDir = dataDir();
        Path scenarios = Home.dir().resolve("scenarios");
        Path scenario = scenarios.resolve("gaza-2025.yaml");
        Path events = scenarios.resolve("gaza-2025.events.jsonl");
        var s = new ScenarioLoader().load(scenario);
        List<EvidenceRecord> records = Files.exists(events) ? s.eventsReader().read(events) : List.of();
        var out = spec.commandLine().getOut();
        out.printf("Phasegate demo: %s%n%s%n%d parties, %d obligations, %d gates, %d sources; %d evidence records%n",
                scenario, s.title(), s.parties().size(), s.obligations().size(), s.gates().size(), s.sources().size(), records.size());
        Instant at = asOf == null ? Instant.now() : asOf;
        Optional<Ledger> ledger = records.isEmpty() ? Optional.empty() : Optional.of(ledger(s, events, records, dataDir));
        var populated = ledger.flatMap(Ledger::outcome);
        latestEvidence(records, populated.map(o -> o.data().upTo()).orElse(new java.util.TreeMap<>()), at, out);
        var imported = populated.map(DemoLedger.Outcome::imported).orElse(ImportedSeries.EMPTY);
        ImportedData.print(populated.isPresent() ? imported.dataUpTo(s, at) : ImportedSeries.notRead(s), out);
        String status = StatusText.render(new GateEngine(s).status(records, imported.records(), at));
        out.print(status);
        boolean ledgerOk = ledger.map(l -> printLedger(s, l, imported, status, at, out)).orElse(true);
        progress("phasegate: forecasting, " + DemoForecast.SETS.size() + " assumption sets ...");
        DemoForecast.print(DemoForecast.run(scenario, s, records, imported.records(), at.truncatedTo(ChronoUnit.DAYS)), out);
        Path issues = scenarios.resolve("gaza-2025-issues.yaml");
        if (Files.exists(issues)) {
            out.printf("%nBARGAINING over phase 2's terms (%s; actors' values are illustrative, sourced assumptions)%n", issues.getFileName());
            out.print(ResultFormats.summary(Smp.run(IssueFiles.read(issues))));
        }
        out.flush();
        return ledgerOk ? 0 : 1;
    }

    /**
     * A progress note on stderr, written after everything stdout holds so far: on a terminal (or one pipe for both)
     * the note never lands inside the report.
     */
    private void progress(String note) {
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println(note);
        spec.commandLine().getErr().flush();
    }

    /**
     * Says how old the evidence is: after the last monitors' record, quiet periods and stalls are as the file leaves
     * them. The imported data ({@code upTo}: each dataset's last period, as the demo imported it) may run further, and
     * the line says how far, so it never claims that nothing later is known.
     */
    static void latestEvidence(List<EvidenceRecord> records, java.util.SortedMap<String, String> upTo, Instant at, PrintWriter out) {
        records.stream().map(EvidenceRecord::time).filter(t -> !t.isAfter(at)).max(Instant::compareTo).ifPresent(last -> {
            long days = ChronoUnit.DAYS.between(last, at);
            out.printf("latest evidence: %s (%d days before the status date%s)%s%n", last.toString().substring(0, 10), days,
                    days > 30 ? "; no monitors' record is later, so quiet periods and stalls since then are as the file leaves them" : "",
                    imported(upTo, at));
        });
        out.println();
    }

    /** "; imported data runs to ACLED 2026-04, gaza-casualties-daily 2026-08-22", with the periods the status date has not reached marked. */
    private static String imported(java.util.SortedMap<String, String> upTo, Instant at) {
        if (upTo.isEmpty()) return "";
        var day = at.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        var parts = upTo.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()
                + (lastDay(e.getValue()).map(d -> d.isAfter(day)).orElse(false) ? " (after the status date)" : "")).toList();
        return "; imported data runs to " + String.join(", ", parts);
    }

    /** The last day of a period label: 2026-04 -> 2026-04-30, 2026-08-22 -> itself. */
    private static Optional<java.time.LocalDate> lastDay(String period) {
        try {
            return Optional.of(period.length() == 7 ? java.time.YearMonth.parse(period).atEndOfMonth() : java.time.LocalDate.parse(period));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Optional<Path> dataDir() {
        return DemoData.locate(data, ((Main) spec.root().userObject()).env()).dir();
    }

    /** The populated ledger, or why the embedded database could not run here. */
    private record Ledger(Optional<DemoLedger.Outcome> outcome, String failure) {
    }

    /** Runs the ledger first, so the status can count the real data it imports; the report prints it after the status. */
    private Ledger ledger(Scenario s, Path events, List<EvidenceRecord> records, Optional<Path> dataDir) throws IOException {
        progress("phasegate: starting a throwaway embedded PostgreSQL for the ledger and the real data ...");
        try {
            return new Ledger(Optional.of(DemoLedger.run(s, events, records, dataDir)), "");
        } catch (StoreException e) {
            return new Ledger(Optional.empty(), Failures.message(e));
        }
    }

    /** The ledger part; when the embedded database could not run here, says why and lets the rest of the demo go on. */
    private static boolean printLedger(Scenario s, Ledger ledger, ImportedSeries imported, String status, Instant at, PrintWriter out) {
        out.printf("%nEVIDENCE LEDGER: the same evidence reported and attested by its sources in a throwaway embedded PostgreSQL ledger%n");
        if (ledger.outcome().isEmpty()) {
            out.printf("  not shown: %s%n  (the rest of the demo goes on; ./phasegate ledger --help for the ledger on its own)%n", ledger.failure());
            return false;
        }
        var o = ledger.outcome().get();
        out.printf("  %d users (an admin and each source as a monitor); %d records reported, %d attestations; each a signed, hash-chained entry%n",
                o.users(), o.reported(), o.attestations());
        out.printf("  %s%n", o.data().line());
        out.printf("  ledger verify: %,d entries, %d checkpoints: %s%n", o.verify().entries(), o.verify().checkpoints(),
                o.verify().ok() ? "every hash, link and signature checks" : "FAILED at " + o.verify().firstBad().orElseThrow());
        boolean same = StatusText.render(new GateEngine(s).status(o.verified(), imported.records(), at)).equals(status);
        out.printf("  %d records verified by independent attestation; the gate engine's status from the ledger %s the status above%n",
                o.verified().size(), same ? "is identical to" : "DIFFERS from");
        return o.verify().ok() && same;
    }
}
