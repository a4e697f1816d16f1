package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command line in-process and checks what a user sees: output, errors and exit codes. */
class CliTest {
    static final Path REPO = Path.of(System.getProperty("phasegate.root", "..")).toAbsolutePath().normalize();
    static final Path MINI = REPO.resolve("phasegate-core/src/test/resources/scenarios/mini.yaml");
    static final Path MINI_EVENTS = REPO.resolve("phasegate-core/src/test/resources/scenarios/mini.events.jsonl");

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        return run(java.util.Map.of(), args);
    }

    /** Runs with these environment variables (and no others: the process's own, such as a data key, do not leak in). */
    static Run run(java.util.Map<String, String> env, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checkPassesTheBundledScenarios() {
        var r = run("scenario", "check", REPO.resolve("scenarios/gaza-2025.yaml").toString(),
                REPO.resolve("scenarios/gaza-ceasefire-2025-01.yaml").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("gaza-2025.yaml: ok", "gaza-ceasefire-2025-01.yaml: ok");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenarios/gaza-2025.yaml", "scenarios/gaza-ceasefire-2025-01.yaml",
            "scenarios/ni-decommissioning-1998.yaml"})
    void showPrintsEveryBundledScenarioInFullThroughABufferedStream(String file) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[] {"scenario", "show", REPO.resolve(file).toString()},
                new PrintWriter(bytes, true), new PrintWriter(new StringWriter(), true));
        String shown = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(code).isZero();
        String yaml = Files.readString(REPO.resolve(file));
        String obligations = yaml.substring(yaml.indexOf("\nobligations:")).split("\n(?=[a-z])", 3)[1];
        var obligationIds = java.util.regex.Pattern.compile("(?m)^  - id: (\\S+)").matcher(obligations)
                .results().map(m -> m.group(1)).toList();
        assertThat(obligationIds).isNotEmpty();
        assertThat(shown).contains(obligationIds.stream().map(id -> " " + id + " ").toList()).endsWith("\n");
    }

    @Test
    void checkReportsLocatedProblemsWithExitTwoAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(MINI).replace("owed-by: [donors]", "owed-by: [donnors]"));
        var r = run("scenario", "check", broken.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(broken.toString()) + ":\\d+:\\d+: obligation 'pay-tranche' refers to unknown party 'donnors' \\(did you mean 'donors'\\?\\)")
                .contains("1 problem found.").doesNotContain("Exception", "\tat ");
    }

    @Test
    void missingFilesAreBadInputToo() {
        var r = run("status", "--scenario", "no/such/file.yaml", "--as-of", "2025-01-01");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("no/such/file.yaml: cannot read scenario").doesNotContain("\tat ");
    }

    @Test
    void badArgumentsAreExplained() {
        var r = run("status", "--scenario", MINI.toString(), "--as-of", "last tuesday");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'last tuesday' is not a date or instant");
    }

    @Test
    void statusAsJsonCarriesGatesObligationsAndWhyNot() throws Exception {
        var r = run("status", "--scenario", MINI.toString(), "--events", MINI_EVENTS.toString(), "--as-of", "2025-02-01", "--format", "json");
        assertThat(r.exit()).isZero();
        var json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("asOf").asText()).isEqualTo("2025-02-01T00:00:00Z");
        var gates = json.get("gates");
        assertThat(gates.get(0).get("id").asText()).isEqualTo("accepted");
        assertThat(gates.get(0).get("openedAt").asText()).isEqualTo("2025-01-06T10:00:00Z");
        var withdrawal = gates.get(3);
        assertThat(withdrawal.get("open").asBoolean()).isFalse();
        assertThat(withdrawal.get("why").get("parts").get(0).get("detail").asText())
                .startsWith("unknown share of 50% of weapons-declared");   // no verified declaration yet: never 0%
    }

    @Test
    void statusAsTextShowsWhyNot() {
        var r = run("status", "--scenario", MINI.toString(), "--events", MINI_EVENTS.toString(), "--as-of", "2025-02-01");
        assertThat(r.out()).contains("[closed] withdrawal-stage", "✗ threshold weapons-decommissioned".replace("decommissioned", "destroyed"),
                "critical path: pay-tranche <- tranche");
    }

    @Test
    void replayPrintsTheTimelineOfChanges() {
        var r = run("replay", "--scenario", MINI.toString(), "--events", MINI_EVENTS.toString(), "--until", "2025-04-01", "--gates-only");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().skip(1).toList()).first().asString()
                .startsWith("2025-01-06T10:00:00Z  gate       accepted");
        assertThat(r.out()).doesNotContain("obligation ");
    }

    @Test
    void replayAndStatusShowEachStageOfAStagedObligation() throws Exception {
        var scenario = REPO.resolve("scenarios/gaza-ceasefire-2025-01.yaml").toString();
        var events = REPO.resolve("scenarios/gaza-ceasefire-2025-01.events.jsonl").toString();
        var replay = run("replay", "--scenario", scenario, "--events", events);
        assertThat(replay.out()).contains(
                "2025-01-25T09:30:00Z  stage      hostages-day-7                           stage 1 of 3 met -> stage 2 of 3 (7 persons of phase-1-hostages-returned) of release-33-hostages met",
                "hostages-day-42 of release-33-hostages at the end: stage 3 of 3 (33 persons of phase-1-hostages-returned) met on 2025-02-26; on time (2025-03-02)");
        var json = new ObjectMapper().readTree(run("status", "--scenario", scenario, "--events", events, "--as-of", "2025-01-22", "--format", "json").out());
        var release = java.util.stream.StreamSupport.stream(json.get("obligations").spliterator(), false)
                .filter(o -> o.get("id").asText().equals("release-33-hostages")).findFirst().orElseThrow();
        var stages = release.get("stages");
        assertThat(stages.get(0).get("id").asText()).isEqualTo("hostages-day-1");
        assertThat(stages.get(0).get("metAt").asText()).isEqualTo("2025-01-19T15:30:00Z");
        assertThat(stages.get(0).get("deadline").asText()).isEqualTo("2025-01-20T09:15:00Z");
        assertThat(stages.get(1).get("met").asBoolean()).isFalse();
        assertThat(stages.get(1).get("levelText").asText()).isEqualTo("7 persons of phase-1-hostages-returned");
        assertThat(stages.size()).isEqualTo(3);
    }

    @Test
    void showPrintsTheTreeWithSources() {
        var r = run("scenario", "show", MINI.toString());
        assertThat(r.out()).contains("gate withdrawal-stage", "weapons-destroyed reaches 50% of weapons-declared with 2 attestations",
                "obligation return-captives (exchange): south -> north", "accord: Mini accord text, Test mediators, 2025-01-01");
    }

    @Test
    void demoShowsTheGazaScenario() {
        System.setProperty("phasegate.home", REPO.toString());
        var both = new java.io.ByteArrayOutputStream();   // stdout and stderr buffered separately into one stream, as on a terminal
        int exit = Main.run(new String[] {"demo", "--text", "--as-of", "2026-01-15"}, new PrintWriter(both, true), new PrintWriter(both, true));
        String shown = both.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        // the ledger runs first, so the status counts the real data it imported, named as of the status date (ACLED's monthly file: December 2025),
        // and the latest-evidence line names how far the imported data runs (past the status date here)
        assertThat(shown).contains("\nphasegate: starting a throwaway embedded PostgreSQL for the ledger and the real data ...\nlatest evidence: 2026-01-1")
                .contains("; imported data runs to ACLED 2026-04 (after the status date), gaza-casualties-daily 2026-08-22 (after the status date)\n\n"
                + "imported data: measure gaza-conflict-fatalities reads acled-monthly-political-violence: ")
                .contains(" rows counted, data up to 2025-12 (import state corroborated)\n")
                .contains("is identical to the status above\nphasegate: forecasting, ");
        var r = new Run(exit, shown.replaceAll("(?m)^phasegate: .*\n", ""), "");
        assertThat(r.out()).contains("The 2025", "PHASES", "phase-2", "GATES", "PARTIES", "BARGAINING", "predicted outcome");
        assertThat(r.out()).contains("latest evidence: 2026-01-1", "EVIDENCE LEDGER", "every hash, link and signature checks",
                "the gate engine's status from the ledger is identical to the status above",
                "real data: 8 of 8 files from", "imported, 7,068 rows, one signed ledger entry each; data up to ACLED 2026-04, gaza-casualties-daily 2026-08-22");
        assertThat(r.out()).contains("FORECAST", "sceptic", "leverage", "P(phase-2 complete by 2027-12-31)", "top levers (leverage)",
                "assumptions (sceptic / leverage; unit; source)", "deadline-hazard-multiplier");
    }
}
