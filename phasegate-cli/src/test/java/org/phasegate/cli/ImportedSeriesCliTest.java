package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ACLED political-violence file imported through the CLI, then read as of a date inside it (15 January 2026):
 * status, the forecast, its nowcast and its history name the last month that had ended by each date they read, and
 * count only its rows. Every expected date and count is computed here from the file's rows.
 */
class ImportedSeriesCliTest {
    @TempDir static Path dir;
    static ImportingStore store;
    static final Path ACLED = ImportingStore.ACLED;
    static final String DATASET = "acled-monthly-political-violence";
    static final String GAZA = ImportingStore.GAZA;
    static final Instant AS_OF = Instant.parse("2026-01-15T00:00:00Z");
    static JsonNode file;

    static CliTest.Run run(String... args) {
        return store.run(args);
    }

    @BeforeAll
    static void importTheFile() throws Exception {
        System.setProperty("phasegate.home", CliTest.REPO.toString());   // the history's base rate reads ../shared/data from the installation, as other CLI tests set it
        store = ImportingStore.withUsers(dir).withAcled();
        file = new ObjectMapper().readTree(ACLED.toFile());
    }

    /** The rows the measure keeps (its {@code where: {admin1-pcode: PS02}}) whose month had ended by {@code at}. */
    static long rowsBy(Instant at) {
        long n = 0;
        for (var r : file.path("rows")) if (gaza(r) && !end(r).isAfter(at)) n++;
        return n;
    }

    static boolean gaza(JsonNode r) {
        return r.path("admin1_pcode").asText().equals("PS02");
    }

    /** The last month of the measure's rows ended by {@code at}. */
    static Optional<YearMonth> lastMonthBy(Instant at) {
        return lastMonthBy(at, true);
    }

    /** The last month ended by {@code at} of the measure's rows ({@code gazaOnly}) or of the dataset's. */
    static Optional<YearMonth> lastMonthBy(Instant at, boolean gazaOnly) {
        Optional<YearMonth> last = Optional.empty();
        for (var r : file.path("rows")) {
            var m = YearMonth.parse(r.path("date_period").asText());
            if ((!gazaOnly || gaza(r)) && !end(r).isAfter(at) && (last.isEmpty() || m.isAfter(last.get()))) last = Optional.of(m);
        }
        return last;
    }

    static Instant end(JsonNode r) {
        return YearMonth.parse(r.path("date_period").asText()).atEndOfMonth().atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
    }

