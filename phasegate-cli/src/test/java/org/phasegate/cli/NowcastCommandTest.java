package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** `forecast --nowcast`: the forecast's JSON keeps its fields and gains `nowcast`; bad nowcast options exit 2. */
class NowcastCommandTest {
    static final String JAN = CliTest.REPO.resolve("scenarios/gaza-ceasefire-2025-01.yaml").toString();

    private static CliTest.Run forecast(String... extra) {
        var args = new java.util.ArrayList<>(java.util.List.of("forecast", "--scenario", JAN, "--assumptions", "leverage",
                "--as-of", "2025-02-28", "--by", "2025-03-01", "--runs", "500", "--sensitivity-runs", "0", "--no-progress"));
        args.addAll(java.util.List.of(extra));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void jsonCarriesTheNowcastBesideEveryForecastField() throws Exception {
        var plain = new ObjectMapper().readTree(forecast("--format", "json").out());
        var r = forecast("--format", "json", "--nowcast", "--holding-gate", "ceasefire-holding", "--nowcast-every", "14");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        plain.fieldNames().forEachRemaining(k -> assertThat(json.get(k)).as(k).isEqualTo(plain.get(k)));
        var n = json.get("nowcast");
        assertThat(n.get("asOf").asText()).isEqualTo("2025-02-28T00:00:00Z");
        assertThat(n.get("origin").asText()).isEqualTo("2025-01-10T00:00:00Z");   // the scenario's start (15 Jan) moved back onto a weekly step
        assertThat(n.get("holdingGate").asText()).isEqualTo("ceasefire-holding");
        assertThat(n.get("likelihood").get("timingSdDays").asDouble()).isEqualTo(14);
        var checkpoints = n.get("checkpoints");
        assertThat(checkpoints).hasSize(4);   // days 14, 28, 42 and the as-of day 49
        assertThat(checkpoints.get(3).get("at").asText()).isEqualTo("2025-02-28T00:00:00Z");
        for (int i = 0; i < checkpoints.size(); i++) {
            assertThat(n.get("ess").get(i).asDouble()).isEqualTo(checkpoints.get(i).get("ess").asDouble()).isBetween(1.0, 500.0);
        }
        boolean collapsed = false;
        for (JsonNode c : checkpoints) collapsed |= c.get("essShare").asDouble() < 0.05;
        assertThat(n.get("warning").isNull()).isEqualTo(!collapsed);
        var gate = find(n.get("gates"), "gate", "phase-1-exchanges-complete").get("by").get(0);
        assertThat(gate.get("date").asText()).isEqualTo("2025-03-01");
        assertThat(gate.get("p").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void textShowsTheNowcastBesideTheForecastWithItsCheckpoints() {
        var r = forecast("--nowcast");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("NOWCAST: runs from 2025-01-10T00:00:00Z", "forecast from the verified state -> nowcast",
                "phase-1-exchanges-complete", "ESS", "none before the as-of date assumed");
    }

    @Test
    void badNowcastOptionsAreInputErrors() {
        var r = forecast("--nowcast", "--holding-gate", "ceasefire-holdin");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--holding-gate", "has no such gate", "ceasefire-holding").doesNotContain("Exception");
        var late = forecast("--nowcast", "--nowcast-from", "2025-03-05");
        assertThat(late.exit()).isEqualTo(2);
        assertThat(late.err()).contains("after the as-of date");
        var alone = forecast("--holding-gate", "ceasefire-holding");
        assertThat(alone.exit()).isEqualTo(2);
        assertThat(alone.err()).contains("add --nowcast");
    }

    private static JsonNode find(JsonNode array, String key, String id) {
        for (JsonNode n : array) if (n.get(key).asText().equals(id)) return n;
        throw new AssertionError("no " + id);
    }
}
