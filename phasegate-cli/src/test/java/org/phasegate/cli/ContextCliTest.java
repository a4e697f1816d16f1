package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled Gaza scenario's context series over the real ACLED political-violence file (read where it lies),
 * imported through the CLI: status names the fatalities of the Gaza Strip's months that ended in the 90 days to its
 * date and the last month the data reaches. The expected totals were computed apart from Phasegate, with python3 over
 * the file's rows (admin1_pcode PS02; a month counts when its last second, 23:59:59 UTC of its last day, is in the
 * window (D − 90 days, D]):
 * <pre>
 * 2026-06-01: 231 in 10 rows, 2026-03..2026-04, last month 2026-04, 31 days after it;
 *             Deir El Balah 73, Gaza City 66, Khan Yunis 42, North Gaza 35, Rafah 15
 * 2026-05-01: 553 in 20 rows, 2026-01..2026-04, last month 2026-04, 0 days after it;
 *             Deir El Balah 121, Gaza City 173, Khan Yunis 139, North Gaza 76, Rafah 44
 * 2025-12-05: 2682 in 15 rows, 2025-09..2025-11, last month 2025-11, 4 days after it;
 *             Deir El Balah 507, Gaza City 1464, Khan Yunis 341, North Gaza 152, Rafah 218
 * 2026-08-01: no row in (2026-05-03, 2026-08-01], last month 2026-04
 * </pre>
 */
class ContextCliTest {
    @TempDir static Path dir;
    static ImportingStore store;
    static final String GAZA = ImportingStore.GAZA;
    static final String NAME = "conflict fatalities in Gaza (ACLED, all actors): ";

    static CliTest.Run run(String... args) {
        return store.run(args);
    }

    @BeforeAll
    static void importTheFile() throws Exception {
        store = ImportingStore.withUsers(dir).withAcled();
    }

    static String status(String asOf) {
        var r = run("status", "--scenario", GAZA, "--as-of", asOf);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void the_text_status_shows_the_months_summed_their_total_and_the_data_s_last_month() {
        assertThat(status("2026-06-01")).contains("\nCONTEXT (shown beside the status: these series open no gate and change no status)\n  " + NAME
                + "231 persons in 2026-03 to 2026-04 (10 rows: the periods that ended in the 90 days to 2026-06-01); data up to 2026-04,"
                + " so the window's last 31 days are not in the data yet; by admin2: Deir El Balah 73, Gaza City 66, Khan Yunis 42, North Gaza 35, Rafah 15\n"
                + "      measure gaza-conflict-fatalities (imported acled-monthly-political-violence); shown beside ceasefire-israel, ceasefire-hamas\n\nPHASES\n");
        assertThat(status("2026-05-01")).contains("  " + NAME + "553 persons in 2026-01 to 2026-04 (20 rows: the periods that ended in the 90 days to 2026-05-01);"
                + " data up to 2026-04; by admin2: Deir El Balah 121, Gaza City 173, Khan Yunis 139, North Gaza 76, Rafah 44\n");
        assertThat(status("2025-12-05")).contains("  " + NAME + "2,682 persons in 2025-09 to 2025-11 (15 rows: the periods that ended in the 90 days to 2025-12-05);"
                + " data up to 2025-11, so the window's last 4 days are not in the data yet; by admin2: Deir El Balah 507, Gaza City 1,464, Khan Yunis 341,"
                + " North Gaza 152, Rafah 218\n");
        assertThat(status("2026-08-01")).contains("  " + NAME + "unknown in the 90 days to 2026-08-01, not 0: the data ends 2026-04-30 (data up to 2026-04),"
                + " before the window starts\n");
    }

    @Test
    void the_json_status_keeps_its_fields_and_adds_the_context() throws Exception {
        var r = run("status", "--scenario", GAZA, "--as-of", "2026-06-01", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        var json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("importedData").get(0).path("measure").asText()).isEqualTo("gaza-conflict-fatalities");
        var c = json.path("context").get(0);
        assertThat(c.path("id").asText()).isEqualTo("gaza-conflict-fatalities-90d");
        assertThat(c.path("total").asDouble()).isEqualTo(231.0);
        assertThat(c.path("rows").asInt()).isEqualTo(10);
        assertThat(c.path("firstPeriod").asText()).isEqualTo("2026-03");
        assertThat(c.path("lastPeriod").asText()).isEqualTo("2026-04");
        assertThat(c.path("dataUpTo").asText()).isEqualTo("2026-04");
        assertThat(c.path("dataEnd").asText()).isEqualTo("2026-04-30T23:59:59Z");
        assertThat(c.path("uncoveredDays").asInt()).isEqualTo(31);
        assertThat(c.path("from").asText()).isEqualTo("2026-03-03T00:00:00Z");
        assertThat(c.path("to").asText()).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(c.path("windowDays").asInt()).isEqualTo(90);
        assertThat(c.path("beside")).extracting(n -> n.asText()).containsExactly("ceasefire-israel", "ceasefire-hamas");
        assertThat(c.path("by").asText()).isEqualTo("admin2");
        assertThat(c.path("byValue").toString()).isEqualTo("{\"Deir El Balah\":73.0,\"Gaza City\":66.0,\"Khan Yunis\":42.0,\"North Gaza\":35.0,\"Rafah\":15.0}");
        for (var o : json.path("obligations")) {
            boolean ceasefire = List.of("ceasefire-israel", "ceasefire-hamas").contains(o.path("id").asText());
            assertThat(o.has("context")).as(o.path("id").asText()).isEqualTo(ceasefire);
            assertThat(o.has("progress") && o.has("status") && o.has("label")).isTrue();
        }
        var later = new ObjectMapper().readTree(run("status", "--scenario", GAZA, "--as-of", "2026-08-01", "--format", "json").out());
        assertThat(later.path("context").get(0).path("total").isNull()).isTrue();
    }

    @Test
    void from_an_events_file_the_store_is_not_read_and_the_total_is_unknown_not_zero() {
        var r = run("status", "--scenario", GAZA, "--events", CliTest.REPO.resolve("scenarios/gaza-2025.events.jsonl").toString(), "--as-of", "2026-06-01");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("  " + NAME + "unknown, not 0: no counted rows of acled-monthly-political-violence up to 2026-06-01");
    }

    @Test
    void the_status_apart_from_its_context_is_the_same_with_and_without_the_imported_data() throws Exception {
        Path none = dir.resolve("no-records.jsonl");   // the store holds no monitors' records either: only the imported rows differ
        Files.writeString(none, "");
        var without = run("status", "--scenario", GAZA, "--events", none.toString(), "--as-of", "2026-06-01");
        assertThat(without.exit()).as(without.err()).isZero();
        var with = status("2026-06-01");
        assertThat(strip(with)).isEqualTo(strip(without.out()));
        assertThat(with).isNotEqualTo(without.out());
    }

    @Test
    void scenario_show_lists_the_context() {
        var r = CliTest.run("scenario", "show", GAZA);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\ncontext (shown beside the status; no rule reads it):\n  gaza-conflict-fatalities-90d: conflict fatalities in Gaza"
                + " (ACLED, all actors); measure gaza-conflict-fatalities over 90d; beside ceasefire-israel, ceasefire-hamas; by admin2\n");
    }

    /** The status without its "imported data:" lines and its CONTEXT block. */
    static String strip(String status) {
        return status.replaceAll("(?m)^imported data: .*\n", "").replaceAll("(?s)CONTEXT \\(.*?\n\n", "");
    }
}
