package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forecast command's contract: JSON keys, text sections, exit codes, errors for bad input. */
class ForecastCommandTest {
    static final String GAZA = CliTest.REPO.resolve("scenarios/gaza-2025.yaml").toString();

    static CliTest.Run forecast(String... extra) {
        var args = new java.util.ArrayList<>(java.util.List.of("forecast", "--scenario", GAZA, "--as-of", "2026-12-01",
                "--runs", "400", "--sensitivity-runs", "50", "--no-progress"));
        args.addAll(java.util.List.of(extra));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void jsonNamesSeedRunsAssumptionsAndPerPhaseProbabilitiesWithStandardErrors() throws Exception {
        var r = forecast("--assumptions", "sceptic", "--format", "json", "--seed", "9", "--set", "compliance-weekly=0.8",
                "--by", "2027-06-30", "--by", "2027-12-31");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("seed").asLong()).isEqualTo(9);
        assertThat(json.get("runs").asInt()).isEqualTo(400);
        assertThat(json.get("assumptionSet").asText()).isEqualTo("sceptic");
        var used = json.get("assumptions");
        assertThat(used.size()).isGreaterThan(30);
        for (JsonNode a : used) {
            assertThat(a.has("name") && a.has("value") && a.has("low") && a.has("high") && a.has("unit")).isTrue();
            assertThat(a.get("source").get("title").asText()).isNotBlank();
        }
        assertThat(find(used, "compliance-weekly").get("value").asDouble()).isEqualTo(0.8);
        var phase2 = find(json.get("phases"), "phase-2");
        assertThat(phase2.get("by")).hasSize(2);
        for (JsonNode e : phase2.get("by")) {
            double p = e.get("p").asDouble();
            assertThat(p).isBetween(0.0, 1.0);
            assertThat(e.get("se").asDouble()).isCloseTo(Math.sqrt(p * (1 - p) / 400), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(phase2.get("by").get(0).get("date").asText()).isEqualTo("2027-06-30");
        assertThat(json.get("collapse").get("by")).hasSize(2);
        assertThat(json.get("sensitivity").get("items").size()).isGreaterThan(10);
        assertThat(json.get("heldMeasures")).extracting(JsonNode::asText).containsExactly("hamas-rejection");
    }

    @Test
    void textShowsThePhasesTheLeversAndTheAssumptionsWithSources() {
        var r = forecast("--assumptions", "leverage");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("P(PHASE COMPLETE BY DATE)", "phase-2", "by 2026-12-31", "by 2027-12-31", "TOP FIVE LEVERS",
                "ASSUMPTIONS USED", "armed-group-disarms", "Foreign Affairs",
                "HELD AT THEIR STARTING VALUE (no obligation or proxy moves them): hamas-rejection");
    }

    @Test
    void badOverridesAndUnknownSetsExitTwoWithoutAStackTrace() {
        var unknown = forecast("--assumptions", "sceptic", "--set", "stall-dayz=100");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--set stall-dayz=100: unknown assumption 'stall-dayz'", "did you mean 'stall-days'?")
                .doesNotContain("Exception");
        var range = forecast("--assumptions", "sceptic", "--set", "stall-days=1000");
        assertThat(range.exit()).isEqualTo(2);
        assertThat(range.err()).contains("outside its plausible range [60, 180]");
        var phase = forecast("--assumptions", "sceptic", "--phase", "phase-4");
        assertThat(phase.exit()).isEqualTo(2);
        assertThat(phase.err()).contains("--phase phase-4: scenario gaza-2025 has no phase 'phase-4'");
        var missing = forecast("--assumptions", "optimist");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("optimist.yaml", "cannot read assumption set");
    }

    @Test
    void aBrokenSetFileIsReportedWithFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "name: mine\nassumptions:\n  - id: x\n    value: high\n");
        var r = forecast("--assumptions", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(file + ":4:12: assumption 'x' value 'high' is not a number");
    }

    @Test
    void outWritesTextJsonAndCharts(@TempDir Path dir) {
        var r = forecast("--assumptions", "sceptic", "--out", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(dir.resolve("forecast.json")).exists();
        assertThat(dir.resolve("forecast.txt")).exists();
        assertThat(dir.resolve("curves.svg")).content().startsWith("<svg").contains("polyline");
        assertThat(dir.resolve("curves.png")).exists();
        assertThat(dir.resolve("tornado.svg")).content().contains("pts");
        assertThat(dir.resolve("tornado.png")).exists();
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (id.equals(n.path("name").asText()) || id.equals(n.path("phase").asText())) return n;
        }
        throw new AssertionError("no " + id);
    }
}
