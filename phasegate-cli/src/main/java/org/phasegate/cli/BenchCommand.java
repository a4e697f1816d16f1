package org.phasegate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench api}, {@code bench levers} and {@code bench import}: the JMH benchmarks are {@code ./phasegate bench NAME} (the launcher runs
 * them); these drive the real server over loopback and the real embedded PostgreSQL, so they are commands of their own.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measurements that are not JMH benchmarks (those: ./phasegate bench NAME).",
        subcommands = {BenchCommand.Api.class, BenchCommand.Levers.class, BenchCommand.Import.class})
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.BAD_INPUT;
    }

    @Command(name = "api", mixinStandardHelpOptions = true,
            description = "Starts the server on a throwaway embedded PostgreSQL with the Gaza evidence, then, over loopback with concurrent clients:"
                    + " record submissions per second (each a durable commit) for --records, then, with --stored records in the store,"
                    + " status-query latency percentiles.")
    static final class Api implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--warmup", defaultValue = "2000", description = "Records to submit first, not timed, so the JIT has compiled the"
                + " server's paths (default ${DEFAULT-VALUE}; 0: none)") int warmup;
        @Option(names = "--records", defaultValue = "20000", description = "Records to submit over HTTP, timed (default ${DEFAULT-VALUE})") int records;
        @Option(names = "--stored", defaultValue = "100000", description = "Records stored when status is timed; those beyond --records go straight"
                + " into the store (default ${DEFAULT-VALUE})") int stored;
        @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients (default ${DEFAULT-VALUE})") int clients;
        @Option(names = "--queries", defaultValue = "2000", description = "Status queries to time (default ${DEFAULT-VALUE})") int queries;

        @Override
        public Integer call() throws Exception {
            if (records < 1 || clients < 1 || queries < 1 || warmup < 0) {
                throw new org.phasegate.problem.InvalidInputException(new org.phasegate.problem.Problem("bench api", 0, 0,
                        "--records, --clients and --queries must be at least 1, --warmup at least 0",
                        "e.g. --warmup 2000 --records 100000 --clients 16 --queries 2000"));
            }
            new ApiBench(warmup, records, stored, clients, queries, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
            return 0;
        }
    }

    @Command(name = "levers", mixinStandardHelpOptions = true,
            description = "Starts the server on a throwaway embedded PostgreSQL with the Gaza evidence and times the forecast page's lever re-run"
                    + " (10,000 runs, a new lever value each time) for each bundled assumption set: request and server times.")
    static final class Levers implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--warmup", defaultValue = "5", description = "Untimed re-runs first, per set (default ${DEFAULT-VALUE})") int warmup;
        @Option(names = "--requests", defaultValue = "20", description = "Timed re-runs per set (default ${DEFAULT-VALUE})") int requests;

        @Override
        public Integer call() throws Exception {
            if (warmup < 0 || requests < 1) {
                throw new org.phasegate.problem.InvalidInputException(new org.phasegate.problem.Problem("bench levers", 0, 0,
                        "--warmup must be at least 0 and --requests at least 1", "e.g. --warmup 5 --requests 20"));
            }
            new LeverBench(warmup, requests, spec.commandLine().getOut()).run();
            return 0;
        }
    }

    /** {@code import bench} under the name the other benchmarks go by; the same options. */
    @Command(name = "import", mixinStandardHelpOptions = true, description = "Imports a generated ACLED-format CSV (default 1,000,000 rows) into a"
            + " throwaway embedded PostgreSQL and prints rows per second (the same as import bench); figures in BENCHMARKS.md.")
    static final class Import extends ImportBenchCommand {
    }
}
