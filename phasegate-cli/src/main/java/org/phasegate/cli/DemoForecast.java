package org.phasegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.forecast.Assumed;
import org.phasegate.forecast.AssumptionSetReader;
import org.phasegate.forecast.Forecast;
import org.phasegate.forecast.ForecastOptions;
import org.phasegate.forecast.Forecaster;
import org.phasegate.forecast.StartingState;
import org.phasegate.scenario.Scenario;

/** The demo's forecast: the bundled assumption sets side by side, with the assumptions and sources they rest on. */
final class DemoForecast {
    static final List<String> SETS = List.of("sceptic", "leverage");
    private static final int RUNS = 10_000;
    private static final int SENSITIVITY_RUNS = 1_000;

    private DemoForecast() {
    }

    /** {@code imported}: the rows of the real data the scenario's import measures read (empty when the ledger could not run). */
    static List<Forecast> run(Path scenarioFile, Scenario s, List<EvidenceRecord> records, List<EvidenceRecord> imported, Instant asOf) {
        var start = StartingState.of(s, records, imported, asOf);
        var options = ForecastOptions.defaults(1, RUNS).withRuns(RUNS, SENSITIVITY_RUNS);
        var forecasts = new ArrayList<Forecast>();
        for (String name : SETS) {
            var set = new AssumptionSetReader().load(AssumptionSetReader.bundled(scenarioFile, name), s);
            forecasts.add(new Forecaster().forecast(s, start, set, options));
        }
        return forecasts;
    }

    static void print(List<Forecast> forecasts, PrintWriter out) {
        Forecast first = forecasts.get(0);
        out.printf("%nFORECAST from the verified state of %s: %,d Monte Carlo runs per assumption set, seed %d "
                + "(full output, charts and overrides: ./phasegate forecast --scenario scenarios/gaza-2025.yaml --assumptions NAME)%n",
                first.asOf().toString().substring(0, 10), first.runs(), first.seed());
        out.printf("  %-44s", "");
        forecasts.forEach(f -> out.printf("%-18s", f.assumptionSet()));
        out.println();
        for (var phase : first.phases()) {
            for (int i = 0; i < phase.complete().by().size(); i++) {
                LocalDate date = phase.complete().by().get(i).date();
                out.printf("  %-44s", "P(" + phase.phase() + " complete by " + date + ")");
                int k = i;
                forecasts.forEach(f -> out.printf("%-18s", ForecastText.pct(f.phase(phase.phase()).orElseThrow().complete().by().get(k))));
                out.println();
            }
        }
        for (int i = 0; i < first.collapse().by().size(); i++) {
            out.printf("  %-44s", "P(ceasefire collapse by " + first.collapse().by().get(i).date() + ")");
            int k = i;
            forecasts.forEach(f -> out.printf("%-18s", ForecastText.pct(f.collapse().by().get(k))));
            out.println();
        }
        for (Forecast f : forecasts) topLevers(f, out);
        assumptions(forecasts, out);
    }

    private static void topLevers(Forecast f, PrintWriter out) {
        out.printf("  top levers (%s): change in P(%s complete by %s) from low to high%n", f.assumptionSet(), f.focusPhase(), f.sensitivityDate());
        f.sensitivity().stream().filter(x -> x.kind() == Assumed.Kind.LEVER).limit(5).forEach(x -> out.printf(Locale.ROOT,
                "    %-40s %+6.1f pts (%.1f%% at %s -> %.1f%% at %s)%n", x.id(), 100 * x.delta(), 100 * x.pLow(), ForecastText.num(x.low()),
                100 * x.pHigh(), ForecastText.num(x.high())));
    }

    /** One line per assumption: each set's value, then each distinct source. */
    private static void assumptions(List<Forecast> forecasts, PrintWriter out) {
        Map<String, List<Assumed>> byId = new LinkedHashMap<>();
        forecasts.forEach(f -> f.assumptions().forEach(a -> byId.computeIfAbsent(a.id(), id -> new ArrayList<>()).add(a)));
        out.printf("  assumptions (%s; unit; source):%n", String.join(" / ", forecasts.stream().map(Forecast::assumptionSet).toList()));
        byId.forEach((id, values) -> {
            var shown = values.stream().map(a -> ForecastText.num(a.value())).toList();
            var sources = values.stream().map(a -> a.source().describe()).distinct().toList();
            out.printf("    %-42s %s %s; %s%n", id, String.join(" / ", shown), values.get(0).unit(), String.join(" | ", sources));
        });
    }
}
