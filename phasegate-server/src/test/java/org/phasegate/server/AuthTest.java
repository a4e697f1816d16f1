package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.store.Fixtures;

/** Sessions (cookie flags, CSRF, sign-out), API tokens (scopes, revocation), sign-in throttling and the access log. */
class AuthTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private record Session(String cookie, String csrf) {
    }

    private static Session signIn(String user) {
        var r = api.send("POST", "/api/v1/session", "{\"name\":\"" + user + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        var setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        return new Session(setCookie.substring(0, setCookie.indexOf(';')), Json.parse(r.body()).path("csrfToken").asText());
    }

    @Test
    void a_session_needs_its_csrf_token_for_every_state_changing_request() {
        var s = signIn("root");
        assertThat(api.send("GET", "/api/v1/session", null, "Cookie", s.cookie()).body()).contains("\"user\":\"root\"", "\"via\":\"session\"");
        var org = "{\"name\":\"Org " + System.nanoTime() + "\"}";
        var without = api.send("POST", "/api/v1/organisations", org, "Cookie", s.cookie());
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("X-CSRF-Token");
        var wrong = api.send("POST", "/api/v1/organisations", org, "Cookie", s.cookie(), "X-CSRF-Token", s.csrf() + "x");
        assertThat(wrong.statusCode()).isEqualTo(403);
        var right = api.send("POST", "/api/v1/organisations", org, "Cookie", s.cookie(), "X-CSRF-Token", s.csrf());
        assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
    }

    @Test
    void signing_in_takes_only_a_json_body_so_a_cross_site_form_cannot_sign_a_browser_in() {
        var credentials = "{\"name\":\"ana\",\"password\":\"" + Fixtures.PASSWORD + "\"}";
        var form = "name=ana&password=" + Fixtures.PASSWORD.replace(' ', '+');
        for (var attempt : new String[][] {{"application/x-www-form-urlencoded", form}, {"text/plain", credentials},
                {"multipart/form-data; boundary=x", credentials}, {"application/jsonx", credentials}}) {
            var r = api.send("POST", "/api/v1/session", attempt[1], "Content-Type", attempt[0]);
            assertThat(r.statusCode()).as(attempt[0]).isEqualTo(415);
            assertThat(r.headers().firstValue("Content-Type")).contains(Problems.TYPE);
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(Json.parse(r.body()).path("field").asText()).isEqualTo("Content-Type");
            assertThat(r.body()).contains("application/json").doesNotContain(Fixtures.PASSWORD);
        }
        var json = api.send("POST", "/api/v1/session", credentials, "Content-Type", "Application/JSON; charset=utf-8");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(201);
    }

    @Test
    void signing_out_ends_the_session() {
        var s = signIn("ana");
        assertThat(api.send("DELETE", "/api/v1/session", null, "Cookie", s.cookie(), "X-CSRF-Token", s.csrf()).statusCode()).isEqualTo(204);
        var after = api.send("GET", "/api/v1/session", null, "Cookie", s.cookie());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("sign in again");
    }

    @Test
    void signing_in_again_works_over_an_ended_or_live_session() {
        var s = signIn("bea");
        api.send("DELETE", "/api/v1/session", null, "Cookie", s.cookie(), "X-CSRF-Token", s.csrf());
        var again = api.send("POST", "/api/v1/session", "{\"name\":\"bea\",\"password\":\"" + Fixtures.PASSWORD + "\"}", "Cookie", s.cookie());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        var live = again.headers().firstValue("Set-Cookie").orElseThrow();
        var third = api.send("POST", "/api/v1/session", "{\"name\":\"bea\",\"password\":\"" + Fixtures.PASSWORD + "\"}",
                "Cookie", live.substring(0, live.indexOf(';')));
        assertThat(third.statusCode()).as(third.body()).isEqualTo(201);
    }

    @Test
    void a_wrong_password_is_refused_and_five_failures_lock_the_account() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            var r = api.send("POST", "/api/v1/session", "{\"name\":\"mike\",\"password\":\"not the password " + i + "\"}");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("wrong name or password").doesNotContain("not the password");
        }
        var locked = api.send("POST", "/api/v1/session", "{\"name\":\"mike\",\"password\":\"" + Fixtures.PASSWORD + "\"}");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("locked");
        assertThat(api.store.users().failedSignIns("mike")).isEqualTo(LoginThrottle.MAX_FAILURES + 1);
    }

    @Test
    void an_unknown_user_gets_the_same_answer_as_a_wrong_password() {
        var r = api.send("POST", "/api/v1/session", "{\"name\":\"nobody\",\"password\":\"whatever whatever\"}");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("wrong name or password");
    }

    @Test
    void a_read_token_cannot_write_and_a_revoked_token_opens_nothing() {
        var issued = api.store.tokens().create("omar", Fixtures.PASSWORD, "reader", Set.of("read"), Duration.ofDays(1));
        var auth = "Bearer " + issued.secret();
        assertThat(api.send("GET", "/api/v1/session", null, "Authorization", auth).body()).contains("\"user\":\"omar\"", "\"via\":\"token\"");
        var write = api.send("POST", "/api/v1/records/x/attestations", null, "Authorization", auth);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("scope");
        var revoke = api.as("omar", "DELETE", "/api/v1/tokens/" + issued.token().id(), null);
        assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
        assertThat(revoke.body()).contains("\"revoked\":\"");
        assertThat(api.send("GET", "/api/v1/session", null, "Authorization", auth).statusCode()).isEqualTo(401);
        assertThat(api.send("GET", "/api/v1/session", null, "Authorization", "Bearer pgt_made_up").statusCode()).isEqualTo(401);
    }

    @Test
    void deactivating_a_user_stops_their_token_at_once_though_the_server_holds_it_open() {
        api.store.users().add(java.util.Optional.of(Fixtures.as(api.store, "root")), "tess", org.phasegate.evidence.Role.ANALYST, "UNOPS", Fixtures.PASSWORD);
        var auth = "Bearer " + api.store.tokens().create("tess", Fixtures.PASSWORD, "laptop", Set.of("read"), Duration.ofDays(1)).secret();
        assertThat(api.send("GET", "/api/v1/session", null, "Authorization", auth).body()).contains("\"user\":\"tess\"");   // opened and kept
        var off = api.as("root", "POST", "/api/v1/users/tess/deactivation", "{\"reason\":\"left the mission\"}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(201);
        assertThat(api.send("GET", "/api/v1/session", null, "Authorization", auth).statusCode()).isEqualTo(401);
    }

    @Test
    void a_token_made_over_the_api_is_shown_once_and_listed_without_its_secret() {
        var made = api.as("nina", "POST", "/api/v1/tokens", "{\"label\":\"field laptop\",\"scopes\":[\"read\",\"write\"],\"days\":7,\"password\":\""
                + Fixtures.PASSWORD + "\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        var secret = Json.parse(made.body()).path("token").asText();
        assertThat(secret).startsWith("pgt_");
        assertThat(api.send("GET", "/api/v1/session", null, "Authorization", "Bearer " + secret).body()).contains("\"user\":\"nina\"");
        var listed = api.as("nina", "GET", "/api/v1/tokens", null).body();
        assertThat(listed).contains("field laptop").doesNotContain(secret.substring(secret.lastIndexOf('_') + 1));
        var wrongPassword = api.as("nina", "POST", "/api/v1/tokens", "{\"password\":\"not her password\"}");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void with_anonymous_reading_off_only_signing_in_and_the_description_stay_open() {
        try (var closed = Server.start(api.store, ScenarioSet.load(java.util.List.of(ApiFixture.SCENARIO)), ServerConfig.of(0, "127.0.0.1", false), Fixtures.CLOCK)) {
            var base = "http://127.0.0.1:" + closed.port();
            var http = java.net.http.HttpClient.newHttpClient();
            java.util.function.Function<String, Integer> get = path -> {
                try {
                    return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            assertThat(get.apply("/api/v1/records")).isEqualTo(401);
            assertThat(get.apply("/api/v1/scenarios/gaza-2025/status")).isEqualTo(401);
            assertThat(get.apply("/api/v1/openapi.json")).isEqualTo(200);
            assertThat(get.apply("/api/v1/session")).isEqualTo(200);
        }
        assertThat(api.send("GET", "/api/v1/records", null).statusCode()).isEqualTo(200);   // the other server still serves them
    }

    @Test
    void denials_and_admin_reads_are_in_the_access_log_with_who_what_and_where() {
        api.as("ana", "GET", "/api/v1/users", null);
        api.as("root", "GET", "/api/v1/users", null);
        var log = api.as("root", "GET", "/api/v1/audit?limit=1000", null);
        assertThat(log.statusCode()).isEqualTo(200);
        var entries = Json.parse(log.body()).path("entries");
        boolean denied = false, read = false;
        for (var e : entries) {
            if (e.path("who").asText().equals("ana") && e.path("status").asInt() == 403 && e.path("path").asText().equals("/api/v1/users")) {
                denied = e.path("address").asText().equals("127.0.0.1") && e.path("method").asText().equals("GET");
            }
            if (e.path("who").asText().equals("root") && e.path("status").asInt() == 200 && e.path("path").asText().equals("/api/v1/users")) read = true;
        }
        assertThat(denied).as(entries.toString()).isTrue();
        assertThat(read).isTrue();
    }
}
