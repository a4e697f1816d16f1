package org.phasegate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench api}: the JMH benchmarks are {@code ./phasegate bench NAME} (the launcher runs them); this one drives the
 * real server over loopback, so it is a command of its own.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measurements that are not JMH benchmarks (those: ./phasegate bench NAME).",
        subcommands = BenchCommand.Api.class)
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
        @Option(names = "--warmup", defaultValue = "20000", description = "Records to submit first, not timed, so the JIT has compiled the"
                + " server's paths (default ${DEFAULT-VALUE}: after 5,000 the JIT still took half the JVM's CPU; 0: none)") int warmup;
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
}
