package org.phasegate.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.phasegate.forecast.AssumptionSetReader;
import org.phasegate.forecast.ForecastOptions;
import org.phasegate.forecast.Forecaster;
import org.phasegate.forecast.StartingState;
import org.phasegate.scenario.ScenarioLoader;

/**
 * The forecast's cost model measured in CPU time on one thread, so that other work on a shared machine does not
 * blur it: for each shape (runs x obligations x steps, the synthetic chain of {@link ForecastCostBenchmark}) the
 * median of five measurements after warm-up, and the CPU time per run-obligation-step.
 * Run: {@code java -cp phasegate-bench/target/benchmarks.jar org.phasegate.bench.ForecastCostModel}; with
 * {@code gaza SET} instead, the CPU time of 100,000 runs of the Gaza scenario on one thread (six rounds).
 */
public final class ForecastCostModel {
    private ForecastCostModel() {
    }

    public static void main(String[] args) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        if (args.length == 2 && args[0].equals("gaza")) {
            gaza(args[1], os);
            return;
        }
        String[] shapes = args.length > 0 ? args : new String[] {"10000:50:104", "20000:50:104", "40000:50:104",
            "20000:25:104", "20000:100:104", "20000:50:52", "20000:50:208"};
        for (int i = 0; i < 3; i++) measure("10000:50:104", os);
        System.out.println("| runs | obligations | steps | runs x obligations x steps | CPU time (median of 5) | ns per run-obligation-step |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (String shape : shapes) {
            long[] cpu = new long[5];
            for (int i = 0; i < cpu.length; i++) cpu[i] = measure(shape, os);
            Arrays.sort(cpu);
            String[] p = shape.split(":");
            double units = Double.parseDouble(p[0]) * Double.parseDouble(p[1]) * Double.parseDouble(p[2]);
            System.out.printf(Locale.ROOT, "| %,d | %s | %s | %,.0f | %.0f ms | %.2f |%n", Integer.parseInt(p[0]), p[1], p[2], units,
                    cpu[2] / 1e6, cpu[2] / units);
        }
    }

    private static void gaza(String setName, com.sun.management.OperatingSystemMXBean os) {
        var home = java.nio.file.Path.of(System.getProperty("phasegate.home", "."));
        var file = home.resolve("scenarios/gaza-2025.yaml");
        var gaza = new ScenarioLoader().load(file);
        var start = StartingState.of(gaza, gaza.eventsReader().read(home.resolve("scenarios/gaza-2025.events.jsonl")),
                Instant.parse("2026-12-01T00:00:00Z"));
        var set = new AssumptionSetReader().load(AssumptionSetReader.bundled(file, setName), gaza);
        var options = new ForecastOptions(1, 100_000, 1, 7, 730, List.of(), "phase-2", 0, Optional.empty());
        for (int round = 1; round <= 6; round++) {
            long before = os.getProcessCpuTime();
            new Forecaster().forecast(gaza, start, set, options);
            System.out.printf(Locale.ROOT, "%s, 100,000 runs, one thread, round %d: %.2f s CPU%n", setName, round,
                    (os.getProcessCpuTime() - before) / 1e9);
        }
    }

    private static long measure(String shape, com.sun.management.OperatingSystemMXBean os) {
        String[] p = shape.split(":");
        var scenario = new ScenarioLoader().parse("chain.yaml", ForecastCostBenchmark.chain(Integer.parseInt(p[1])));
        var start = StartingState.empty(scenario, Instant.parse("2026-01-01T00:00:00Z"));
        var set = new AssumptionSetReader().parse("chain-assumptions.yaml", ForecastCostBenchmark.ASSUMPTIONS, scenario);
        var options = new ForecastOptions(1, Integer.parseInt(p[0]), 1, 7, Integer.parseInt(p[2]) * 7, List.of(), "phase-1", 0,
                Optional.empty());
        long before = os.getProcessCpuTime();
        new Forecaster().forecast(scenario, start, set, options);
        return os.getProcessCpuTime() - before;
    }
}
