package org.phasegate.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.phasegate.durability.AgreementData;
import org.phasegate.durability.AgreementReader;
import org.phasegate.durability.DurabilityModel;

/**
 * The durability fit on the UCDP Peace Agreement Dataset (227 agreements): reading the CSV, the cross-validated
 * selection with the final fit (what {@code durability fit} does), and one fit of fixed covariates.
 * Run: {@code java -Dphasegate.home=. -jar phasegate-bench/target/benchmarks.jar DurabilityFitBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DurabilityFitBenchmark {
    private Path file;
    private AgreementData data;

    @Setup
    public void setUp() {
        file = Path.of(System.getProperty("phasegate.home", ".")).resolve("../shared/data/agreements/ucdp-pad-1975-2004.csv");
        data = new AgreementReader().read(file);
    }

    @Benchmark
    public AgreementData read() {
        return new AgreementReader().read(file);
    }

    @Benchmark
    public DurabilityModel selectAndFit() {
        return DurabilityModel.fit(data);
    }

    @Benchmark
    public DurabilityModel fitCeasePko() {
        return DurabilityModel.fit(data, List.of("cease", "pko"));
    }
}
