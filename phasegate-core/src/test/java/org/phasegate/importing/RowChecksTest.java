package org.phasegate.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** No bad row is imported silently: each check a row must pass, on hand-written rows, with the rejection or flag it must give. */
class RowChecksTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    static final String HINT = " (fix the row, or import with --quarantine FILE to set bad rows aside)";

    static Tally read(SourceReader reader, String file, String text) {
        var t = new Tally(true);
        reader.read(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), t);
        return t;
    }

    static List<String> rejections(Tally t, String file) {
        return t.rejected().stream().map(r -> r.problem(file).render()).toList();
    }

    static String acled(String id, String date, String year, String eventType, String admin1, String admin2) {
        return id + "," + date + "," + year + ",1,Political violence," + eventType + ",Armed clash,Actor A,,13," + admin1 + "," + admin2
                + ",,Somewhere,31.5,34.45,1,Src,National,,2,,1700000000";
    }

    @Test
    void acled_rows_with_an_empty_event_type_a_wrong_year_or_a_future_date_are_rejected() {
        var text = CsvQuirksTest.ACLED_HEADER + "\n" + acled("PSE1", "2024-01-15", "2024", "", "Gaza Strip", "Rafah") + "\n"
                + acled("PSE2", "2024-01-15", "2023", "Battles", "Gaza Strip", "Rafah") + "\n"
                + acled("PSE3", "2026-12-06", "2026", "Battles", "Gaza Strip", "Rafah") + "\n"
                + acled("PSE4", "2026-12-05", "2026", "Battles", "Gaza Strip", "Rafah") + "\n"
                + acled("PSE5", "2024-01-15", "", "Battles", "Gaza Strip", "Rafah") + "\n";
        var t = read(new AcledCsvReader(TODAY), "a.csv", text);
        assertThat(t.kept()).extracting(ImportedRow::sourceId).containsExactly("PSE4", "PSE5");
        assertThat(rejections(t, "a.csv")).containsExactly(
                "a.csv:2: column 'event_type' is empty: a value is required" + HINT,
                "a.csv:3: column 'year' has '2023': does not agree with event_date (2024-01-15)" + HINT,
                "a.csv:4: column 'event_date' has '2026-12-06': dated after today (2026-12-05)" + HINT);
    }

    @Test
    void governorate_names_are_matched_exactly_and_a_case_difference_is_named() {
        var text = CsvQuirksTest.ACLED_HEADER + "\n" + acled("PSE1", "2024-01-15", "2024", "Battles", "gaza strip", "khan yunis") + "\n"
                + acled("PSE2", "2024-01-15", "2024", "Battles", " Gaza Strip ", "Khan Yunis") + "\n";
        var t = read(new AcledCsvReader(TODAY), "a.csv", text);
        assertThat(t.kept()).extracting(ImportedRow::sourceId).containsExactly("PSE2");
        assertThat(rejections(t, "a.csv")).containsExactly("a.csv:2: column 'admin2' has 'khan yunis': unknown governorate in 'gaza strip'; names are"
                + " matched exactly by the table in docs/importing.md, never guessed (the table writes 'Khan Yunis' in 'Gaza Strip')" + HINT);
    }

    @Test
    void ucdp_rows_whose_deaths_by_side_do_not_add_up_to_best_or_that_end_after_today_are_rejected() {
        var text = "id,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,low,high\n"
                + "1,2023-10-09,2023-10-09,50,0,0,0,12,10,15\n"
                + "2,2023-10-09,2023-10-10,1,2,3,4,10,10,12\n"
                + "3,2026-12-01,2026-12-06,0,0,1,0,1,1,1\n"
                + "4,2023-10-11,2023-10-11,,,,,7,7,7\n";
        var t = read(new UcdpReader(TODAY), "u.csv", text);
        assertThat(t.kept()).extracting(ImportedRow::sourceId).containsExactly("2", "4");
        assertThat(rejections(t, "u.csv")).containsExactly(
                "u.csv:2: column 'best' has '12': is not deaths_a + deaths_b + deaths_civilians + deaths_unknown (50 + 0 + 0 + 0 = 50)" + HINT,
                "u.csv:4: column 'date_end' has '2026-12-06': dated after today (2026-12-05)" + HINT);
    }

    @Test
    void a_falling_cumulative_count_is_kept_and_flagged_and_a_future_day_is_rejected() {
        var json = """
                [{"report_date": "2024-01-01", "killed": 10, "killed_cum": 100, "injured_cum": 300},
                 {"report_date": "2024-01-02", "killed": 5, "killed_cum": 98, "injured_cum": 310},
                 {"report_date": "2024-01-03", "killed": 4, "killed_cum": 102, "injured_cum": 305},
                 {"report_date": "2026-12-06", "killed": 1, "killed_cum": 103}]
                """;
        var t = read(new CasualtiesReader(TODAY), "c.json", json);
        assertThat(t.kept()).extracting(ImportedRow::sourceId).containsExactly("2024-01-01", "2024-01-02", "2024-01-03");
        assertThat(t.kept()).extracting(ImportedRow::flags).containsExactly(List.of(), List.of("decreased:killed-cum"), List.of("decreased:injured-cum"));
        assertThat(t.kept().get(1).quantities()).containsEntry("killed-cum", 98.0);   // kept as the ministry reported it
        assertThat(rejections(t, "c.json")).containsExactly("c.json:4:2: column 'report_date' has '2026-12-06': dated after today (2026-12-05)" + HINT);
        assertThat(t.flagged()).isEqualTo(Map.of("decreased:killed-cum", 1L, "decreased:injured-cum", 1L));
    }

    @Test
    void acled_monthly_rows_of_a_month_not_begun_are_rejected_and_not_reported_values_are_counted() {
        var json = """
                {"event_type": "demonstrations", "row_count": 3, "rows": [
                  {"admin1": "Gaza Strip", "admin2": "Rafah", "admin2_pcode": "PS0275", "year": 2026, "month": 12, "date_period": "2026-12", "events": 2, "fatalities": null},
                  {"admin1": "Gaza Strip", "admin2": "Rafah", "admin2_pcode": "PS0275", "year": 2026, "month": 11, "date_period": "2026-11", "events": 3, "fatalities": null},
                  {"admin1": "Gaza Strip", "admin2": "Rafah", "admin2_pcode": "PS0275", "year": 2027, "month": 1, "date_period": "2027-01", "events": 1, "fatalities": 0}]}
                """;
        var t = read(new AcledMonthlyReader(TODAY), "m.json", json);
        assertThat(t.kept()).extracting(ImportedRow::sourceId).containsExactly("PS0275:2026-12", "PS0275:2026-11");
        assertThat(rejections(t, "m.json")).containsExactly("m.json:4:3: column 'month' has '1': dated after today (2026-12-05): 2027-01 has not begun" + HINT);
        assertThat(t.flagged()).isEqualTo(Map.of("not-reported:fatalities", 2L));
        assertThat(Tally.describeFlags(t.flagged())).contains("2 rows flagged not-reported:fatalities");
        assertThat(Tally.describeFlags(Map.of())).isEmpty();
    }

    @Test
    void a_mapped_csv_refuses_a_palestinian_pcode_ocha_does_not_have_and_a_future_day() {
        var mapping = new CsvMappingReader().parse("m.yaml", """
                dataset: unops-trucks
                type: aid-delivery
                id: [crossing, day]
                date: day
                pcode: governorate
                quantities: {trucks: trucks}
                """);
        var t = read(Importers.reader(ImportKind.CSV, java.nio.file.Path.of("t.csv"), Optional.of(mapping), TODAY), "t.csv",
                "crossing,day,governorate,trucks\nA,2025-11-02,PS0275,1\nB,2025-11-02,PS02,2\nC,2025-11-02,PS,3\nD,2025-11-02,PS9999,4\n"
                        + "E,2025-11-02,PS0276,5\nF,2025-11-02,SY01,6\nG,2026-12-06,PS0275,7\n");
        assertThat(t.kept()).extracting(ImportedRow::sourceId).containsExactly("A|2025-11-02", "B|2025-11-02", "C|2025-11-02", "F|2025-11-02");
        var reason = ": not an OCHA p-code of Palestine (PS, PS01, PS02 or a governorate of the table in docs/importing.md)" + HINT;
        assertThat(rejections(t, "t.csv")).containsExactly("t.csv:5: column 'governorate' has 'PS9999'" + reason,
                "t.csv:6: column 'governorate' has 'PS0276'" + reason, "t.csv:8: column 'day' has '2026-12-06': dated after today (2026-12-05)" + HINT);
    }

    @Test
    void today_is_the_day_furthest_ahead_so_no_time_zone_sees_a_valid_day_as_future() {
        assertThat(Importers.today(Clock.fixed(Instant.parse("2026-12-05T09:59:59Z"), ZoneOffset.UTC))).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(Importers.today(Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC))).isEqualTo(LocalDate.of(2026, 12, 6));
    }
}
