package org.phasegate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.phasegate.backtest.Backtest;
import org.phasegate.backtest.BaseRate;
import org.phasegate.backtest.ModelForecaster;
import org.phasegate.backtest.Plan;
import org.phasegate.durability.AgreementReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.store.imports.ImportedSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Replay a scenario's evidence, forecast at each as-of date from what was known then, resolve the "
            + "questions from the verified evidence and score the model beside a base rate: Brier (with Murphy's "
            + "decomposition) and log score (docs/scoring.md).")
final class BacktestCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--scenario", required = true, description = "Scenario YAML") Path scenario;
    @Option(names = "--assumptions", paramLabel = "NAME|FILE",
            description = "A bundled set (<scenario>.assumptions/NAME.yaml) or a YAML file (default: the first bundled set by name)") String assumptions;
    @Option(names = "--events", description = "Evidence records, JSON Lines (default: <scenario>.events.jsonl)") Path events;
    @Option(names = "--from-store", description = "Replay the public view of the evidence store's verified records and the imported series the scenario's measures read (see --data-dir, --db) instead of a file")
    boolean fromStore;
    @picocli.CommandLine.Mixin StoreOptions store;
    @Option(names = "--every", paramLabel = "Nd|Nw", description = "Time between as-of dates (default 7d; for evidence spanning more than two years, "
            + "the fewest whole weeks that keep it to at most " + Every.MAX_DEFAULT_DATES + " as-of dates, said on stderr)") String every;
    @Option(names = "--horizons", split = ",", paramLabel = "DAYS", defaultValue = "30,90,180",
            description = "Days ahead each question asks about (default ${DEFAULT-VALUE})") List<Integer> horizons;
    @Option(names = "--until", converter = AsOf.class, description = "Evaluation time: questions resolve from what was verified by then, and the last as-of date is not after it (default: the last record's time)") Instant until;
    @Option(names = "--runs", defaultValue = "1000", description = "Monte Carlo runs per as-of date (default ${DEFAULT-VALUE}, fewer than forecast's 10,000 so a backtest takes seconds)") int runs;
    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}); same seed, same result") long seed;
    @Option(names = "--threads", description = "Threads (default: all cores)") Integer threads;
    @Option(names = "--agreements", paramLabel = "FILE", description = "UCDP Peace Agreement Dataset CSV for the base rate (default: ../shared/data/agreements/ucdp-pad-1975-2004.csv from the installation)") Path agreements;
    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})") ForecastCommand.Format format;
    @Option(names = "--out", paramLabel = "DIR", description = "Also write backtest.txt, backtest.json, the charts (SVG, PNG) and their CSV here") Path out;
    @Option(names = "--no-progress", description = "Nothing on stderr but errors") boolean noProgress;

    @Override
    public Integer call() throws IOException {
        Integer everyDays = every == null ? null : Every.days(every);
        checkArguments();
        var s = new ScenarioLoader().load(scenario);
        var set = AssumptionChoice.load(scenario, assumptions, s, noProgress ? null : spec.commandLine().getErr());
        var records = records(s);
        Instant end = until != null ? until : java.util.stream.Stream.concat(records.stream(), imported.records().stream()).map(EvidenceRecord::time)
                .max(Instant::compareTo).orElseThrow();
        if (end.isBefore(s.start())) {
            throw new InvalidInputException(new Problem("--until " + end, 0, 0, "the evaluation time is before the scenario's start " + s.start(), "give a later date"));
        }
        if (everyDays == null) {
            everyDays = Every.defaultDays(s.start(), end);
            if (everyDays > 7 && !noProgress) spec.commandLine().getErr().println("phasegate: an as-of date every " + everyDays
                    + " days (the evidence spans " + java.time.Duration.between(s.start(), end).toDays() + " days; --every to choose)");
        }
        var plan = new Plan(s.start(), end, everyDays, horizons);
        var base = BaseRate.of(new AgreementReader().read(agreementsFile()), s);
        var model = new ModelForecaster(runs, threads == null ? Runtime.getRuntime().availableProcessors() : threads, 7);
        int dates = plan.asOfDates().size();
        var result = ProgressBars.run(noProgress, "backtest", dates, p -> new Backtest(model, base).run(s, records, imported.records(), set, seed, plan,
                n -> p.accept(n)));
        var upTo = fromStore ? imported.dataUpTo(s, end) : ImportedSeries.notRead(s);   // how far each imported series went at the evaluation time
        String text = upTo.stream().map(d -> d.line() + "\n").collect(java.util.stream.Collectors.joining()) + BacktestText.render(result, runs);
        String json = BacktestJson.render(result, runs, upTo);
        var stdout = spec.commandLine().getOut();
        stdout.print(format == ForecastCommand.Format.json ? json : text);
        stdout.flush();
        if (out != null) BacktestCharts.write(result, out, text, json, runs);
        return 0;
    }

    private void checkArguments() {
        var problems = new ArrayList<Problem>();
        if (runs < 1) problems.add(new Problem("--runs " + runs, 0, 0, "runs must be at least 1", "e.g. --runs 1000"));
        if (threads != null && threads < 1) problems.add(new Problem("--threads " + threads, 0, 0, "threads must be at least 1", ""));
        for (int h : horizons) if (h < 1) problems.add(new Problem("--horizons " + h, 0, 0, "a horizon must be at least 1 day", "e.g. --horizons 30,90,180"));
        if (horizons.stream().distinct().count() != horizons.size()) problems.add(new Problem("--horizons " + horizons, 0, 0, "a horizon is repeated", "give each once"));
        if (fromStore && events != null) problems.add(new Problem("--from-store", 0, 0, "--from-store and --events both name the evidence", "give one of them"));
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
    }

    /** With --from-store: the imported series the scenario's measures read (all rows; the backtest cuts them at each date). */
    private ImportedSeries imported = ImportedSeries.EMPTY;

    private List<EvidenceRecord> records(Scenario s) {
        if (fromStore) {
            try (var st = store.open(s.verification(), false)) {
                var records = st.records().verified(java.util.Optional.empty());
                if (s.measures().stream().anyMatch(ImportedData::readsImports)) imported = ImportedData.load(st, s);
                if (records.isEmpty() && imported.records().isEmpty()) {
                    throw new InvalidInputException(new Problem("--from-store", 0, 0, "the store holds no verified record and no imported row the scenario reads",
                            "a backtest resolves its questions from evidence; report and verify records, or import data (phasegate import --help)"));
                }
                return records;
            }
        }
        Path file = events != null ? events
                : scenario.resolveSibling(scenario.getFileName().toString().replaceFirst("\\.ya?ml$", "") + ".events.jsonl");
        if (events == null && Files.notExists(file)) {
            throw new InvalidInputException(new Problem(scenario.toString(), 0, 0, "no evidence to backtest against: " + file + " does not exist",
                    "give the scenario's records with --events FILE"));
        }
        var records = s.eventsReader().read(file);
        if (records.isEmpty()) {
            throw new InvalidInputException(new Problem(file.toString(), 0, 0, "the events file holds no records", "a backtest resolves its questions from evidence"));
        }
        return records;
    }

    private Path agreementsFile() {
        return agreements != null ? agreements : Home.dir().resolve(ForecastHistory.UCDP).normalize();
    }
}
