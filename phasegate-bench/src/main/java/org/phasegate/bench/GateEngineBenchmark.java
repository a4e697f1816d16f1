package org.phasegate.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.gate.GateEngine;
import org.phasegate.gate.StatusReport;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/**
 * Full status of the Gaza scenario (replay of every record, every gate and obligation, why-not trees) over
 * N synthetic verified records spread across two years. Run: {@code ./phasegate bench GateEngineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GateEngineBenchmark {
    @Param({"10000", "100000"})
    int records;

    private GateEngine engine;
    private List<EvidenceRecord> evidence;
    private Instant asOf;

    @Setup
    public void setUp() {
        Path home = Path.of(System.getProperty("phasegate.home", "."));
        Scenario gaza = new ScenarioLoader().load(home.resolve("scenarios/gaza-2025.yaml"));
        engine = new GateEngine(gaza);
        evidence = SyntheticEvidence.generate(gaza, records, 730, 42);
        asOf = gaza.start().plusSeconds(730L * 86400);
    }

    @Benchmark
    public StatusReport statusOfEveryGate() {
        return engine.status(evidence, asOf);
    }
}
