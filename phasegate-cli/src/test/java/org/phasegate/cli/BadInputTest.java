package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input found by trying each command: one clear message, exit 2, never a Java exception name or stack trace. */
class BadInputTest {

    static void refused(CliTest.Run r, String... message) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("Exception", "please report this", "\tat ");
    }

    @Test
    void forecastDatesThatAreNotDatesSayWhatADateLooksLike() {
        refused(ForecastCommandTest.forecast("--assumptions", "sceptic", "--by", "notadate"),
                "'notadate' is not a date (use YYYY-MM-DD, e.g. 2027-12-31)");
        refused(ForecastCommandTest.forecast("--assumptions", "sceptic", "--sensitivity-date", "2027-02-30"),
                "'2027-02-30' is not a date");
    }

    @Test
    void aMissingAssumptionSetFileIsNamedWithAHint() {
        refused(ForecastCommandTest.forecast("--assumptions", "no-such-set.yaml"),
                "no-such-set.yaml: no such assumption set file (check the path, or name a bundled set without .yaml, e.g. --assumptions sceptic)");
    }

    @Test
    void anOutputDirectoryThatCannotBeMadeIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        var r = ForecastCommandTest.forecast("--assumptions", "sceptic", "--out", file.resolve("charts").toString());
        refused(r, "phasegate: cannot use " + file.resolve("charts"), "(check that the path exists and that you may write there)");
    }

    @Test
    void importBenchRefusesRowCountsOutOfRangeUnderBothNames() {
        refused(CliTest.run("bench", "import", "--rows", "0"), "--rows: must be 1..50,000,000 (got 0)");
        refused(CliTest.run("import", "bench", "--rows", "50000001"), "--rows: must be 1..50,000,000 (got 50000001)");
    }

    @Test
    void ledgerBenchRefusesSizesThatAreNotPositive() {
        refused(CliTest.run("ledger", "bench", "--batch", "0", "--entries", "10"), "--entries, --batch and --seconds must be positive (got 10, 0, 3.0)");
        refused(CliTest.run("ledger", "bench", "--entries", "-5"), "must be positive");
    }

    @Test
    void recordListRefusesAnUnknownStateBeforeOpeningTheStore(@TempDir Path dir) {
        refused(CliTest.run("record", "list", "--state", "verifed", "--data-dir", dir.resolve("data").toString()),
                "phasegate: --state 'verifed' is not one of reported, corroborated, verified, disputed, rejected, superseded");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void theCommandListShowsTheWholeForecastSummary() {
        assertThat(CliTest.run("--help").out().replaceAll("\\s+", " ")).contains("ceasefire collapse, gate openings, failure paths");
    }

    @Test
    void aDataDirectoryThatCannotBeMadeSaysSoAndHowToChooseAnother(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        refused(CliTest.run(java.util.Map.of("PHASEGATE_NEW_PASSWORD", "a long enough password"), "user", "add", "root", "--role", "admin",
                        "--org", "CC", "--data-dir", file.resolve("data").toString(), "--key-file", keyFile(dir).toString()),
                "cannot create the data directory " + file.resolve("data"), "(choose a folder you may write to with --data-dir)");
    }

    @Test
    void aDirectoryWithoutAStoreIsRefusedAndNothingIsCreated(@TempDir Path dir) throws Exception {
        var key = keyFile(dir).toString();
        for (var command : java.util.List.of(new String[] {"user", "list"}, new String[] {"ledger", "verify"}, new String[] {"record", "list"},
                new String[] {"org", "list"})) {
            var args = new java.util.ArrayList<>(java.util.List.of(command));
            args.addAll(java.util.List.of("--data-dir", dir.resolve("typo").toString(), "--key-file", key));
            refused(CliTest.run(args.toArray(String[]::new)), "phasegate: no store in " + dir.resolve("typo") + " (no such directory); is --data-dir right?",
                    "PHASEGATE_NEW_PASSWORD=... phasegate user add NAME --role admin --org ORG --data-dir " + dir.resolve("typo"));
        }
        assertThat(dir.resolve("typo")).doesNotExist();
        var noPassword = CliTest.run("user", "add", "root", "--role", "admin", "--org", "CC", "--data-dir", dir.resolve("data").toString(), "--key-file", key);
        refused(noPassword, "phasegate: no password: give one in PHASEGATE_NEW_PASSWORD (at least 12 characters)");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    private static Path keyFile(Path dir) throws Exception {
        return Files.writeString(dir.resolve("data.key"), java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
    }
}
