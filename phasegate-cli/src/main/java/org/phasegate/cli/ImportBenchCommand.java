package org.phasegate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.phasegate.evidence.Role;
import org.phasegate.importing.ImportKind;
import org.phasegate.importing.Importers;
import org.phasegate.scenario.ImportPolicy;
import org.phasegate.scenario.Verification;
import org.phasegate.store.Database;
import org.phasegate.store.Store;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.imports.AcledCsvGenerator;
import org.phasegate.store.imports.ImportRequest;
import org.phasegate.store.ledger.Ledger;
import org.phasegate.store.users.Passwords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench import} (alias {@code import bench}): generates an ACLED-format event CSV in a temporary directory, imports it into a fresh embedded
 * PostgreSQL (durable commits: fsync and synchronous_commit on) and prints rows per second; then times the audit that
 * re-checks every row against the import's Merkle root. Not a test: figures depend on the machine and its load.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Imports a generated ACLED-format CSV (default 1,000,000 rows) into a throwaway embedded PostgreSQL and prints rows per second; figures in BENCHMARKS.md.")
class ImportBenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--rows", defaultValue = "1000000", description = "Rows to generate and import (default ${DEFAULT-VALUE})") long rows;

    @Override
    public Integer call() throws Exception {
        if (rows < 1 || rows > 50_000_000) {
            throw new org.phasegate.problem.InvalidInputException(new org.phasegate.problem.Problem("--rows", 0, 0,
                    "must be 1..50,000,000 (got " + rows + ")", "e.g. --rows 1000000"));
        }
        var out = spec.commandLine().getOut();
        var dir = Files.createTempDirectory("phasegate-import-bench");
        try {
            var csv = dir.resolve("acled-synthetic.csv");
            long t0 = System.nanoTime();
            AcledCsvGenerator.write(csv, rows, 16);
            out.printf("generated %,d rows (%,.0f MB) of ACLED event CSV in %.1f s; load average: %s%n", rows, Files.size(csv) / 1e6, secs(t0), BenchMachine.loadAverage());
            out.flush();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try (var s = new Store(Database.embedded(dir.resolve("store")), new DataKey(key), Clock.systemUTC(), Verification.SINGLE, Ledger.DEFAULT_CHECKPOINT_EVERY)) {
                var password = Passwords.throwaway();
                s.users().add(Optional.empty(), "bench-admin", Role.ADMIN, "bench", password);
                s.users().add(Optional.of(s.users().actor("bench-admin", password)), "bench-monitor", Role.MONITOR, "bench", password);
                var actor = s.users().actor("bench-monitor", password);
                var request = new ImportRequest(ImportKind.ACLED, csv.toString(), ImportFile.sha256(csv), ImportPolicy.DEFAULT, false, false);
                var reader = Importers.reader(ImportKind.ACLED, csv, Optional.empty());
                var pg = dir.resolve("store").resolve("pg");
                double jvm0 = jvmCpu();
                var pg0 = ServerCpu.seconds(pg);
                long t1 = System.nanoTime();
                var o = s.importer().run(actor, reader, () -> Files.newInputStream(csv), request);
                double importSecs = secs(t1);
                double jvm = jvmCpu() - jvm0;
                var pg1 = ServerCpu.seconds(pg);
                out.printf("imported %,d rows in %.1f s: %,.0f rows/s (one transaction, COPY, one signed entry, durable commit); load average: %s%n",
                        o.added(), importSecs, o.added() / importSecs, BenchMachine.loadAverage());
                if (pg0.isPresent() && pg1.isPresent()) {
                    double server = pg1.getAsDouble() - pg0.getAsDouble();
                    out.printf("CPU used by the import: this JVM %.1f s, PostgreSQL %.1f s, %.1f us a row; other processes' load does not change these%n",
                            jvm, server, (jvm + server) * 1e6 / o.added());
                }
                long t2 = System.nanoTime();
                var audit = s.audit();
                double auditSecs = secs(t2);
                out.printf("ledger verify (every row re-hashed against the import's Merkle root): %s in %.1f s, %,.0f rows/s%n", audit.ok() ? "OK" : audit.problem().orElseThrow(),
                        auditSecs, o.added() / auditSecs);
            }
        } finally {
            BenchMachine.deleteTree(dir);
        }
        return 0;
    }

    /** CPU seconds this JVM has used, all threads (GC and JIT included). */
    private static double jvmCpu() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
