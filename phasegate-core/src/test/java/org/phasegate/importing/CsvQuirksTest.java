package org.phasegate.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.problem.InvalidInputException;

/** Real files' quirks in ACLED's event CSV, UCDP's GED CSV and a mapped CSV: each hand-written here, each with what it must give. */
class CsvQuirksTest {
    static final String ACLED_HEADER = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,actor2,interaction,"
            + "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

    static Tally read(SourceReader reader, String text) {
        var t = new Tally(true);
        reader.read("f.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), t);
        return t;
    }

    static String acled(String id, String admin2, String fatalities, String notes) {
        return id + ",2024-01-15,2024,1,Political violence,Battles,Armed clash,Actor A,,13,Gaza Strip," + admin2 + ",,Somewhere,31.5,34.45,1,Src,National,"
                + notes + "," + fatalities + ",,1700000000";
    }

    @Test
    void bom_crlf_quoted_newlines_and_empty_fields() {
        var text = "\uFEFF" + ACLED_HEADER + "\r\n" + acled("PSE1", "Gaza City", "3", "\"line one\r\nline two, with a comma\"") + "\r\n"
                + acled("PSE2", "Khan Yunis", "0", "") + "\r\n";
        var t = read(new AcledCsvReader(), text);
        assertThat(t.rejected()).isEmpty();
        assertThat(t.kept()).extracting(ImportedRow::sourceId).containsExactly("PSE1", "PSE2");
        assertThat(t.kept().get(0).attributes()).containsEntry("notes", "line one\r\nline two, with a comma");
        assertThat(t.kept().get(0).pcode()).contains("PS0260");
        assertThat(t.kept().get(1).pcode()).contains("PS0270");
        assertThat(t.kept().get(1).attributes()).doesNotContainKey("notes").doesNotContainKey("actor2");
        assertThat(t.kept().get(1).line()).isEqualTo(4);   // the quoted newline makes row 1 two lines long
    }

    @Test
    void renamed_extra_and_reordered_columns_and_trailing_separators() {
        var text = "Fatalities,Event ID,EVENT_DATE,Event Type,Admin1,Admin2,Extra Column,\n" + "2,PSE9,15 January 2024,Battles,Gaza Strip,Rafah,x,\n";
        var t = read(new AcledCsvReader(), text);
        assertThat(t.rejected()).isEmpty();
        var r = t.kept().get(0);
        assertThat(r.sourceId()).isEqualTo("PSE9");
        assertThat(r.period().orElseThrow().label()).isEqualTo("2024-01-15");
        assertThat(r.quantities()).containsEntry("fatalities", 2.0);
        assertThat(r.pcode()).contains("PS0275");
    }

    @Test
    void missing_required_columns_are_one_problem_naming_them_all() {
        assertThatThrownBy(() -> read(new AcledCsvReader(), "event_id_cnty,event_date,admin1\nPSE1,2024-01-01,Gaza Strip\n"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.render()).startsWith("f.csv:1: the header lacks required columns event_type, admin2, fatalities")));
    }

    @Test
    void each_bad_row_is_rejected_where_it_is_with_its_value_and_why() {
        var longName = "X".repeat(120);
        var text = ACLED_HEADER + "\n" + acled("PSE1", "Gaza", "1", "") + "\n" + acled("PSE2", "Gaza City", "-4", "") + "\n"
                + acled("PSE3", longName, "1", "") + "\n" + "PSE4,2024-01-15,2024\n" + acled("PSE5", "Rafah", "2", "") + "\n";
        var t = read(new AcledCsvReader(), text);
        assertThat(t.kept()).extracting(ImportedRow::sourceId).containsExactly("PSE5");
        assertThat(t.rejected()).extracting(r -> r.problem("f.csv").render()).containsExactly(
                "f.csv:2: column 'admin2' has 'Gaza': unknown governorate in 'Gaza Strip'; names are matched exactly by the table in docs/importing.md, never guessed"
                        + " (fix the row, or import with --quarantine FILE to set bad rows aside)",
                "f.csv:3: column 'fatalities' has '-4': a count cannot be negative (fix the row, or import with --quarantine FILE to set bad rows aside)",
                "f.csv:4: column 'admin2' has '" + "X".repeat(80) + "…' (120 characters): unknown governorate in 'Gaza Strip'; names are matched exactly by the"
                        + " table in docs/importing.md, never guessed (fix the row, or import with --quarantine FILE to set bad rows aside)",
                "f.csv:5: row: the row has 3 fields, the header 23 (a truncated or broken row) (fix the row, or import with --quarantine FILE to set bad rows aside)");
    }

