package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phasegate.cli.LedgerCliTest.ENV;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `forecast --record` saves the forecast and its nowcast with their inputs; `forecast history` lists and resolves them. */
class ForecastHistoryCliTest {
    static final Path JAN = CliTest.REPO.resolve("scenarios/gaza-ceasefire-2025-01.yaml");
    @TempDir Path dir;

    @org.junit.jupiter.api.BeforeEach
    void key() throws java.io.IOException {
        Files.writeString(dir.resolve("data.key"), java.util.Base64.getEncoder().encodeToString(new byte[32]));
    }

    private CliTest.Run run(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString(), "--key-file", dir.resolve("data.key").toString()));
        return CliTest.run(ENV, all.toArray(String[]::new));
    }

    @Test
    void recordedForecastsAreListedWithTheirInputsAndResolvedOnRead() throws Exception {
        var none = run("forecast", "--scenario", JAN.toString(), "--assumptions", "leverage", "--as-of", "2025-02-28", "--runs", "300",
                "--sensitivity-runs", "0", "--no-progress", "--record");
        assertThat(none.exit()).isEqualTo(2);   // no store yet: nothing is created by a forecast
        assertThat(run("user", "add", "root", "--role", "admin", "--org", "CC").exit()).isZero();
        var r = run("forecast", "--scenario", JAN.toString(), "--assumptions", "leverage", "--as-of", "2025-02-28", "--runs", "300",
                "--sensitivity-runs", "0", "--by", "2025-03-01", "--by", "2025-03-20", "--record", "--nowcast", "--holding-gate", "ceasefire-holding",
                "--set", "pressure-hamas=0.5");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("saved the forecast as #1", "saved the nowcast as #2");

        JsonNode json = new ObjectMapper().readTree(run("forecast", "history", "--format", "json").out());
        var saved = json.get("forecasts");
        assertThat(saved).hasSize(2);
        var f = saved.get(0);
        assertThat(f.get("method").asText()).isEqualTo("forecast");
        assertThat(saved.get(1).get("method").asText()).isEqualTo("nowcast");
        assertThat(f.get("scenario").asText()).isEqualTo("gaza-ceasefire-2025-01");
        assertThat(f.get("scenarioSha256").asText()).isEqualTo(ForecastRecording.sha256(Files.readAllBytes(JAN)));
        assertThat(f.get("assumptionSet").asText()).isEqualTo("leverage --set pressure-hamas=0.5");
        byte[] set = Files.readAllBytes(CliTest.REPO.resolve("scenarios/gaza-ceasefire-2025-01.assumptions/leverage.yaml"));
        assertThat(f.get("assumptionSha256").asText()).isNotEqualTo(ForecastRecording.sha256(set));   // the override counts
        assertThat(f.get("evidenceCutoff").asText()).isEqualTo("2025-02-28T00:00:00Z");
        assertThat(f.get("seed").asLong()).isEqualTo(1);
        assertThat(f.get("runs").asInt()).isEqualTo(300);
        assertThat(f.get("codeVersion").asText()).isNotBlank();
        var ids = new ArrayList<String>();
        f.get("questions").forEach(q -> ids.add(q.get("id").asText()));
        assertThat(ids).contains("gate-open:phase-1-exchanges-complete:by:2025-03-02T00:00:00Z", "phase-complete:phase-2:by:2025-03-21T00:00:00Z",
                "collapse:ceasefire-holding:by:2025-03-21T00:00:00Z");
        f.get("questions").forEach(q -> assertThat(q.get("resolution").isNull()).isTrue());   // no --scenario: not resolved

        // resolved on read from the store's verified records: it holds none, so every date that passed resolves NO
        String q = "gate-open:phase-1-exchanges-complete:by:2025-03-02T00:00:00Z";
        JsonNode one = new ObjectMapper().readTree(run("forecast", "history", "--question", q, "--scenario", JAN.toString(), "--format", "json").out());
        assertThat(one.get("forecasts")).hasSize(2).allSatisfy(x -> {
            assertThat(x.get("questions")).hasSize(1);
            var res = x.get("questions").get(0).get("resolution");
            assertThat(res.get("state").asText()).isEqualTo("no");
            assertThat(res.get("at").asText()).isEqualTo("2025-03-02T00:00:00Z");
            assertThat(res.get("outcome").asInt()).isZero();
        });
        var text = run("forecast", "history", "--question", q, "--scenario", JAN.toString()).out();
        assertThat(text).contains("#1 forecast of gaza-ceasefire-2025-01", "#2 nowcast", q, "NO (2025-03-02T00:00:00Z passed)");
    }

    @Test
    void historyNeedsNoScenarioButTheForecastStillDoes() {
        assertThat(run("user", "add", "root", "--role", "admin", "--org", "CC").exit()).isZero();
        var empty = run("forecast", "history");
        assertThat(empty.exit()).isZero();
        assertThat(empty.out()).contains("no saved forecasts");
        var bare = CliTest.run("forecast", "--runs", "10");
        assertThat(bare.exit()).isEqualTo(2);
        assertThat(bare.err()).contains("--scenario", "needs a scenario", "--assumptions").doesNotContain("Exception");
    }

    @Test
    void questionsResolveFromRecordsDatedUpToTheirDateOnly() {
        var scenario = new org.phasegate.scenario.ScenarioLoader().load(JAN);
        var records = new org.phasegate.evidence.EventsReader().read(CliTest.REPO.resolve("scenarios/gaza-ceasefire-2025-01.events.jsonl"));
        var resolver = new HistoryResolver(scenario, records, Instant.parse("2026-12-05T00:00:00Z"));
        var f = new org.phasegate.store.forecasts.SavedForecast(1, Instant.EPOCH, "forecast", scenario.id(), "a".repeat(64), "leverage", "b".repeat(64),
                Instant.parse("2025-02-01T00:00:00Z"), 1, 10, "test", List.of());
        var opened = question("gate-open", "phase-1-exchanges-complete", "2025-03-02T00:00:00Z");
        assertThat(resolver.resolve(f, opened).orElseThrow().at()).contains(Instant.parse("2025-02-27T12:00:00Z"));
        var early = question("gate-open", "phase-1-exchanges-complete", "2025-02-27T00:00:00Z");   // the later records do not count
        assertThat(resolver.resolve(f, early).orElseThrow().outcome()).isZero();
        var collapse = question("collapse", "ceasefire-holding", "2025-03-31T00:00:00Z");
        assertThat(resolver.resolve(f, collapse).orElseThrow().at()).contains(Instant.parse("2025-03-18T02:00:00Z"));
        var future = question("phase-complete", "phase-2", "2027-01-01T00:00:00Z");
        assertThat(resolver.resolve(f, future).orElseThrow().state()).isEqualTo(org.phasegate.score.Resolution.State.UNRESOLVED);
        var gone = question("gate-open", "no-such-gate", "2025-03-02T00:00:00Z");
        assertThat(resolver.resolve(f, gone)).isEmpty();
    }

    private static org.phasegate.store.forecasts.SavedForecast.SavedQuestion question(String kind, String subject, String by) {
        return new org.phasegate.store.forecasts.SavedForecast.SavedQuestion(kind + ":" + subject + ":by:" + by, kind, subject, Instant.parse(by), 0.5);
    }
}
