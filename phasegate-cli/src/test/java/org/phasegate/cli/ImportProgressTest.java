package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code phasegate import} shows while it imports a real file: the progress bar on stderr (by kB read, redrawn
 * over itself), ending at 100% of the file's size, and then the summary on stdout, whose counts and last month are
 * checked against the file as this test reads it (Jackson's tree, not the importer).
 */
class ImportProgressTest {
    static final Path FILE = CliTest.REPO.resolve("../shared/data/events/acled-monthly-demonstrations.json").normalize();
    static final Map<String, String> ENV = Map.of("PHASEGATE_PASSWORD", "a password for the tests", "PHASEGATE_NEW_PASSWORD", "a password for the tests");

    @TempDir Path dir;

    @Test
    void the_bar_reaches_the_whole_file_and_the_summary_counts_its_rows() throws Exception {
        var rows = new ObjectMapper().readTree(FILE.toFile()).get("rows");
        int gaza = 0;
        String last = "";
        for (var r : rows) {
            if (r.get("admin1").asText().equals("Gaza Strip")) gaza++;
            if (r.get("date_period").asText().compareTo(last) > 0) last = r.get("date_period").asText();
        }
        assertThat(gaza).isEqualTo(620);   // the count of Gaza governorate-months per file, as a check on this reading
        long kb = Files.size(FILE) / 1024;

        users();
        var run = run("import", "acled", FILE.toString(), "--as", "mona", "--scenario", CliTest.REPO.resolve("scenarios/gaza-2025.yaml").toString());
        assertThat(run.exit()).as(run.err()).isZero();

        var draws = Arrays.stream(run.err().split("\r")).filter(s -> !s.isBlank()).toList();
        assertThat(draws).as(run.err()).isNotEmpty().allSatisfy(d -> assertThat(d).startsWith("import acled").contains("%", " kB"));
        var finalDraw = draws.getLast();
        assertThat(finalDraw).as(run.err()).contains("100%", kb + "/" + kb + " kB").endsWith("\n");
        assertThat(lineBreaks(run.err())).as("one line: every draw over the last, then one line break: " + run.err()).isOne();
        assertThat(run.out()).doesNotContain("\r", "import acled ");
        assertThat(run.out()).contains(String.format("%s: %,d rows read for dataset acled-monthly-demonstrations", FILE, rows.size()),
                String.format("added %,d (incident %,d), 0 already imported unchanged, 0 rejected", rows.size(), rows.size()),
                "one signed ledger entry", String.format("commits to its %,d rows by Merkle root", rows.size()), "data up to " + last,
                String.format("%,d rows flagged not-reported:fatalities", rows.size()));   // demonstrations carry fatalities: null

        var quiet = run("import", "acled", FILE.toString(), "--as", "mona", "--no-progress");
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).contains(String.format("added 0, %,d already imported unchanged", rows.size()));
    }

    @Test
    void every_kind_ends_with_exactly_one_final_bar_line() {
        var data = CliTest.REPO.resolve("../shared/data").normalize();
        var files = Map.of("acled", data.resolve("events/acled-monthly-civilian-targeting.json"), "casualties", data.resolve("events/gaza-casualties-daily.json"),
                "geojson", data.resolve("geo/ocha-admin2.geojson"));
        for (var f : files.entrySet()) {
            var r = run("import", f.getKey(), f.getValue().toString(), "--dry-run");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).as(f.getKey()).startsWith("\rimport " + f.getKey()).endsWith("\n");
            assertThat(lineBreaks(r.err())).as(f.getKey() + ": " + r.err()).isOne();
            var afterLastRedraw = r.err().substring(r.err().lastIndexOf('\r') + 1);
            assertThat(afterLastRedraw).as(f.getKey()).contains("100%").endsWith("\n");
        }
    }

    private static long lineBreaks(String s) {
        return s.chars().filter(c -> c == '\n').count();
    }

    private CliTest.Run run(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString(), "--key-file", dir.resolve("data.key").toString()));
        return CliTest.run(ENV, all.toArray(String[]::new));
    }

    private void users() throws Exception {
        Files.writeString(dir.resolve("data.key"), Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(run("user", "add", "root", "--role", "admin", "--org", "CC").exit()).isZero();
        assertThat(run("org", "add", "UNOPS", "--as", "root").exit()).isZero();
        assertThat(run("user", "add", "mona", "--role", "monitor", "--org", "UNOPS", "--as", "root").exit()).isZero();
    }
}
