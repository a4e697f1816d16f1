package org.phasegate.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.phasegate.evidence.Role;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.server.Datasets;
import org.phasegate.server.ScenarioSet;
import org.phasegate.server.Server;
import org.phasegate.server.ServerConfig;
import org.phasegate.store.users.Passwords;

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
        Path scenarios = Home.dir().resolve("scenarios");
        Path scenarioFile = scenarios.resolve("gaza-2025.yaml");
        Path events = scenarios.resolve("gaza-2025.events.jsonl");
        var s = new ScenarioLoader().load(scenarioFile);
        Path dir = Files.createTempDirectory("phasegate-bench-api-");
        try (var store = DemoLedger.open(dir, s)) {
            var adminPassword = Passwords.throwaway();
            var loaded = DemoLedger.populate(store, s, events, s.eventsReader().read(events), adminPassword);
            var admin = store.users().actor(DemoLedger.ADMIN, adminPassword);
            var monitorPassword = Passwords.throwaway();
            store.users().add(Optional.of(admin), "bench-monitor", Role.MONITOR, DemoLedger.ORG, monitorPassword);
            var token = store.tokens().create("bench-monitor", monitorPassword, "bench", Set.of("write"), Duration.ofDays(1)).secret();
            try (var server = Server.start(store, ScenarioSet.load(List.of(scenarioFile)), new Datasets(Optional.empty()),
                    ServerConfig.of(0, "127.0.0.1", true), Clock.systemUTC())) {
                out.printf("bench api: %d cores, %s, Java %s; store: embedded PostgreSQL, %d Gaza records loaded (%d verified); load average %s%n",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), Runtime.version(), loaded.reported(), loaded.verified().size(),
                        BenchMachine.loadAverage());
                var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                if (warmup > 0) {
                    var w = submit(http, server, token, dir.resolve("pg"), 0, warmup);
                    out.printf("warm-up (not timed): %,d submissions in %.1f s = %.0f/s%n", warmup, w.seconds(), warmup / w.seconds());
                }
                var timed = submit(http, server, token, dir.resolve("pg"), warmup, warmup + records);
                out.printf("record submissions: %,d in %.1f s by %d clients = %.0f/s (each answered after its durable commit); refused: %d%n",
                        records, timed.seconds(), clients, records / timed.seconds(), timed.refused());
                out.printf("CPU per submission: %s; load average %s%n", perSubmission(timed.cpu()), BenchMachine.loadAverage());
                preload(store, s, store.users().actor("bench-monitor", monitorPassword));
                status(http, server);
            }
        } finally {
            DemoLedger.deleteTree(dir);
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
        var cpu = ProcessCpu.now(pgDir);
        long start = System.nanoTime();
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
        }
        return new Run((System.nanoTime() - start) / 1e9, refused.get(), ProcessCpu.now(pgDir).since(cpu));
    }

    private String perSubmission(ProcessCpu used) {
        return String.format("%.2f ms in this JVM (server and clients)", used.jvmSeconds() * 1e3 / records)
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
