package org.phasegate.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.phasegate.problem.InvalidInputException;

/** Every rejection in the documented form, naming the file's own column; every refusal located, in plain words. */
class RejectionFormTest {
    static final String HINT = " (fix the row, or import with --quarantine FILE to set bad rows aside)";

    static Tally read(SourceReader reader, String file, String text) {
        var t = new Tally(true);
        reader.read(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), t);
        return t;
    }

    static String refusal(SourceReader reader, String file, String text) {
        try {
            read(reader, file, text);
        } catch (InvalidInputException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().getFirst().render();
        }
        throw new AssertionError("not refused");
    }

    static String acled(String id, String source, String notes) {
        return id + ",2024-01-15,2024,1,Political violence,Battles,Armed clash,Actor A,,13,Gaza Strip,Rafah,,Somewhere,31.5,34.45,1," + source
                + ",National," + notes + ",2,,1700000000";
    }

    @Test
    void an_oversize_field_a_nul_and_a_repeated_event_id_are_rejected_at_their_column() {
        var text = CsvQuirksTest.ACLED_HEADER + "\n" + acled("PSE1", "Al\u0000Jazeera", "") + "\n" + acled("PSE2", "Src", "N".repeat(100_001)) + "\n"
                + acled("PSE3", "Src", "") + "\n" + acled("PSE3", "Src", "") + "\n";
        var t = read(new AcledCsvReader(), "a.csv", text);
        assertThat(t.kept()).extracting(ImportedRow::sourceId).containsExactly("PSE3");
        assertThat(t.rejected()).extracting(r -> r.problem("a.csv").render()).containsExactly(
                "a.csv:2: column 'source' has 'Al\\u0000Jazeera': contains a control character (U+0000 at character 3)" + HINT,
                "a.csv:3: column 'notes' has '" + "N".repeat(80) + "…' (100001 characters): longer than 100,000 characters" + HINT,
                "a.csv:5: column 'event_id_cnty' has 'PSE3': this event id was given before in this file, at line 4" + HINT);
    }

    @Test
    void repeated_ids_name_ucdps_and_the_monthly_files_own_columns() {
        var ucdp = read(new UcdpReader(), "u.csv", "id,date_start,best\n7,2023-10-09,1\n7,2023-10-09,1\n");
        assertThat(ucdp.rejected()).extracting(r -> r.problem("u.csv").render())
                .containsExactly("u.csv:3: column 'id' has '7': this event id was given before in this file, at line 2" + HINT);
        var row = "{\"admin1\": \"Gaza Strip\", \"admin2\": \"Rafah\", \"admin2_pcode\": \"PS0275\", \"year\": 2024, \"month\": 1, \"events\": 1, \"fatalities\": 0}";
        var monthly = read(new AcledMonthlyReader(), "m.json", "{\"event_type\": \"political-violence\", \"rows\": [\n" + row + ",\n" + row + "]}");
        assertThat(monthly.rejected()).extracting(r -> r.problem("m.json").render())
                .containsExactly("m.json:3:1: column 'admin2_pcode' has 'PS0275': 2024-01 of this governorate was given before in this file, at line 2" + HINT);
    }

    @Test
    void a_wrong_row_count_is_refused_at_its_line_and_a_cut_file_in_plain_words() {
        assertThat(refusal(new AcledMonthlyReader(), "m.json", "{\"event_type\": \"political-violence\",\n  \"row_count\": 2,\n  \"rows\": []}"))
                .isEqualTo("m.json:2:16: row_count says '2' rows but the file has 0 (the file is cut short or was edited; fetch it again)");
        assertThat(refusal(new CasualtiesReader(), "c.json", "[\n  {\"report_date\": \"2024-01-01\",\n   \"killed\": 1"))
                .isEqualTo("c.json:3:15: not valid JSON: Unexpected end-of-input: expected close marker for Object (opened at 2:3)"
                        + " (is the file complete (not truncated) and UTF-8?)");
    }

    @Test
    void a_ucdp_date_range_is_data_up_to_its_last_day() {
        var t = read(new UcdpReader(), "u.csv", "id,date_start,date_end,best\n1,2023-10-09,2023-10-09,1\n2,2023-10-10,2023-10-12,1\n");
        assertThat(t.kept().get(1).period().orElseThrow().label()).isEqualTo("2023-10-10/2023-10-12");   // the stored label stays
        assertThat(t.lastPeriod()).contains("2023-10-12");
    }
}