    @Test
    void ucdp_ged_rows_keep_their_estimates_and_refuse_inconsistent_ones() {
        var text = "id,relid,year,type_of_violence,conflict_name,side_a,side_b,latitude,longitude,country,date_prec,date_start,date_end,"
                + "deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low\n"
                + "244657,ISR-2023-1-1,2023,1,Israel: Palestine,Government of Israel,Hamas,31.5,34.46,Israel,1,2023-10-07 00:00:00.000,2023-10-07 00:00:00.000,1,2,3,0,6,8,5\n"
                + "244658,ISR-2023-1-2,2023,1,Israel: Palestine,Government of Israel,Hamas,31.5,34.46,Israel,1,2023-10-08,2023-10-08,0,0,0,0,6,5,1\n";
        var t = read(new UcdpReader(), text);
        assertThat(t.kept()).singleElement().satisfies(r -> {
            assertThat(r.sourceId()).isEqualTo("244657");
            assertThat(r.quantities()).containsEntry("best", 6.0).containsEntry("high", 8.0).containsEntry("low", 5.0).containsEntry("deaths-civilians", 3.0);
            assertThat(r.attributes()).containsEntry("side-b", "Hamas");
            assertThat(r.geometry()).contains("{\"type\":\"Point\",\"coordinates\":[34.46,31.5]}");
        });
        assertThat(t.rejected()).singleElement().satisfies(r -> assertThat(r.problem("g.csv").render())
                .startsWith("g.csv:3: column 'high' has '5': high is below best (6)"));
    }

    @Test
    void a_mapped_csv_reads_through_its_mapping() {
        var mapping = new CsvMappingReader().parse("m.yaml", """
                dataset: unops-trucks
                title: Trucks through the crossings
                licence: CC BY 4.0
                type: aid-delivery
                id: [crossing, day]
                date: day
                pcode: governorate
                quantities: {trucks: trucks}
                attributes: {crossing: crossing}
                aliases: {trucks: [Truck count]}
                """);
        var t = read(Importers.reader(ImportKind.CSV, java.nio.file.Path.of("f.csv"), Optional.of(mapping)),
                "crossing,day,governorate,Truck count\nKerem Shalom,2025-11-02,PS0275,120\nZikim,2025-11-02,PS0255,\nZikim,2025-11-03,ps02,4\n");
        assertThat(t.dataset().id()).isEqualTo("unops-trucks");
        assertThat(t.kept()).extracting(ImportedRow::sourceId).containsExactly("Kerem Shalom|2025-11-02", "Zikim|2025-11-02");
        assertThat(t.kept().get(0).quantities()).containsEntry("trucks", 120.0);
        assertThat(t.kept().get(1).quantities()).isEmpty();   // blank is absent, never 0
        assertThat(t.rejected()).singleElement().satisfies(r -> assertThat(r.problem("f.csv").render())
                .startsWith("f.csv:4: column 'governorate' has 'ps02': not a p-code"));
    }

    @Test
    void a_bad_mapping_is_refused_with_every_problem_located() {
        assertThatThrownBy(() -> new CsvMappingReader().parse("m.yaml", "dataset: Bad Name\ntype: incidnet\ndate: day\nquantitys: {}\n"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.render()).anySatisfy(s -> assertThat(s).startsWith("m.yaml:1:10: dataset 'Bad Name'"))
                        .anySatisfy(s -> assertThat(s).startsWith("m.yaml:2:7: type 'incidnet' is not a record type (did you mean 'incident'?)"))
                        .anySatisfy(s -> assertThat(s).startsWith("m.yaml:4:1: unknown field 'quantitys' in the mapping (did you mean 'quantities'?)")));
    }

