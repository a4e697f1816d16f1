package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The route × role matrix: every route Javalin has registered must have an access entry, and each role (with a real
 * token; anonymous with none) must be let through exactly when the entry allows it, and otherwise refused with 401
 * (anonymous) or 403, as problem+json, and logged.
 */
class RouteAccessTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void every_registered_route_has_an_entry_and_every_role_gets_exactly_what_it_allows() {
        var routes = api.server.registeredRoutes();
        assertThat(routes).hasSizeGreaterThan(30);
        var wrong = new ArrayList<String>();
        int denied = 0;
        for (var r : routes) {
            var access = api.server.accessOf(r[0], r[1]);
            if (access == null) {
                wrong.add(r[0] + " " + r[1] + " has no access entry");
                continue;
            }
            var path = r[1].replaceAll("\\{[^}]+}", "zz-none");
            String body = r[0].equals("GET") ? null : "{}";
            for (var role : ApiRole.values()) {
                var resp = role == ApiRole.ANONYMOUS ? api.send(r[0], path, body) : api.as(ApiFixture.MEMBER.get(role), r[0], path, body);
                int status = resp.statusCode();
                boolean refused = status == 401 || status == 403;
                if (access.allows(role) && refused) wrong.add(role + " refused (" + status + ") on " + r[0] + " " + r[1] + ": " + resp.body());
                if (!access.allows(role)) {
                    denied++;
                    int expected = role == ApiRole.ANONYMOUS ? 401 : 403;
                    if (status != expected) wrong.add(role + " got " + status + " instead of " + expected + " on " + r[0] + " " + r[1]);
                    if (!resp.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) wrong.add("not problem+json: " + r[0] + " " + r[1]);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(denied).isGreaterThan(50);
        var logged = api.store.accessLog().list(0, 100_000).stream().filter(a -> a.status() == 401 || a.status() == 403).count();
        assertThat(logged).isEqualTo(denied);
    }

    @Test
    void a_route_registered_without_an_entry_is_reported_by_the_check() {
        assertThat(api.server.accessOf("GET", "/api/v1/no-such-route")).isNull();
        assertThat(api.server.accessOf("GET", "/api/v1/records")).isNotNull();
    }
}
