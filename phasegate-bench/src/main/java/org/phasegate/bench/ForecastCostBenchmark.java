package org.phasegate.bench;

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
 * The forecast's cost model: time against runs x obligations x steps, one factor at a time around 20,000 runs x
 * 50 obligations x 104 weekly steps, on a synthetic chain (blocks of five obligations, each block's gate unlocking
 * the next) whose obligations stay open the whole horizon, so every step does the full work.
 * Run: {@code ./phasegate bench ForecastCostBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ForecastCostBenchmark {
    /** runs:obligations:steps */
    @Param({"10000:50:104", "20000:50:104", "40000:50:104", "20000:25:104", "20000:100:104", "20000:50:52", "20000:50:208"})
    String shape;

    private Scenario scenario;
    private StartingState start;
    private AssumptionSet set;
    private ForecastOptions options;

    @Setup
    public void setUp() {
        String[] p = shape.split(":");
        int runs = Integer.parseInt(p[0]);
        int obligations = Integer.parseInt(p[1]);
        int steps = Integer.parseInt(p[2]);
        scenario = new ScenarioLoader().parse("chain.yaml", chain(obligations));
        start = StartingState.empty(scenario, Instant.parse("2026-01-01T00:00:00Z"));
        set = new AssumptionSetReader().parse("chain-assumptions.yaml", ASSUMPTIONS, scenario).withDurability(NEVER_ENDS);
        options = new ForecastOptions(1, runs, Runtime.getRuntime().availableProcessors(), 7, steps * 7, List.of(), "phase-1", 0,
                Optional.empty());
    }

    @Benchmark
    public Forecast forecast() {
        return new Forecaster().forecast(scenario, start, set, options);
    }

    static String chain(int n) {
        var b = new StringBuilder("""
                scenario: {id: chain, title: Synthetic chain, start: 2026-01-01}
                sources: [{id: doc, title: Synthetic accord, publisher: Phasegate benchmarks}]
                parties:
                  - {id: state, name: A state, kind: state}
                  - {id: group, name: An armed group, kind: armed-group}
                phases: [{id: phase-1, name: The only phase}]
                obligations:
                """);
        for (int i = 0; i < n; i++) {
            b.append("  - {id: o").append(i).append(", name: Step ").append(i).append(", phase: phase-1, type: governance, owed-by: [")
                    .append(i % 2 == 0 ? "state" : "group").append("], source: doc}\n");
        }
        b.append("gates:\n");
        for (int block = 1; block * 5 < n; block++) {
            b.append("  - {id: g").append(block).append(", name: Block ").append(block).append(", phase: phase-1, when: {obligation: o")
                    .append(block * 5 - 1).append(", status: 1}, unlocks: [");
            for (int i = block * 5; i < Math.min(n, block * 5 + 5); i++) b.append(i == block * 5 ? "" : ", ").append("o").append(i);
            b.append("], source: doc}\n");
        }
        return b.toString();
    }

    /** A durability model under which no agreement ends (intercept −700): the benchmark measures progress, not collapse. */
    static final org.phasegate.durability.DurabilityModel NEVER_ENDS = new org.phasegate.durability.DurabilityModel(
            new org.phasegate.durability.WeibullPh(0.5, -700, java.util.List.of(), new double[0], new double[][] {{1, 0}, {0, 1}}, 0, 1, 1),
            new org.phasegate.durability.Selection(java.util.List.of(), java.util.List.of(), 2, 1, java.util.List.of(), java.util.List.of()),
            "none", 1, "0".repeat(64));

    static final String ASSUMPTIONS = """
            name: chain
            sources: [{id: s, title: Benchmark parameters, publisher: Phasegate benchmarks}]
            assumptions:
              - {id: violation-hazard-multiplier, value: 1, range: [1, 2], unit: ratio, source: s}
              - {id: violation-hazard-cap, value: 1, range: [1, 4], unit: ratio, source: s}
              - {id: stall-hazard-cap, value: 1, range: [1, 4], unit: ratio, source: s}
              - {id: deadline-hazard-multiplier, value: 1, range: [1, 3], unit: ratio, source: s}
              - {id: deadline-hazard-days, value: 30, range: [0, 90], unit: days, source: s}
              - {id: violation-rate-group, value: 0.1, range: [0, 1], unit: per week, source: s}
              - {id: stall-days, value: 90, range: [60, 180], unit: days, source: s}
              - {id: stall-hazard-multiplier, value: 1, range: [1, 3], unit: ratio, source: s}
              - {id: rearmament-hazard-growth, value: 0, range: [0, 0.3], unit: per 30 days, source: s}
              - {id: collapse-fallback-probability, value: 0, range: [0, 1], unit: probability, source: s}
              - {id: casualty-shock-per-week, value: 0, range: [0, 0.1], unit: per week, source: s}
              - {id: contributor-withdrawal-probability, value: 0, range: [0, 1], unit: probability, source: s}
              - {id: contributor-withdrawal-delay-days, value: 7, range: [3, 107], unit: days, source: s}
              - {id: contributor-withdrawal-share, value: 0.5, range: [0, 1], unit: fraction, source: s}
              - {id: compliance-weekly, value: 0.8, range: [0.5, 1], unit: probability, source: s}
              - {id: duration-spread, value: 0.5, range: [0, 1], unit: log sd, source: s}
              - {id: duration-governance, value: 100000, range: [1000, 100000], unit: days, source: s}
              - {id: condition-correlation, value: 0.3, range: [0, 0.9], unit: correlation, source: s}
              - {id: condition-failure-factor, value: 0.5, range: [0, 1], unit: ratio, source: s}
              - {id: state-willing, kind: condition, value: 0.7, range: [0, 1], unit: probability, source: s, affects: {parties: [state]}}
            """;
}
