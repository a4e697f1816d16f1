package org.phasegate.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.phasegate.evidence.Role;
import org.phasegate.server.Json;
import org.phasegate.server.Server;

/**
 * The forecast page's lever re-run, measured over loopback: a throwaway embedded store holding the Gaza evidence, an
 * analyst's token, then for each bundled set its default forecast (the page's first load, with the tornado), then
 * {@code warmup} re-runs and {@code requests} timed ones, one after another, each with a lever value not asked before
 * (so none comes from the cache): the request's wall time, the server's own time for the simulation
 * ({@code computeMs}) and this process's CPU time, each re-run being the page's 10,000 runs.
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
        try (var bench = BenchServer.start("levers", "bench-analyst", Role.ANALYST, Set.of("read", "write"))) {
            out.printf("bench levers: %d cores, Java %s, load average %s; %d Gaza records verified in the store%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), BenchMachine.loadAverage(), bench.loaded.verified().size());
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (var set : List.of("sceptic", "leverage")) {
                firstLoad(http, bench.server, set);
                measure(http, bench.server, bench.token, set);
            }
            out.printf("load average after: %s%n", BenchMachine.loadAverage());
        }
        out.flush();
    }

    private void measure(HttpClient http, Server server, String token, String set) throws Exception {
        var uri = URI.create(server.url() + "/api/v1/scenarios/gaza-2025/forecasts/" + set + "/levers");
        int total = warmup + requests;
        var wall = new double[requests];
        var compute = new double[requests];
        var cpu = new double[requests];
        int runs = 0;
        for (int i = 0; i < total; i++) {
            double value = -1 + 2.0 * i / total;   // a new value each time: never a cache hit
            var body = String.format(Locale.ROOT, "{\"set\":{\"%s\":%.6f}}", LEVER, value);
            var req = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long c0 = cpuNanos();
            long t = System.nanoTime();
            var r = http.send(req, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t) / 1e6;
            double cpuMs = (cpuNanos() - c0) / 1e6;
            if (r.statusCode() != 200) throw new IllegalStateException("the lever re-run answered " + r.statusCode() + ": " + r.body());
            var n = Json.parse(r.body());
            runs = n.path("runs").asInt();
            if (i < warmup) continue;
            wall[i - warmup] = ms;
            compute[i - warmup] = n.path("computeMs").asDouble();
            cpu[i - warmup] = cpuMs;
        }
        out.printf(Locale.ROOT, "%s: %d re-runs of %,d runs each (after %d warm-up): request wall ms p50 %.0f, p90 %.0f, max %.0f;"
                + " server forecast ms p50 %.0f, p90 %.0f, max %.0f; CPU ms of this process (all threads, server and client) p50 %.0f, p90 %.0f%n",
                set, requests, runs, warmup, q(wall, 0.5), q(wall, 0.9), q(wall, 1), q(compute, 0.5), q(compute, 0.9), q(compute, 1), q(cpu, 0.5), q(cpu, 0.9));
    }

    /** The page's first load of a set: its default forecast with the tornado, computed in the background and polled. */
    private void firstLoad(HttpClient http, Server server, String set) throws Exception {
        var uri = URI.create(server.url() + "/api/v1/scenarios/gaza-2025/forecasts/" + set);
        long t = System.nanoTime();
        HttpResponse<String> r;
        do {
            r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 202) Thread.sleep(100);
        } while (r.statusCode() == 202);
        if (r.statusCode() != 200) throw new IllegalStateException("the default forecast answered " + r.statusCode() + ": " + r.body());
        double wall = (System.nanoTime() - t) / 1e9;
        var n = Json.parse(r.body());
        var info = Json.parse(http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/scenarios/gaza-2025/forecasts")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        out.printf(Locale.ROOT, "%s: default forecast with its tornado (%,d runs, plus %,d per end of %d ranges): %.1f s until shown, %.1f s on the server%n",
                set, n.path("runs").asInt(), info.path("tornadoRunsPerArm").asInt(), n.path("forecast").path("sensitivity").path("items").size(), wall,
                n.path("computeMs").asDouble() / 1000);
    }

    /** This process's CPU time over all its threads (not changed by other processes' load). */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static double q(double[] values, double level) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(level * sorted.length) - 1)];
    }
}
