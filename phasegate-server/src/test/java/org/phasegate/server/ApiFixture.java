package org.phasegate.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.phasegate.evidence.Role;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;

/**
 * A real server on a random port over a store with the cast (store Fixtures, plus vic, a viewer) and the Gaza
 * scenario; one per test class. Callers hold an API token per cast member (read and write) and talk HTTP.
 */
final class ApiFixture implements AutoCloseable {
    static final Path SCENARIO = Path.of("../scenarios/gaza-2025.yaml");
    static final Map<ApiRole, String> MEMBER = Map.of(ApiRole.ADMIN, "root", ApiRole.BOARD, "bea", ApiRole.MONITOR, "mona",
            ApiRole.ANALYST, "ana", ApiRole.VIEWER, "vic");
    final Store store;
    final Server server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> tokens = new HashMap<>();

    ApiFixture(boolean anonymousRead) {
        store = Fixtures.storeWithCast();
        store.users().add(Optional.of(Fixtures.as(store, "root")), "vic", Role.VIEWER, "Kroc Institute", Fixtures.PASSWORD);
        server = Server.start(store, ScenarioSet.load(List.of(SCENARIO)), ServerConfig.of(0, "127.0.0.1", anonymousRead), Fixtures.CLOCK);
    }

    ApiFixture() {
        this(true);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** A read-and-write token of this cast member, made once. */
    synchronized String token(String user) {
        return tokens.computeIfAbsent(user, u -> store.tokens().create(u, Fixtures.PASSWORD, "test", Set.of("read", "write"), Duration.ofDays(1)).secret());
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) b.headers(headers);
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) typed |= headers[i].equalsIgnoreCase("Content-Type");
        if (body != null && !typed) b.header("Content-Type", "application/json");
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        }
    }

    HttpResponse<String> as(String user, String method, String path, String body, String... headers) {
        var all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token(user);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, path, body, all);
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
