package org.phasegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.phasegate.backtest.Backtest;
import org.phasegate.backtest.BaseRate;
import org.phasegate.backtest.ModelForecaster;
import org.phasegate.backtest.Plan;
import org.phasegate.durability.AgreementReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.forecast.AssumptionSet;
import org.phasegate.scenario.Scenario;

/**
 * For {@code forecast --out}: how the forecast moved up to its as-of date and how well it did so far, drawn from a
 * backtest over the same evidence (an as-of date every week from the scenario's start, or fewer for long evidence;
 * questions 30, 90 and 180 days ahead; at most {@link #RUNS} runs a date), resolved by what was verified at the
 * as-of date; each date's forecast counts the imported series' rows whose period had ended by then (history.csv's
 * last columns name each dataset's last day used). Writes history.* and reliability.* beside the forecast's own charts.
 * Needs the UCDP file for the base rate; without it, or without evidence, it says why on stderr and writes nothing.
 */
final class ForecastHistory {
    static final int RUNS = 500;
    static final List<Integer> HORIZONS = List.of(30, 90, 180);
    /** Where the UCDP file lies, from the installation: ../shared/data beside the repository (never copied in). */
    static final String UCDP = "../shared/data/agreements/ucdp-pad-1975-2004.csv";

    private ForecastHistory() {
    }

    static void write(Scenario s, List<EvidenceRecord> records, List<EvidenceRecord> imported, AssumptionSet set, long seed, int runs, int threads,
                      Instant asOf, Path dir, PrintWriter notes, boolean quiet) {
        write(s, records, imported, set, seed, runs, threads, asOf, dir, Home.dir().resolve(UCDP).normalize(), notes, quiet);
    }

    /** As above, with the UCDP file for the base rate named. */
    static void write(Scenario s, List<EvidenceRecord> records, List<EvidenceRecord> imported, AssumptionSet set, long seed, int runs, int threads,
                      Instant asOf, Path dir, Path ucdp, PrintWriter notes, boolean quiet) {
        String skip = records.isEmpty() && imported.isEmpty() ? "no evidence" : asOf.isBefore(s.start()) ? "the as-of date is before the scenario's start"
                : Files.notExists(ucdp) ? "the base rate's data " + ucdp + " is missing" : null;
        if (skip != null) {
            if (!quiet) notes.println("phasegate: no history or reliability chart: " + skip);
            return;
        }
        var plan = new Plan(s.start(), asOf, Every.defaultDays(s.start(), asOf), HORIZONS);
        int n = Math.min(runs, RUNS);
        var backtest = new Backtest(new ModelForecaster(n, threads, 7), BaseRate.of(new AgreementReader().read(ucdp), s));
        var known = records.stream().filter(r -> !r.time().isAfter(asOf)).toList();
        var importedKnown = imported.stream().filter(r -> !r.time().isAfter(asOf)).toList();
        var result = ProgressBars.run(quiet, "history", plan.asOfDates().size(), p -> backtest.run(s, known, importedKnown, set, seed, plan, i -> p.accept(i)));
        try {
            BacktestCharts.writeCharts(result, dir, n);
        } catch (IOException e) {
            throw new OutputProblem("--out", dir, e);
        }
    }
}
