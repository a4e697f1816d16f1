package org.phasegate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.phasegate.backtest.Backtest;
import org.phasegate.backtest.BaseRate;
import org.phasegate.backtest.ModelForecaster;
import org.phasegate.backtest.Plan;
import org.phasegate.durability.AgreementReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.forecast.AssumptionSet;
import org.phasegate.forecast.AssumptionSetReader;
import org.phasegate.forecast.Defaults;
import org.phasegate.forecast.Forecast;
import org.phasegate.forecast.ForecastJson;
import org.phasegate.forecast.ForecastOptions;
import org.phasegate.forecast.Forecaster;
import org.phasegate.forecast.StartingState;
import org.phasegate.importing.DataUpTo;
import org.phasegate.problem.Quote;

/**
 * The forecast page's forecasts: every one from the public view of the verified records (so every reader sees the
 * same numbers, whatever their role), as of the current day (UTC), under a bundled assumption set, with one seed and
 * one number of runs, so a lever re-run differs from the default forecast only by its lever values (common random
 * numbers). The starting state is kept per ledger state and day (the last two), computed once whoever asks meanwhile;
 * sets are read once per file version.
 */
final class PublicForecasts {
    static final int RUNS = 10_000;
    static final long SEED = 1;
    static final int TORNADO_RUNS = 1_000;
    static final int HISTORY_RUNS = 500;
    static final List<Integer> HORIZONS = List.of(30, 90, 180);
    static final int HISTORY_MAX_DATES = 104;
    private final ApiContext c;
    private final Evidence evidence;
    private final Cache<String, AssumptionSet> sets = Caches.entries(16);
    private final Cache<StartKey, Start> starts = Caches.entries(2);

    /** What a forecast of the page starts from: a set, and the public view at one ledger state as of one day. */
    record Inputs(ScenarioSet.Entry entry, String setName, AssumptionSet set, List<EvidenceRecord> records, long ledgerSeq, StartingState state,
                  List<DataUpTo> upTo, List<EvidenceRecord> imported) {
        Instant asOf() {
            return state.asOf();
        }

        String key() {
            return entry.id() + "|" + setName + "|" + ledgerSeq + "|" + asOf();
        }
    }

    private record StartKey(long seq, Instant asOf) {
    }

    private record Start(List<EvidenceRecord> records, StartingState state, List<DataUpTo> upTo, List<EvidenceRecord> imported) {
    }

    PublicForecasts(ApiContext c) {
        this.c = c;
        this.evidence = new Evidence(c.store());
    }

    /** The names of the scenario's bundled assumption sets ({@code <scenario>.assumptions/NAME.yaml}), sorted. */
    static List<String> setNames(ScenarioSet.Entry entry) {
        Path dir = AssumptionSetReader.bundled(entry.file(), "any").getParent();   // <scenario>.assumptions/
        if (!Files.isDirectory(dir)) return List.of();
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Inputs inputs(String scenarioId, String setName) {
        var entry = c.scenarios().stored(scenarioId);
        var names = setNames(entry);
        if (!names.contains(setName)) {
            throw ApiProblem.notFound("no bundled assumption set " + Quote.of(setName) + " of " + entry.id() + "; the sets are: " + String.join(", ", names));
        }
        var set = load(entry, AssumptionSetReader.bundled(entry.file(), setName));
        long seq = c.store().ledger().lastSeq();
        Instant asOf = c.clock().instant().truncatedTo(ChronoUnit.DAYS);
        var s = starts.get(new StartKey(seq, asOf), k -> {
            var records = evidence.verified(Optional.empty());
            var imported = ImportedRows.of(c.store(), entry.scenario());   // the imported series the measures read, and how far each goes
            return new Start(records, StartingState.of(entry.scenario(), records, imported.records(), asOf), imported.dataUpTo(entry.scenario(), asOf),
                    imported.records());
        });
        return new Inputs(entry, setName, set, s.records(), seq, s.state(), s.upTo(), s.imported());
    }

    private AssumptionSet load(ScenarioSet.Entry entry, Path file) {
        String version;
        try {
            version = file + "|" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sets.get(version, v -> new AssumptionSetReader().load(file, entry.scenario()));
    }

    /** Simulated paths of the default forecast: its runs and both arms of the tornado for every varied assumption. */
    static long defaultWork(Inputs in) {
        return RUNS + 2L * TORNADO_RUNS * in.set().assumptions().stream().filter(a -> a.high() > a.low()).count();
    }

    /** The default forecast with its tornado. */
    String byDefault(Inputs in, LongConsumer progress) {
        return run(in, in.set(), Map.of(), TORNADO_RUNS, progress);
    }

    /** The same forecast with these lever values (checked by the caller), without the tornado. */
    String withLevers(Inputs in, Map<String, Double> levers) {
        var set = in.set();
        for (var e : levers.entrySet()) set = set.with(e.getKey(), e.getValue());
        return run(in, set, levers, 0, n -> { });
    }

    private String run(Inputs in, AssumptionSet set, Map<String, Double> levers, int tornadoRuns, LongConsumer progress) {
        var s = in.entry().scenario();
        var options = new ForecastOptions(SEED, RUNS, Runtime.getRuntime().availableProcessors(), 7, 730, Defaults.by(in.state()),
                Defaults.phase(s, in.state()), tornadoRuns, Optional.empty());
        long t0 = System.nanoTime();
        Forecast f = new Forecaster().forecast(s, in.state(), set, options, progress);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        var n = envelope(in, RUNS);
        var given = n.putObject("levers");
        levers.forEach(given::put);
        n.put("computeMs", ms);
        n.set("forecast", Json.parse(ForecastJson.render(f, in.upTo())));
        return Json.write(n);
    }

    /**
     * The backtest of the set over the public view's evidence (and the imported series, each date's forecast from the
     * rows whose period had ended by then) from the scenario's start to the as-of day.
     */
    String history(Inputs in, Path ucdp, java.util.function.IntConsumer progress) {
        var s = in.entry().scenario();
        var plan = plan(in);
        var backtest = new Backtest(new ModelForecaster(HISTORY_RUNS, Runtime.getRuntime().availableProcessors(), 7),
                BaseRate.of(new AgreementReader().read(ucdp), s));
        var result = backtest.run(s, in.records(), in.imported(), in.set(), SEED, plan, progress);
        var n = envelope(in, HISTORY_RUNS);
        HistoryJson.write(n, result, DataUpTo.asOf(in.upTo(), s, in.imported(), plan.until()));
        return Json.write(n);
    }

    static Plan plan(Inputs in) {
        Instant from = in.entry().scenario().start();
        Instant until = in.asOf().isBefore(from) ? from : in.asOf();
        return new Plan(from, until, Plan.everyDaysFor(from, until, HISTORY_MAX_DATES), HORIZONS);
    }

    /** Where a page's figures come from: the view, the evidence and its ledger state, the seed and the runs. */
    private static ObjectNode envelope(Inputs in, int runs) {
        return Json.object().put("state", "done").put("scenario", in.entry().id()).put("assumptionSet", in.setName())
                .put("view", "public").put("asOf", in.asOf().toString()).put("verifiedRecords", in.records().size())
                .put("ledgerSeq", in.ledgerSeq()).put("seed", SEED).put("runs", runs);
    }
}
