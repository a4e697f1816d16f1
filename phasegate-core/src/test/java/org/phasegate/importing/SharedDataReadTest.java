package org.phasegate.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;

/**
 * Every file in ../shared/data/events and ../shared/data/geo read as it lies. The expected numbers were counted from
 * the files with Python's json module, not by this code: per ACLED monthly file
 * {@code len(rows)} = 1984 and {@code len([r for r in rows if r['admin1']=='Gaza Strip'])} = 620; the casualty series
 * {@code len(data)} = 1051, with 38 days lacking {@code killed} (each has {@code ext_killed}) and 455 with
 * {@code killed_truce_new}; GeoJSON {@code len(features)}: 46, 1, 2, 16.
 */
class SharedDataReadTest {
    static final Path EVENTS = TestFiles.sharedData().resolve("events");
    static final Path GEO = TestFiles.sharedData().resolve("geo");

    static Tally read(ImportKind kind, Path file) throws IOException {
        var tally = new Tally(true);
        try (var in = Files.newInputStream(file)) {
            Importers.reader(kind, file, Optional.empty()).read(file.toString(), in, tally);
        }
        return tally;
    }

    @ParameterizedTest
    @ValueSource(strings = {"political-violence", "civilian-targeting", "demonstrations"})
    void every_acled_monthly_row_is_imported_and_joined_to_its_pcode(String type) throws IOException {
        var file = EVENTS.resolve("acled-monthly-" + type + ".json");
        var t = read(ImportKind.ACLED, file);
        assertThat(t.rejected()).isEmpty();
        assertThat(t.rows()).isEqualTo(1984);
        assertThat(t.dataset().id()).isEqualTo("acled-monthly-" + type);
        var gaza = t.kept().stream().filter(r -> r.pcode().orElseThrow().startsWith("PS02")).toList();
        assertThat(gaza).hasSize(620);
        // each row's p-code is the file's own admin2_pcode for that line (read here with Jackson, independently)
        var fromFile = new HashMap<String, String>();
        new ObjectMapper().readTree(file.toFile()).get("rows").forEach(r -> fromFile.put(r.get("admin2_pcode").asText() + ":" + r.get("date_period").asText(),
                r.get("admin2").asText()));
        assertThat(t.kept().stream().map(ImportedRow::sourceId).collect(Collectors.toSet())).isEqualTo(fromFile.keySet());
        assertThat(t.lastPeriod()).contains("2026-04");
    }

    @Test
    void acled_values_are_the_files_and_null_fatalities_stay_absent() throws IOException {
        var pv = read(ImportKind.ACLED, EVENTS.resolve("acled-monthly-political-violence.json")).kept();
        var gazaCity = pv.stream().filter(r -> r.sourceId().equals("PS0260:2026-04")).findFirst().orElseThrow();
        assertThat(gazaCity.quantities()).containsEntry("events", 51.0).containsEntry("fatalities", 29.0);
        assertThat(gazaCity.attributes()).containsEntry("admin2", "Gaza City").containsEntry("admin1-pcode", "PS02");
        var khanYunis = pv.stream().filter(r -> r.sourceId().equals("PS0270:2024-01")).findFirst().orElseThrow();
        assertThat(khanYunis.quantities()).containsEntry("events", 416.0).containsEntry("fatalities", 1776.0);
        assertThat(pv.stream().filter(r -> r.pcode().orElseThrow().startsWith("PS02")).mapToDouble(r -> r.quantities().get("fatalities")).sum())
                .isEqualTo(69910.0);
        var demonstrations = read(ImportKind.ACLED, EVENTS.resolve("acled-monthly-demonstrations.json")).kept();
        assertThat(demonstrations).allSatisfy(r -> {
            assertThat(r.quantities()).doesNotContainKey("fatalities");
            assertThat(r.flags()).containsExactly("not-reported:fatalities");
        });
    }

    @Test
    void the_casualty_series_flags_gap_filled_values() throws IOException {
        var t = read(ImportKind.CASUALTIES, EVENTS.resolve("gaza-casualties-daily.json"));
        assertThat(t.rejected()).isEmpty();
        assertThat(t.rows()).isEqualTo(1051);
        var rows = t.kept();
        assertThat(rows.stream().filter(r -> r.flags().contains("gap-filled:killed"))).hasSize(38);
        assertThat(rows.stream().filter(r -> r.quantities().containsKey("killed-since-truce"))).hasSize(455);
        var filled = rows.stream().filter(r -> r.sourceId().equals("2023-11-11")).findFirst().orElseThrow();
        assertThat(filled.quantities()).containsEntry("killed", 51.0).containsEntry("injured", 355.0).containsEntry("killed-cum", 11129.0);
        assertThat(filled.flags()).contains("gap-filled:killed", "gap-filled:injured", "gap-filled:killed-cum", "gap-filled:injured-cum");
        var last = rows.stream().filter(r -> r.sourceId().equals("2026-08-22")).findFirst().orElseThrow();
        assertThat(last.quantities()).containsEntry("killed", 2.0).containsEntry("killed-cum", 73419.0).containsEntry("killed-since-truce", 2.0);
        assertThat(last.flags()).isEmpty();
        assertThat(t.lastPeriod()).contains("2026-08-22");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaza-municipalities-osm.geojson:46", "idf-zone-2025-10-19.geojson:1", "ocha-admin1.geojson:2", "ocha-admin2.geojson:16"})
    void every_geojson_feature_is_a_place(String fileAndCount) throws IOException {
        var parts = fileAndCount.split(":");
        var t = read(ImportKind.GEOJSON, GEO.resolve(parts[0]));
        assertThat(t.rejected()).isEmpty();
        assertThat(t.rows()).isEqualTo(Long.parseLong(parts[1]));
        assertThat(t.kept()).allSatisfy(r -> assertThat(r.geometry()).isPresent());
    }

    @Test
    void the_name_table_agrees_with_ochas_admin2_file() throws IOException {
        var ocha = new HashMap<String, String>();
        new ObjectMapper().readTree(GEO.resolve("ocha-admin2.geojson").toFile()).get("features")
                .forEach(f -> ocha.put(f.get("properties").get("adm2_pcode").asText(), f.get("properties").get("adm2_name").asText()));
        assertThat(AcledAdmin2.TABLE).hasSize(ocha.size());
        assertThat(AcledAdmin2.TABLE).allSatisfy(e -> assertThat(ocha).containsEntry(e.pcode(), e.ochaName()));
        var areas = read(ImportKind.GEOJSON, GEO.resolve("ocha-admin2.geojson")).kept();
        assertThat(areas.stream().map(r -> r.pcode().orElseThrow()).collect(Collectors.toSet())).isEqualTo(ocha.keySet());
    }
}
