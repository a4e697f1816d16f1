package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random requests to every registered route: generated path parameters, query strings, headers and bodies
 * (valid-looking, malformed, wrongly typed, deep, long, binary), as each role. No answer may be a 5xx or carry a
 * stack trace. The seed is in every failure message; rerun one with its seed to reproduce it.
 */
class RandomRequestTest {
    private static final int REQUESTS_PER_SEED = 12;
    private static final List<String> QUERY_NAMES = List.of("asOf", "from", "to", "type", "party", "pcode", "bbox", "state", "limit", "cursor",
            "after", "format", "x");
    private static final List<String> FIELDS = List.of("name", "password", "role", "org", "reason", "outcome", "assumptions", "set", "runs",
            "seed", "asOf", "by", "horizonDays", "sensitivityRuns", "phase", "label", "scopes", "days", "id", "type", "time", "supersedes");
    static ApiFixture api;
    static List<String[]> routes;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        routes = api.server.registeredRoutes();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void no_request_gets_a_5xx_or_a_stack_trace(long seed) {
        var rnd = new SplittableRandom(seed);
        for (int i = 0; i < REQUESTS_PER_SEED; i++) {
            var route = routes.get(rnd.nextInt(routes.size()));
            var method = rnd.nextInt(10) == 0 ? pick(rnd, List.of("GET", "POST", "DELETE", "PATCH")) : route[0];
            var path = fillPath(rnd, route[1]) + query(rnd);
            var body = method.equals("GET") && rnd.nextBoolean() ? null : body(rnd, 0);
            var headers = headers(rnd);
            var who = rnd.nextInt(7);
            var r = who == 0 ? api.send(method, path, body, headers)
                    : api.as(List.of("root", "bea", "mona", "ana", "vic", "nina").get(who - 1), method, path, body, headers);
            var what = "seed " + seed + ", request " + i + ": " + method + " " + path + " body " + (body == null ? "none" : Quote80.of(body));
            assertThat(r.statusCode()).as(what + " -> " + r.body()).isLessThan(500);
            assertThat(r.body()).as(what).doesNotContain("Exception", "\tat ", "at org.", "at io.javalin", "at java.");
        }
    }

    private static String pick(SplittableRandom rnd, List<String> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private static String fillPath(SplittableRandom rnd, String template) {
        return template.replaceAll("\\{[^}]+}", "@").chars().mapToObj(c -> c == '@' ? enc(text(rnd)) : Character.toString(c))
                .reduce("", String::concat);
    }

    private static String query(SplittableRandom rnd) {
        int n = rnd.nextInt(4);
        var parts = new ArrayList<String>();
        for (int i = 0; i < n; i++) parts.add(pick(rnd, QUERY_NAMES) + "=" + enc(text(rnd)));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Short strings of many kinds: plausible values, dates, numbers, unicode, control characters, long ones. */
    private static String text(SplittableRandom rnd) {
        return switch (rnd.nextInt(10)) {
            case 0 -> "";
            case 1 -> "2026-0" + (1 + rnd.nextInt(9)) + "-" + (10 + rnd.nextInt(25));
            case 2 -> Long.toString(rnd.nextLong());
            case 3 -> "../" + "a".repeat(rnd.nextInt(5));
            case 4 -> "x".repeat(rnd.nextInt(2000));
            case 5 -> "\u00e9\u4e2d\ud83d\ude00\u0000\u007f";
            case 6 -> pick(rnd, List.of("sceptic", "leverage", "gaza-2025", "incident", "verified", "csv", "geojson", "jsonl", "root", "upheld"));
            case 7 -> "-1.5,91,200,-300";
            case 8 -> "34.2,31.2,34.5,31.6";
            default -> "%zz<script>'\"";
        };
    }

    private static String body(SplittableRandom rnd, int depth) {
        return switch (rnd.nextInt(depth > 2 ? 4 : 9)) {
            case 0 -> Long.toString(rnd.nextLong());
            case 1 -> "\"" + text(rnd).replace("\\", "").replace("\"", "") + "\"";
            case 2 -> pick(rnd, List.of("true", "null", "1e999", "-0", "1.5"));
            case 3 -> "{" + "\"a\":".repeat(0) + "]";
            case 4 -> "[" + body(rnd, depth + 1) + "," + body(rnd, depth + 1) + "]";
            case 5 -> "[".repeat(100 + rnd.nextInt(1000));
            case 6 -> new String(bytes(rnd), StandardCharsets.ISO_8859_1);
            case 7 -> "title: [x\n  - : :";
            default -> object(rnd, depth);
        };
    }

    private static String object(SplittableRandom rnd, int depth) {
        int n = rnd.nextInt(5);
        var parts = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            var value = pick(rnd, FIELDS).equals("runs") ? Integer.toString(1 + rnd.nextInt(50)) : body(rnd, depth + 1);
            parts.add("\"" + pick(rnd, FIELDS) + "\":" + value);
        }
        if (rnd.nextInt(4) == 0) parts.add("\"assumptions\":\"sceptic\",\"runs\":" + (1 + rnd.nextInt(20)) + ",\"sensitivityRuns\":0");
        return "{" + String.join(",", parts) + "}";
    }

    private static byte[] bytes(SplittableRandom rnd) {
        var b = new byte[rnd.nextInt(200)];
        rnd.nextBytes(b);
        return b;
    }

    private static String[] headers(SplittableRandom rnd) {
        var h = new ArrayList<String>();
        if (rnd.nextBoolean()) h.addAll(List.of("Content-Type", pick(rnd, List.of("application/json", "text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=latin1"))));
        if (rnd.nextInt(4) == 0) h.addAll(List.of("Idempotency-Key", "k" + rnd.nextInt(5)));
        if (rnd.nextInt(5) == 0) h.addAll(List.of("X-CSRF-Token", "forged"));
        if (rnd.nextInt(5) == 0) h.addAll(List.of("Cookie", Gatekeeper.COOKIE + "=" + rnd.nextLong()));
        if (rnd.nextInt(6) == 0) h.addAll(List.of("Accept", pick(rnd, List.of("text/html", "*/*", "application/xml"))));
        return h.toArray(String[]::new);
    }

    /** The body as a failure message shows it. */
    private static final class Quote80 {
        static String of(String s) {
            return org.phasegate.problem.Quote.of(s);
        }
    }
}
