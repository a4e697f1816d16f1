package org.phasegate.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.phasegate.evidence.Role;
import org.phasegate.server.Server;

/**
 * The API under load, measured end to end over loopback: a throwaway embedded store holding the Gaza evidence, a
 * monitor's token, then {@code clients} threads each POSTing one record per request (each answered after its durable
 * commit; requests that arrive during a commit share the next one) until {@code records} are stored; the store topped
 * up to {@code stored} records; then status queries (the public view) with their latencies. Prints the machine, the
 * settings and the figures.
 */
final class ApiBench {
    private final int warmup;
    private final int records;
    private final int stored;
    private final int clients;
    private final int queries;
    private final PrintWriter out;
    private final PrintWriter err;

    ApiBench(int warmup, int records, int stored, int clients, int queries, PrintWriter out, PrintWriter err) {
        this.warmup = warmup;
        this.records = records;
        this.stored = stored;
        this.clients = clients;
        this.queries = queries;
        this.out = out;
        this.err = err;
    }

    void run() throws Exception {
        try (var bench = BenchServer.start("api", "bench-monitor", Role.MONITOR, Set.of("write"))) {
            var server = bench.server;
            var pgDir = bench.dir.resolve("pg");
            out.printf("bench api: %d cores, %s, Java %s; store: embedded PostgreSQL, %d Gaza records loaded (%d verified); load average %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), Runtime.version(), bench.loaded.reported(),
                    bench.loaded.verified().size(), BenchMachine.loadAverage());
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            if (warmup > 0) {
                var w = submit(http, server, bench.token, pgDir, 0, warmup);
                out.printf("warm-up (not timed): %,d submissions in %.1f s = %.0f/s%n", warmup, w.seconds(), warmup / w.seconds());
            }
            var timed = submit(http, server, bench.token, pgDir, warmup, warmup + records);
            out.printf("record submissions: %,d in %.1f s by %d clients = %.0f/s (each answered after its durable commit); refused: %d%n",
                    records, timed.seconds(), clients, records / timed.seconds(), timed.refused());
            out.printf("CPU per submission: %s; load average %s%n", perSubmission(timed.cpu()), BenchMachine.loadAverage());
            preload(bench.store, bench.scenario, bench.store.users().actor(bench.user, bench.password));
            status(http, server);
        }
        out.flush();
    }

    private record Run(double seconds, int refused, ProcessCpu cpu) {
    }

    /** Records {@code from} (inclusive) to {@code to} submitted by the clients, one per request. */
    private Run submit(HttpClient http, Server server, String token, Path pgDir, int from, int to) throws Exception {
        var next = new AtomicInteger(from);
        var refused = new AtomicInteger();
        var uri = URI.create(server.url() + "/api/v1/records");
        var cpu = ProcessCpu.now(pgDir, ApiBench::threadGroup);
        long start = System.nanoTime();
        ProcessCpu after;
        try (var pool = Executors.newFixedThreadPool(clients)) {
            var futures = new ArrayList<Future<?>>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                        var req = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(record(i))).build();
                        if (http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode() != 201) refused.incrementAndGet();
                        if (i > 0 && i % 10_000 == 0) progress("bench api: " + i + " records submitted");
                    }
                    return null;
                }));
            }
            for (var f : futures) f.get();
            after = ProcessCpu.now(pgDir, ApiBench::threadGroup);   // before the clients' threads end
        }
        return new Run((System.nanoTime() - start) / 1e9, refused.get(), after.since(cpu));
    }

    private static String threadGroup(String name) {
        if (name.startsWith("JettyServerThreadPool")) return "server's request threads";
        if (name.equals("phasegate-submissions")) return "group-commit writer";
        if (name.startsWith("HttpClient") || name.startsWith("pool-")) return "clients";
        return "other threads";
    }

    private String perSubmission(ProcessCpu used) {
        var parts = new StringBuilder();
        used.threadSeconds().forEach((group, seconds) -> parts.append(String.format("%s %.2f, ", group, seconds * 1e3 / records)));
        return String.format("%.2f ms in this JVM (%sJIT compiler, GC and VM %.2f)", used.jvmSeconds() * 1e3 / records, parts, used.restSeconds() * 1e3 / records)
                + used.databaseSeconds().map(db -> String.format(", %.2f ms in PostgreSQL", db * 1e3 / records)).orElse(", PostgreSQL's not known");
    }

    /** Tops the store up to {@code stored} records straight through the store (batches of 1,000), so status is timed over them. */
    private void preload(org.phasegate.store.Store store, org.phasegate.scenario.Scenario s, org.phasegate.store.ledger.Actor monitor) {
        int submitted = warmup + records;
        if (stored <= submitted) return;
        long start = System.nanoTime();
        var reader = new org.phasegate.evidence.SubmissionReader(s.eventsReader());
        for (int from = submitted; from < stored; from += 1000) {
            var lines = new StringBuilder();
            for (int i = from; i < Math.min(stored, from + 1000); i++) lines.append(record(i)).append('\n');
            store.records().add(monitor, reader.parse("bench", lines.toString(), true));
            if ((from - submitted) % 20_000 == 0) progress("bench api: " + from + " records stored");
        }
        out.printf("preloaded through the store (not timed as the API): %,d more records, to %,d, in %.1f s%n", stored - submitted, stored,
                (System.nanoTime() - start) / 1e9);
    }

    private void status(HttpClient http, Server server) throws Exception {
        var uri = URI.create(server.url() + "/api/v1/scenarios/gaza-2025/status");
        long cold = System.nanoTime();
        var first = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        double coldMs = (System.nanoTime() - cold) / 1e6;
        if (first.statusCode() != 200) throw new IllegalStateException("status answered " + first.statusCode() + ": " + first.body());
        var latencies = new long[queries];
        var next = new AtomicInteger();
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(clients)) {
            var futures = new ArrayList<Future<?>>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < queries; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        var r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                        latencies[i] = System.nanoTime() - t;
                        if (r.statusCode() != 200) throw new IllegalStateException("status answered " + r.statusCode());
                    }
                    return null;
                }));
            }
            for (var f : futures) f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        out.printf("status queries (public view, %,d records stored): %,d by %d clients in %.1f s = %.0f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms; the first (cold, reads every record) %.0f ms%n", Math.max(warmup + records, stored), queries, clients, seconds, queries / seconds,
                ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99), latencies[queries - 1] / 1e6, coldMs);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** A plausible incident report, one of 5 governorates and 4 kinds, a distinct id and time each. */
    private static String record(int i) {
        var pcodes = new String[] {"PS0255", "PS0260", "PS0265", "PS0270", "PS0275"};
        var kinds = new String[] {"rocket", "drone", "sniper", "shelling"};
        return "{\"id\":\"bench-" + i + "\",\"type\":\"incident\",\"time\":\"2026-0" + (1 + i % 9) + "-1" + (i % 10) + "T10:00:00Z\",\"party\":\"hamas\","
                + "\"place\":{\"pcode\":\"" + pcodes[i % 5] + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[34.4" + (i % 10) + ",31.4" + (i % 7) + "]}},"
                + "\"attributes\":{\"kind\":\"" + kinds[i % 4] + "\"},\"quantities\":{\"killed\":0},"
                + "\"sources\":[{\"url\":\"https://example.org/bench/" + i + "\"}]}";
    }

    private void progress(String note) {
        err.println(note);
        err.flush();
    }
}
