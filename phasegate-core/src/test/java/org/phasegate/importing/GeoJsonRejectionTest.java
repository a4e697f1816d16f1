package org.phasegate.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A rejected GeoJSON feature is named by its position and id, and located at line:column, also in a minified file (one line). */
class GeoJsonRejectionTest {
    static final String HINT = " (fix the row, or import with --quarantine FILE to set bad rows aside)";

    @Test
    void a_minified_files_rejected_features_say_which_and_where() {
        var json = "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[34.4,31.5]}},"
                + "{\"type\":\"Feature\",\"id\":\"z2\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[200,31.5]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"adm2_pcode\":\"PS0260\"},\"geometry\":null},"
                + "{\"type\":\"Polygon\"}]}";
        var t = new Tally(true);
        new GeoJsonReader().read("g.geojson", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), t);
        assertThat(t.kept()).extracting(ImportedRow::sourceId).containsExactly("#1");
        assertThat(t.rejected()).extracting(r -> r.problem("g.geojson").render()).hasSize(3).satisfiesExactly(
                s -> assertThat(s).startsWith("g.geojson:1:" + (json.indexOf("{\"type\":\"Feature\",\"id\"") + 1) + ": ").contains(": feature #2 (id 'z2'): "),
                s -> assertThat(s).startsWith("g.geojson:1:" + (json.indexOf("{\"type\":\"Feature\",\"properties\":{\"adm2") + 1) + ": ")
                        .contains(": feature #3 (id 'PS0260'): "),
                s -> assertThat(s).isEqualTo("g.geojson:1:" + (json.indexOf("{\"type\":\"Polygon\"}") + 1)
                        + ": column 'type' has 'Polygon': feature #4: not a GeoJSON Feature" + HINT));
    }

    @Test
    void a_pretty_printed_file_gives_each_features_own_line() {
        var json = "{\"type\": \"FeatureCollection\", \"features\": [\n  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [34.4, 31.5]}},\n"
                + "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [34.4, 95]}}\n]}\n";
        var t = new Tally(true);
        new GeoJsonReader().read("g.geojson", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), t);
        assertThat(t.rejected()).singleElement().satisfies(r -> assertThat(r.problem("g.geojson").render()).startsWith("g.geojson:3:3: ").contains("feature #2: "));
    }

    @Test
    void a_property_with_a_nul_or_a_name_too_long_to_keep_rejects_its_feature_at_the_property() {
        var json = "{\"type\": \"FeatureCollection\", \"features\": [\n"
                + "{\"type\": \"Feature\", \"properties\": {\"name\": \"A\\u0000B\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [34.4, 31.5]}},\n"
                + "{\"type\": \"Feature\", \"properties\": {\"" + "k".repeat(65) + "\": 1}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [34.4, 31.5]}}\n]}\n";
        var t = new Tally(true);
        new GeoJsonReader().read("g.geojson", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), t);
        assertThat(t.kept()).isEmpty();
        assertThat(t.rejected()).extracting(r -> r.problem("g.geojson").render()).containsExactly(
                "g.geojson:2:1: column 'properties.name' has 'A\\u0000B': feature #1: contains a control character (U+0000 at character 2)" + HINT,
                "g.geojson:3:1: column 'properties' has '" + "k".repeat(65) + "': feature #2: a property name longer than 64 characters" + HINT);
    }
}