    /** 620 of the file's 1,984 rows are Gaza's (admin1_pcode PS02; counted with python3 over the file), the last in 2026-04. */
    @Test
    void status_counts_only_the_rows_the_measures_where_filter_keeps() {
        var status = run("status", "--scenario", GAZA, "--as-of", "2026-06-01T00:00:00Z");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).startsWith("imported data: measure gaza-conflict-fatalities reads " + DATASET + ": 620 rows counted, data up to 2026-04"
                + " (import state corroborated)" + System.lineSeparator());
    }

    @Test
    void status_as_of_a_date_inside_the_file_names_the_last_month_ended_by_then() {
        var status = run("status", "--scenario", GAZA, "--as-of", AS_OF.toString());
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).startsWith(String.format("imported data: measure gaza-conflict-fatalities reads %s: %,d rows counted, data up to %s"
                + " (import state corroborated)%n", DATASET, rowsBy(AS_OF), lastMonthBy(AS_OF).orElseThrow()));
    }

    @Test
    void the_nowcast_and_the_history_read_the_series_as_of_each_date_and_name_its_last_day() throws Exception {
        Path out = dir.resolve("out");
        var f = run("forecast", "--scenario", GAZA, "--assumptions", "sceptic", "--from-store", "--as-of", AS_OF.toString(), "--runs", "100",
                "--sensitivity-runs", "0", "--nowcast", "--nowcast-every", "35", "--format", "json", "--out", out.toString(), "--no-progress");
        assertThat(f.exit()).as(f.err()).isZero();
        var json = new ObjectMapper().readTree(f.out());
        var expectedMonth = lastMonthBy(AS_OF).orElseThrow().toString();
        for (var upTo : List.of(json.path("importedData").get(0), json.path("nowcast").path("importedData").get(0))) {
            assertThat(upTo.path("dataset").asText()).isEqualTo(DATASET);
            assertThat(upTo.path("rows").asLong()).isEqualTo(rowsBy(AS_OF));
            assertThat(upTo.path("lastPeriod").asText()).isEqualTo(expectedMonth);
        }
        var checkpoints = json.path("nowcast").path("checkpoints");
        assertThat(checkpoints.size()).isGreaterThan(1);
        for (var c : checkpoints) {
            var at = Instant.parse(c.path("at").asText());
            assertThat(c.path("importedUpTo").path(DATASET).asText()).as("checkpoint %s", at)
                    .isEqualTo(lastMonthBy(at, false).orElseThrow().atEndOfMonth().toString());
        }
        var csv = Files.readAllLines(out.resolve("history.csv"));
        assertThat(csv.getFirst()).endsWith(",outcome,importedUpTo:" + DATASET);
        assertThat(csv).hasSizeGreaterThan(2);
        var asOfCell = java.util.regex.Pattern.compile(",(\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z),");
        for (var line : csv.subList(1, csv.size())) {
            var m = asOfCell.matcher(line);
            assertThat(m.find()).as(line).isTrue();
            var asOf = Instant.parse(m.group(1));
            assertThat(LocalDate.parse(line.substring(line.lastIndexOf(',') + 1))).as(line).isEqualTo(lastMonthBy(asOf, false).orElseThrow().atEndOfMonth());
        }
    }

    @Test
    void a_backtest_from_the_store_reads_the_series_as_of_each_date() throws Exception {
        Path out = dir.resolve("backtest");
        var b = run("backtest", "--scenario", GAZA, "--from-store", "--until", AS_OF.toString(), "--every", "28d", "--runs", "50", "--format", "json",
                "--out", out.toString(), "--no-progress");
        assertThat(b.exit()).as(b.err()).isZero();
        var upTo = new ObjectMapper().readTree(b.out()).path("importedData").get(0);
        assertThat(upTo.path("rows").asLong()).isEqualTo(rowsBy(AS_OF));
        assertThat(upTo.path("lastPeriod").asText()).isEqualTo(lastMonthBy(AS_OF).orElseThrow().toString());
        var csv = Files.readAllLines(out.resolve("history.csv"));
        assertThat(csv.getFirst()).endsWith(",importedUpTo:" + DATASET);
        assertThat(csv.subList(1, csv.size())).isNotEmpty().allSatisfy(line -> {
            var m = java.util.regex.Pattern.compile(",(\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z),").matcher(line);
            assertThat(m.find()).isTrue();
            assertThat(line).endsWith("," + lastMonthBy(Instant.parse(m.group(1)), false).orElseThrow().atEndOfMonth());
        });
        var both = run("backtest", "--scenario", GAZA, "--from-store", "--events", "x.jsonl", "--no-progress");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--from-store and --events both name the evidence");
    }

    @Test
    void the_nowcast_text_names_the_data_at_the_as_of_date_and_at_each_checkpoint() {
        var f = run("forecast", "--scenario", GAZA, "--assumptions", "sceptic", "--from-store", "--as-of", AS_OF.toString(), "--runs", "50",
                "--sensitivity-runs", "0", "--nowcast", "--nowcast-every", "56", "--no-progress");
        assertThat(f.exit()).as(f.err()).isZero();
        var nowcast = f.out().substring(f.out().indexOf("NOWCAST:"));
        assertThat(nowcast).contains(String.format("  imported data: measure gaza-conflict-fatalities reads %s: %,d rows counted, data up to %s",
                DATASET, rowsBy(AS_OF), lastMonthBy(AS_OF).orElseThrow()));
        var checkpoint = java.util.regex.Pattern.compile("(?m)^    (\\S+Z) .* " + DATASET + " up to (\\S+)$").matcher(nowcast);
        int n = 0;
        while (checkpoint.find()) {
            n++;
            assertThat(checkpoint.group(2)).isEqualTo(lastMonthBy(Instant.parse(checkpoint.group(1)), false).orElseThrow().atEndOfMonth().toString());
        }
        assertThat(n).isGreaterThan(1);
    }
}
