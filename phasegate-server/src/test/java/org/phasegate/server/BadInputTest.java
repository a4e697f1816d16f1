package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad requests get RFC 9457 problem+json with the field, its value (quoted, at most 80 characters) and what to do. */
class BadInputTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static void problem(java.net.http.HttpResponse<String> r, int status, String... contains) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var n = Json.parse(r.body());
        assertThat(n.path("status").asInt()).isEqualTo(status);
        assertThat(n.path("title").asText()).isNotBlank();
        assertThat(r.body()).contains(contains);
    }

    @Test
    void malformed_json_is_a_400_with_line_and_column() {
        problem(api.as("ana", "POST", "/api/v1/forecasts", "{\"assumptions\": \"sceptic\",\n  \"runs\": }"), 400, "malformed JSON at line 2");
        problem(api.as("ana", "POST", "/api/v1/forecasts", "[1,2]"), 400, "must be a JSON object");
    }

    @Test
    void unknown_fields_and_wrong_types_are_422_naming_the_field() {
        problem(api.as("ana", "POST", "/api/v1/forecasts", "{\"assumptions\":\"sceptic\",\"rnus\":10}"), 422, "\"field\":\"rnus\"", "unknown field", "runs");
        problem(api.as("ana", "POST", "/api/v1/forecasts", "{\"assumptions\":\"sceptic\",\"runs\":\"many\"}"), 422, "\"field\":\"runs\"", "whole number", "a string");
        problem(api.as("ana", "POST", "/api/v1/forecasts", "{\"assumptions\":\"sceptic\",\"runs\":0}"), 422, "between 1 and");
        problem(api.as("ana", "POST", "/api/v1/forecasts", "{\"assumptions\":\"sceptic\",\"asOf\":\"31/12/2026\"}"), 422, "\"field\":\"asOf\"", "'31/12/2026'");
        problem(api.as("ana", "POST", "/api/v1/forecasts", "{\"assumptions\":\"../../etc/passwd\"}"), 422, "bundled assumption set");
    }

    @Test
    void a_long_value_is_quoted_at_most_80_characters_with_its_length() {
        var longDate = "9".repeat(35);
        var r = api.send("GET", "/api/v1/scenarios/gaza-2025/status?asOf=" + longDate, null);
        problem(r, 422, "'" + longDate + "'");
        var huge = "x".repeat(300);
        var r2 = api.as("ana", "POST", "/api/v1/forecasts", "{\"assumptions\":\"sceptic\",\"" + huge + "\":1}");
        problem(r2, 422, "(300 characters)");
        assertThat(Json.parse(r2.body()).path("value").asText()).hasSizeLessThan(120);
    }

    @Test
    void a_record_with_bad_fields_is_422_with_each_located_problem() {
        var r = api.as("mona", "POST", "/api/v1/records", "{\"id\":\"b-1\",\"type\":\"incident\",\"time\":\"yesterday\"}");
        problem(r, 422, "request body:1:", "time");
        assertThat(Json.parse(r.body()).path("problems").size()).isGreaterThan(0);
    }

    @Test
    void a_body_over_the_limit_is_413() {
        var big = "{\"reason\":\"" + "y".repeat((int) ServerConfig.DEFAULT_MAX_BODY + 10) + "\"}";
        problem(api.as("bea", "POST", "/api/v1/records/x/disputes", big), 413, "larger than");
    }

    @Test
    void unknown_routes_and_methods_are_problems_too() {
        problem(api.send("GET", "/api/v1/nowhere", null), 404, "openapi.json");
        problem(api.send("PUT", "/api/v1/records", "{}"), 405, "PUT");
        problem(api.send("GET", "/api/v1/scenarios/no-such", null), 404, "'no-such'", "gaza-2025");
        problem(api.send("GET", "/api/v1/scenarios/gaza-2025/gates/no-gate/why-not", null), 404, "'no-gate'");
    }

    @Test
    void a_bad_scenario_upload_gives_its_located_problems() {
        var r = api.as("ana", "POST", "/api/v1/scenarios/validate", "id: x\ntitle: [unclosed\n");
        assertThat(r.statusCode()).isEqualTo(200);
        var n = Json.parse(r.body());
        assertThat(n.path("valid").asBoolean()).isFalse();
        assertThat(n.path("problems").get(0).path("line").asInt()).isPositive();
        assertThat(n.path("problems").get(0).path("text").asText()).startsWith("upload.yaml:");
    }

    @Test
    void a_request_jetty_refuses_before_routing_is_problem_json_and_says_the_connection_closes() throws Exception {
        var post = "Host: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n";
        String[][] requests = {{"POST /api/v1/records/a%00b HTTP/1.1\r\n" + post + "\r\n{}", "400"}, {"POST /api/v1/%zz HTTP/1.1\r\n" + post + "\r\n{}", "400"},
                {"GET /api/v1/scenarios HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", "431"}};
        for (var request : requests) {
            try (var socket = new java.net.Socket("127.0.0.1", api.server.port())) {
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(request[0].getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                var response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);   // to the server's close
                assertThat(response).as(request[0].substring(0, 40)).startsWith("HTTP/1.1 " + request[1]).containsIgnoringCase("\r\nConnection: close\r\n")
                        .contains("application/problem+json").contains("\"status\":" + request[1], "new connection").doesNotContain("<html");
            }
        }
    }

    @Test
    void a_body_shorter_than_its_length_is_a_400_not_a_server_failure() throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("POST /api/v1/records HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\":"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            var response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json", "ended before the length");
        }
    }
}
