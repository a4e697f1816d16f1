package org.phasegate.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.phasegate.forecast.AssumptionSet;
import org.phasegate.forecast.AssumptionSetReader;
import org.phasegate.forecast.Forecast;
import org.phasegate.forecast.ForecastOptions;
import org.phasegate.forecast.Forecaster;
import org.phasegate.forecast.StartingState;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/**
 * 100,000 Monte Carlo runs of the Gaza scenario (61 obligations, 13 gates) over two years in weekly steps, from
 * the verified state of 2026-12-01, sceptic assumptions, no sensitivity analysis, on every core.
 * Run: {@code ./phasegate bench ForecastBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ForecastBenchmark {
    @Param({"100000"})
    int runs;

    @Param({"sceptic"})
    String set;

    private Scenario gaza;
    private StartingState start;
    private AssumptionSet assumptions;
    private ForecastOptions options;

    @Setup
    public void setUp() {
        Path home = Path.of(System.getProperty("phasegate.home", "."));
        Path file = home.resolve("scenarios/gaza-2025.yaml");
        gaza = new ScenarioLoader().load(file);
        start = StartingState.of(gaza, gaza.eventsReader().read(home.resolve("scenarios/gaza-2025.events.jsonl")),
                Instant.parse("2026-12-01T00:00:00Z"));
        assumptions = new AssumptionSetReader().load(AssumptionSetReader.bundled(file, set), gaza);
        options = new ForecastOptions(1, runs, Runtime.getRuntime().availableProcessors(), 7, 730, List.of(), "phase-2", 0,
                Optional.empty());
    }

    @Benchmark
    public Forecast gaza() {
        return new Forecaster().forecast(gaza, start, assumptions, options);
    }
}
