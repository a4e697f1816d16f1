package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo} serves the API on the Gaza evidence until stopped, prints its URL and logins, and says which datasets are missing. */
class DemoServerTest {
    @TempDir Path empty;

    @Test
    void demo_serves_the_gaza_evidence_with_working_logins_until_stopped() throws Exception {
        System.setProperty("phasegate.home", Path.of("..").toAbsolutePath().normalize().toString());
        var out = new StringWriter();
        var exit = new AtomicInteger(-1);
        var thread = new Thread(() -> exit.set(Main.run(new String[] {"demo", "--port", "0", "--data", empty.toString()},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), Map.of())));
        thread.start();
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!out.toString().contains("Ctrl-C stops") && thread.isAlive() && System.nanoTime() < deadline) Thread.sleep(100);
        var printed = out.toString();
        assertThat(printed).contains("Ctrl-C stops", "demo-admin", "demo-viewer", "missing ocha-admin2 (geo/ocha-admin2.geojson)", "OCHA",
                "real data: 0 of 8 files from " + empty + " imported, 0 rows");
        assertThat(printed).as("the datasets served for download and the files imported are two lines that say which is which")
                .containsPattern("datasets served for download \\(GET http://[^ ]+/api/v1/datasets\\): 0 of 10 present in " + Pattern.quote(empty.toString()) + "\n")
                .doesNotContain("datasets present");
        var url = Pattern.compile("(http://[^ ]+)/api/v1 ").matcher(printed);
        assertThat(url.find()).isTrue();
        var login = Pattern.compile("demo-analyst +(\\S+)").matcher(printed);
        assertThat(login.find()).isTrue();
        var http = HttpClient.newHttpClient();
        var status = http.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/api/v1/scenarios/gaza-2025/status?asOf=2026-01-15")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(status.body());
        assertThat(json.path("scenario").asText()).isEqualTo("gaza-2025");
        assertThat(json.path("gates").findValuesAsText("open")).contains("true");
        var signIn = http.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/api/v1/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"demo-analyst\",\"password\":\"" + login.group(1) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(201);
        var tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var s = Files.list(tmp)) {
            before = s.filter(p -> p.getFileName().toString().startsWith("phasegate-demo-server-")).count();
        }
        thread.interrupt();
        thread.join(60_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        try (var s = Files.list(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("phasegate-demo-server-")).count()).isLessThan(before);
        }
    }
}
