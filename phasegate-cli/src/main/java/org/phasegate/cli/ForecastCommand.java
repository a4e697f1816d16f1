package org.phasegate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.forecast.AssumptionSetReader;
import org.phasegate.forecast.Defaults;
import org.phasegate.forecast.ForecastJson;
import org.phasegate.forecast.ForecastOptions;
import org.phasegate.forecast.Forecaster;
import org.phasegate.forecast.Nowcast;
import org.phasegate.forecast.Nowcaster;
import org.phasegate.nowcast.Likelihood;
import org.phasegate.forecast.StartingState;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "forecast", mixinStandardHelpOptions = true, subcommands = ForecastHistoryCommand.class,
        description = "Monte Carlo forecast: P(each phase complete by each date) with standard errors, ceasefire collapse, "
            + "gate openings, failure paths and the levers and assumptions that move the outcome most (docs/forecast.md).")
final class ForecastCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    // required, but checked by the command (not picocli), so that `forecast history` needs neither
    @Option(names = "--scenario", description = "Scenario YAML (required)") Path scenario;
    @Option(names = "--assumptions", paramLabel = "NAME|FILE",
            description = "A bundled set (e.g. sceptic, leverage: <scenario>.assumptions/NAME.yaml) or a YAML file (required)") String assumptions;
    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override one assumption (within its plausible range)")
    Map<String, String> sets = new LinkedHashMap<>();
    @Option(names = "--runs", defaultValue = "10000", description = "Monte Carlo runs (default ${DEFAULT-VALUE})") int runs;
    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}); same seed, same result") long seed;
    @Option(names = "--by", paramLabel = "DATE", converter = Day.class, description = "Report P(complete by DATE); repeatable (default: 31 December of the as-of year and of the next)")
    List<LocalDate> by = new ArrayList<>();
    @Option(names = "--as-of", converter = AsOf.class, description = "Start from the verified state at this date (default: today, UTC)") Instant asOf;
    @Option(names = "--events", description = "Evidence records, JSON Lines (default: <scenario>.events.jsonl when it exists; 'none' for no evidence)") String events;
    @Option(names = "--from-store", description = "Start from the verified records in the evidence store (see --data-dir, --db) instead of a file")
    boolean fromStore;
    @Option(names = "--as", description = "With --from-store: whose view of the store, this user's (password in PHASEGATE_PASSWORD); default: the public's") String as;
    @Option(names = "--role", hidden = true, description = "Old; may only narrow the view to the public's") String role;
    @picocli.CommandLine.Mixin StoreOptions store;
    @Option(names = "--phase", description = "Phase for failure paths and the tornado (default: the scenario's first phase not complete at the as-of date)") String phase;
    @Option(names = "--horizon-days", defaultValue = "730", description = "Horizon in days (default ${DEFAULT-VALUE})") int horizonDays;
    @Option(names = "--step-days", defaultValue = "7", description = "Step length in days: 7 weekly, 1 daily (default ${DEFAULT-VALUE})") double stepDays;
    @Option(names = "--sensitivity-runs", description = "Runs per arm of the tornado (default min(runs, 2000); 0 for none)") Integer sensitivityRuns;
    @Option(names = "--sensitivity-date", paramLabel = "DATE", converter = Day.class, description = "Date for the tornado and failure paths (default: end of the horizon)") LocalDate sensitivityDate;
    @Option(names = "--threads", description = "Threads (default: all cores)") Integer threads;
    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})") Format format;
    @Option(names = "--out", paramLabel = "DIR", description = "Also write forecast.json, forecast.txt and SVG/PNG charts here (with the forecast over time and its reliability so far, from a backtest of the evidence)") Path out;
    @Option(names = "--no-progress", description = "Nothing on stderr but errors (no progress bar, no notes)") boolean noProgress;
    @Option(names = "--record", description = "Also save the forecast (and the nowcast) with its inputs in the store's forecast history (--data-dir, --db; see 'forecast history')")
    boolean record;
    @Option(names = "--nowcast", description = "Also condition runs from --nowcast-from on the verified history up to the as-of date (sequential importance resampling) and show that beside the forecast")
    boolean nowcast;
    @Option(names = "--nowcast-from", converter = AsOf.class, description = "With --nowcast: where the runs start (default: the scenario's start)") Instant nowcastFrom;
    @Option(names = "--nowcast-every", defaultValue = "28", description = "With --nowcast: days between checkpoints (default ${DEFAULT-VALUE})") double nowcastEvery;
    @Option(names = "--holding-gate", paramLabel = "GATE", description = "With --nowcast: the gate open while the ceasefire holds; its closing is the verified collapse (default: no collapse before the as-of date, as the forecast assumes)")
    String holdingGate;
    @Option(names = "--nowcast-timing-days", defaultValue = "14", description = "With --nowcast: sd of the timing error in days (default ${DEFAULT-VALUE}; a named assumption)") double timingDays;
    @Option(names = "--nowcast-mismatch", defaultValue = "0.001", description = "With --nowcast: probability of a disagreement on whether something happened (default ${DEFAULT-VALUE}; a named assumption)")
    double mismatch;

    enum Format { text, json }

    @Override
    public Integer call() throws IOException {
        checkArguments();
        var s = new ScenarioLoader().load(scenario);
        boolean named = !(assumptions.endsWith(".yaml") || assumptions.endsWith(".yml"));
        Path setFile = named ? AssumptionSetReader.bundled(scenario, assumptions) : Path.of(assumptions);
        if (!named && Files.notExists(setFile)) {
            throw new InvalidInputException(new Problem(assumptions, 0, 0, "no such assumption set file",
                    "check the path, or name a bundled set without .yaml, e.g. --assumptions sceptic"));
        }
        var set = new AssumptionSetReader().load(setFile, s).override(sets);
        Instant start = asOf != null ? asOf : Instant.now().truncatedTo(ChronoUnit.DAYS);
        var evidence = records(s, start);
        checkNowcast(s, start);
        var state = StartingState.of(s, evidence, imported, start);
        var defaults = ForecastOptions.defaults(seed, runs);
        var options = new ForecastOptions(seed, runs, threads == null ? defaults.threads() : threads, stepDays, horizonDays,
                by.isEmpty() ? Defaults.by(state) : by, phase == null ? Defaults.phase(s, state) : phase, sensitivityRuns == null ? Math.min(runs, 2000) : sensitivityRuns,
                java.util.Optional.ofNullable(sensitivityDate));
        long total = runs + 2L * options.sensitivityRuns() * set.assumptions().stream().filter(a -> a.high() > a.low()).count();
        var forecast = withProgress(total, p -> new Forecaster().forecast(s, state, set, options, p));
        String text = upTo.stream().map(d -> d.line() + "\n").collect(java.util.stream.Collectors.joining()) + ForecastText.render(forecast);
        String json = ForecastJson.render(forecast, upTo);
        Nowcast nowcasted = null;
        if (nowcast) {
            var n = withProgress(Nowcaster.work(nowcastFrom(s), start, nowcastEvery, stepDays, runs), p -> new Nowcaster().nowcast(
                    s, evidence, imported, set, nowcastFrom(s), start, nowcastEvery, java.util.Optional.ofNullable(holdingGate), new Likelihood(timingDays, mismatch), options, p));
            text += NowcastText.render(forecast, n, s, upTo, imported);
            json = NowcastJson.addTo(json, n, s, upTo, imported);
            nowcasted = n;
        }
        var stdout = spec.commandLine().getOut();
        stdout.print(format == Format.json ? json : text);
        stdout.flush();
        if (record) {
            var recording = ForecastRecording.of(scenario, setFile, named ? assumptions : setFile.getFileName().toString(), sets);
            var saved = new ArrayList<org.phasegate.store.forecasts.SavedForecast>();
            saved.add(recording.forecast(forecast, java.util.Optional.ofNullable(holdingGate), Instant.now()));
            if (nowcasted != null) saved.add(recording.nowcast(s.id(), nowcasted, Instant.now()));
            try (var st = store.open()) {
                for (var f : saved) {
                    long id = st.forecasts().save(f);
                    if (!noProgress) spec.commandLine().getErr().println("phasegate: saved the " + f.method() + " as #" + id + " in the forecast history");
                }
            }
        }
        if (out != null) {
            ForecastCharts.write(forecast, out, text, json);
            ForecastHistory.write(s, evidence, imported, set, seed, runs, options.threads(), start, out, spec.commandLine().getErr(), noProgress);
        }
        return 0;
    }

    private Instant nowcastFrom(org.phasegate.scenario.Scenario s) {
        return nowcastFrom != null ? nowcastFrom : s.start();
    }

    private void checkNowcast(org.phasegate.scenario.Scenario s, Instant asOfDate) {
        var problems = new ArrayList<Problem>();
        if (!nowcast && (nowcastFrom != null || holdingGate != null)) {
            problems.add(new Problem(nowcastFrom != null ? "--nowcast-from" : "--holding-gate", 0, 0, "only a nowcast reads this option", "add --nowcast"));
        }
        if (nowcast && nowcastFrom(s).isAfter(asOfDate)) {
            problems.add(new Problem("--nowcast-from " + nowcastFrom(s), 0, 0, "the nowcast would start after the as-of date " + asOfDate,
                    "start it at or before --as-of (default: the scenario's start)"));
        }
        if (nowcast && holdingGate != null && s.gate(holdingGate).isEmpty()) {
            problems.add(new Problem("--holding-gate " + org.phasegate.problem.Quote.of(holdingGate), 0, 0, "scenario " + s.id() + " has no such gate",
                    org.phasegate.problem.Hints.didYouMean(holdingGate, s.gates().stream().map(g -> g.id()).toList())));
        }
        if (!(nowcastEvery > 0)) problems.add(new Problem("--nowcast-every " + nowcastEvery, 0, 0, "checkpoints must be a positive number of days apart", "default 28"));
        if (!(timingDays > 0) || Double.isInfinite(timingDays)) problems.add(new Problem("--nowcast-timing-days " + timingDays, 0, 0, "must be a positive number of days", "default 14"));
        if (!(mismatch > 0 && mismatch < 1)) problems.add(new Problem("--nowcast-mismatch " + mismatch, 0, 0, "must be a probability strictly between 0 and 1", "default 0.001"));
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
    }

    private void checkArguments() {
        var problems = new ArrayList<Problem>();
        if (scenario == null) problems.add(new Problem("--scenario", 0, 0, "the forecast needs a scenario", "e.g. --scenario scenarios/gaza-2025.yaml"));
        if (assumptions == null) problems.add(new Problem("--assumptions", 0, 0, "the forecast needs an assumption set", "a bundled set such as sceptic or leverage, or a YAML file"));
        if (runs < 1) problems.add(new Problem("--runs " + runs, 0, 0, "runs must be at least 1", "e.g. --runs 10000"));
        if (fromStore && events != null) problems.add(new Problem("--from-store", 0, 0, "--from-store and --events both name the evidence", "give one of them"));
        if (stepDays <= 0) problems.add(new Problem("--step-days " + stepDays, 0, 0, "step must be positive", "7 for weekly, 1 for daily"));
        if (horizonDays < 1) problems.add(new Problem("--horizon-days " + horizonDays, 0, 0, "horizon must be positive", "default 730"));
        if (threads != null && threads < 1) problems.add(new Problem("--threads " + threads, 0, 0, "threads must be at least 1", ""));
        if (sensitivityRuns != null && sensitivityRuns < 0) problems.add(new Problem("--sensitivity-runs", 0, 0, "cannot be negative", "0 for no tornado"));
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
    }

    /** Rows of the imported series the scenario's measures read (from the store with --from-store), and how far each goes. */
    private List<EvidenceRecord> imported = List.of();
    private List<org.phasegate.importing.DataUpTo> upTo = List.of();

    /** The evidence to start from: --events, else the scenario's sibling events file; says which on stderr. */
    private List<EvidenceRecord> records(org.phasegate.scenario.Scenario s, Instant start) {
        var err = spec.commandLine().getErr();
        upTo = org.phasegate.store.imports.ImportedSeries.notRead(s);
        if (fromStore) {
            try (var st = store.open(s.verification(), false)) {
                var records = st.records().verified(Acting.of(spec).reader(st, as, role));
                if (!upTo.isEmpty()) {
                    var series = ImportedData.load(st, s);
                    imported = series.records();
                    upTo = series.dataUpTo(s, start);
                }
                if (!noProgress) err.println("phasegate: starting from the state verified by " + records.size() + " records in the evidence store");
                return records;
            }
        }
        Path file = events != null ? Path.of(events)
                : scenario.resolveSibling(scenario.getFileName().toString().replaceFirst("\\.ya?ml$", "") + ".events.jsonl");
        if ("none".equals(events) || events == null && !Files.exists(file)) {
            if (!noProgress) err.println("phasegate: no evidence; starting from nothing verified");
            return List.of();
        }
        var records = s.eventsReader().read(file);
        if (!noProgress) err.println("phasegate: starting from the state verified by " + records.size() + " records in " + file);
        return records;
    }

    /** Runs the work with a progress bar on stderr (unless --no-progress); the work reports runs done. */
    private <T> T withProgress(long total, java.util.function.Function<java.util.function.LongConsumer, T> work) {
        if (noProgress) return work.apply(n -> { });
        var builder = new ProgressBarBuilder().setTaskName("forecast").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(System.err, 80));   // a fixed width: no terminal probe (JLine native access warnings)
        try (ProgressBar bar = builder.build()) {
            return work.apply(bar::stepTo);
        }
    }
}
