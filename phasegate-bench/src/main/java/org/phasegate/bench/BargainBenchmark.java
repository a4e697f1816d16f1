package org.phasegate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.phasegate.bargain.BargainResult;
import org.phasegate.bargain.Issue;
import org.phasegate.bargain.IssueFiles;
import org.phasegate.bargain.Smp;

/**
 * One full SMP run (all turns to convergence) on KTAB's shipped examples:
 * 13 actors (SOE-Pol-Comp), 27 (dummyData_6Dim), 40 (dummyData-a040), 80 (dummyData-a080).
 * Run from the repository root:
 * {@code java -jar phasegate-bench/target/benchmarks.jar Bargain -f 1 -wi 2 -i 3}
 * (the data are read from ../shared/data/ktab, or from -Dphasegate.ktab=DIR).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BargainBenchmark {
    @Param({"SOE-Pol-Comp", "dummyData_6Dim", "dummyData-a040", "dummyData-a080"})
    public String scenario;

    private Issue issue;

    @Setup
    public void load() throws Exception {
        Path dir = Path.of(System.getProperty("phasegate.ktab", "../shared/data/ktab"));
        Path file = dir.resolve("inputs").resolve(scenario + ".csv");
        if (!Files.exists(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " not found; run from the repository root or pass -Dphasegate.ktab=DIR");
        }
        issue = IssueFiles.read(file);
    }

    @Benchmark
    public BargainResult run() {
        return Smp.run(issue);
    }
}
