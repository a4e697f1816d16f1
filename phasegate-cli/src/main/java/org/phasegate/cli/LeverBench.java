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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.phasegate.evidence.Role;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.server.Datasets;
import org.phasegate.server.Json;
import org.phasegate.server.ScenarioSet;
import org.phasegate.server.Server;
import org.phasegate.server.ServerConfig;
import org.phasegate.store.users.Passwords;

/**
 * The forecast page's lever re-run, measured over loopback: a throwaway embedded store holding the Gaza evidence, an
 * analyst's token, then for each bundled set {@code warmup} re-runs and {@code requests} timed ones, one after
 * another, each with a lever value not asked before (so none comes from the cache): the request's wall time and the
 * server's own time for the forecast ({@code computeMs}), each of the page's 10,000 runs.
 */
final class LeverBench {
    private static final String LEVER = "pressure-hamas";
    private final int warmup;
    private final int requests;
    private final PrintWriter out;

    LeverBench(int warmup, int requests, PrintWriter out) {
        this.warmup = warmup;
        this.requests = requests;
        this.out = out;
    }

    void run() throws Exception {
        Path scenarios = Home.dir().resolve("scenarios");
        Path scenarioFile = scenarios.resolve("gaza-2025.yaml");
        Path events = scenarios.resolve("gaza-2025.events.jsonl");
        var s = new ScenarioLoader().load(scenarioFile);
        Path dir = Files.createTempDirectory("phasegate-bench-levers-");
        try (var store = DemoLedger.open(dir, s)) {
            var adminPassword = Passwords.throwaway();
            var loaded = DemoLedger.populate(store, s, events, s.eventsReader().read(events), adminPassword);
            var admin = store.users().actor(DemoLedger.ADMIN, adminPassword);
            var password = Passwords.throwaway();
            store.users().add(Optional.of(admin), "bench-analyst", Role.ANALYST, DemoLedger.ORG, password);
            var token = store.tokens().create("bench-analyst", password, "bench", Set.of("read", "write"), Duration.ofDays(1)).secret();
            try (var server = Server.start(store, ScenarioSet.load(List.of(scenarioFile)), new Datasets(Optional.empty()),
                    ServerConfig.of(0, "127.0.0.1", true), Clock.systemUTC())) {
                out.printf("bench levers: %d cores, Java %s, load average %s; %d Gaza records verified in the store%n",
                        Runtime.getRuntime().availableProcessors(), Runtime.version(), BenchMachine.loadAverage(), loaded.verified().size());
                var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (var set : List.of("sceptic", "leverage")) measure(http, server, token, set);
                out.printf("load average after: %s%n", BenchMachine.loadAverage());
            }
        } finally {
            BenchMachine.deleteTree(dir);
        }
        out.flush();
    }

    private void measure(HttpClient http, Server server, String token, String set) throws Exception {
        var uri = URI.create(server.url() + "/api/v1/scenarios/gaza-2025/forecasts/" + set + "/levers");
        int total = warmup + requests;
        var wall = new double[requests];
        var compute = new double[requests];
        int runs = 0;
        for (int i = 0; i < total; i++) {
            double value = -1 + 2.0 * i / total;   // a new value each time: never a cache hit
            var body = String.format(Locale.ROOT, "{\"set\":{\"%s\":%.6f}}", LEVER, value);
            var req = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t = System.nanoTime();
            var r = http.send(req, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) throw new IllegalStateException("the lever re-run answered " + r.statusCode() + ": " + r.body());
            var n = Json.parse(r.body());
            runs = n.path("runs").asInt();
            if (i < warmup) continue;
            wall[i - warmup] = ms;
            compute[i - warmup] = n.path("computeMs").asDouble();
        }
        out.printf(Locale.ROOT, "%s: %d re-runs of %,d runs each (after %d warm-up): request wall ms p50 %.0f, p90 %.0f, max %.0f;"
                + " server forecast ms p50 %.0f, p90 %.0f, max %.0f%n", set, requests, runs, warmup,
                q(wall, 0.5), q(wall, 0.9), q(wall, 1), q(compute, 0.5), q(compute, 0.9), q(compute, 1));
    }

    private static double q(double[] values, double level) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(level * sorted.length) - 1)];
    }
}