    @Test
    void acled_keeps_every_column_it_does_not_map_as_an_attribute_year_timestamp_and_the_exports_extra_ones() {
        var text = ACLED_HEADER + ",iso,Event Region,,country\n" + acled("PSE1", "Rafah", "2", "") + ",275,Middle East,x,Palestine\n"
                + acled("PSE2", "Rafah", "0", "") + ",,,,\n";
        var t = read(new AcledCsvReader(), text);
        assertThat(t.rejected()).isEmpty();
        assertThat(t.kept().get(0).attributes()).containsEntry("year", "2024").containsEntry("timestamp", "1700000000").containsEntry("iso", "275")
                .containsEntry("event-region", "Middle East").containsEntry("column-26", "x").containsEntry("country", "Palestine")
                .containsEntry("event-type", "Battles").containsEntry("admin1-pcode", "PS02")
                .doesNotContainKeys("event-id-cnty", "event-date", "fatalities", "latitude", "longitude");
        assertThat(t.kept().get(1).attributes()).doesNotContainKeys("iso", "event-region", "column-26", "country");   // blank stays absent
    }

    @Test
    void an_extra_column_that_would_take_an_attribute_the_reader_sets_or_another_columns_name_refuses_the_file() {
        assertThatThrownBy(() -> read(new AcledCsvReader(), ACLED_HEADER + ",Admin1 Pcode\n" + acled("PSE1", "Rafah", "2", "") + ",PS02\n"))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.render()).isEqualTo("f.csv:1: column 24 ('Admin1 Pcode') would be kept as attribute 'admin1-pcode', which the"
                                + " importer sets itself (rename or drop the column)")));
        assertThatThrownBy(() -> read(new AcledCsvReader(), ACLED_HEADER + ",ISO,iso\n" + acled("PSE1", "Rafah", "2", "") + ",1,2\n"))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.render()).isEqualTo("f.csv:1: columns 24 ('ISO') and 25 ('iso') would both be kept as attribute 'iso'"
                                + " (rename or drop one of them)")));
    }

    static java.util.List<String> mappingProblems(String yaml) {
        try {
            new CsvMappingReader().parse("m.yaml", yaml);
        } catch (InvalidInputException e) {
            return e.problems().stream().map(p -> p.render()).toList();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void a_yaml_syntax_error_is_the_one_problem_told() {
        assertThat(mappingProblems("dataset: unops-trucks\ntype: aid-delivery\nid: crossing\ndate: day\nquantities: {trucks: Truck count\n"))
                .singleElement().satisfies(s -> assertThat(s).startsWith("m.yaml:6:1: YAML syntax: "));
        assertThat(mappingProblems("")).containsExactly("m.yaml:1:1: the mapping file is empty (see docs/importing.md)");
    }

    @Test
    void latitude_without_longitude_is_told_at_its_line() {
        assertThat(mappingProblems("dataset: t\ntype: aid-delivery\nid: c\ndate: day\nquantities: {n: n}\nlatitude: lat\n"))
                .containsExactly("m.yaml:6:11: latitude and longitude go together (give both columns or neither)");
        assertThat(mappingProblems("dataset: t\ntype: aid-delivery\nid: c\ndate: day\nlongitude: lon\nquantities: {n: n}\n"))
                .containsExactly("m.yaml:5:12: latitude and longitude go together (give both columns or neither)");
    }

    @Test
    void a_header_given_to_two_columns_is_refused_naming_both() {
        var head = "dataset: t\ntype: aid-delivery\nid: [crossing, day]\ndate: day\nquantities: {trucks: trucks}\nattributes: {note: note}\n";
        assertThat(mappingProblems(head + "aliases: {trucks: [Truck count], crossing: [Truck count]}\n"))
                .containsExactly("m.yaml:7:44: header 'Truck count' would be both 'trucks' and 'crossing' (give each header to one column)");
        assertThat(mappingProblems(head + "aliases: {trucks: [Note]}\n"))
                .containsExactly("m.yaml:7:19: header 'Note' would be both 'note' and 'trucks' (give each header to one column)");
    }
}
