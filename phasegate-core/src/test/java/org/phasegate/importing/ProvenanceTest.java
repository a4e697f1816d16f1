package org.phasegate.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;

/** Provenance given on the command line fills what a file leaves unstated and never replaces what it states. */
class ProvenanceTest {
    static final String ZONE = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"z1\",\"properties\":{\"name\":\"Zone\"},"
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[34.4,31.5]}}]}";
    static final Path MUNICIPALITIES = TestFiles.sharedData().resolve("geo/gaza-municipalities-osm.geojson");

    static Tally read(Provenance given, String file, String text) {
        var t = new Tally(true);
        given.over(new GeoJsonReader()).read(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), t);
        return t;
    }

    @Test
    void fills_what_the_file_leaves_unstated_and_keeps_the_rows() {
        var t = read(Provenance.of("https://example.org/zones", "CC BY 4.0", "Example Mapping Unit"), "zones.geojson", ZONE);
        assertThat(t.dataset()).extracting(Dataset::sourceUrl, Dataset::licence, Dataset::attribution)
                .containsExactly("https://example.org/zones", "CC BY 4.0", "Example Mapping Unit");
        assertThat(t.kept()).extracting(ImportedRow::sourceId).containsExactly("z1");
        var unfilled = read(Provenance.NONE, "zones.geojson", ZONE).dataset();
        assertThat(unfilled.licence()).isEqualTo("not stated in the file");
        assertThat(unfilled.sourceUrl()).isEmpty();
    }

    @Test
    void a_value_the_file_states_is_never_replaced() throws Exception {
        var text = Files.readString(MUNICIPALITIES);   // states its licence (ODbL), not its attribution
        var stated = read(Provenance.NONE, "m.geojson", text).dataset().licence();
        assertThat(stated).contains("ODbL");
        var same = read(Provenance.of(null, stated, "OSM contributors"), "m.geojson", text).dataset();
        assertThat(same.licence()).isEqualTo(stated);
        assertThat(same.attribution()).isEqualTo("OSM contributors");
        assertThatThrownBy(() -> read(Provenance.of(null, "CC0", "OSM contributors"), "m.geojson", text)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).singleElement().extracting(Problem::render).asString()
                        .startsWith("m.geojson: the file states its licence as '" + stated.substring(0, 20))
                        .contains("and --licence gives 'CC0'", "leave --licence out"));
    }

    @Test
    void blank_multi_line_and_non_http_values_are_refused_naming_the_option() {
        assertThatThrownBy(() -> Provenance.of(null, " ", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--licence: ' ' is blank or holds a control character");
        assertThatThrownBy(() -> Provenance.of(null, null, "a\nb")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--attribution:");
        assertThatThrownBy(() -> Provenance.of("data.humdata.org/x", null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--source-url: 'data.humdata.org/x' is not an http(s) address");
        assertThat(Provenance.of(null, null, null)).isEqualTo(Provenance.NONE);
        assertThat(new Provenance(Optional.empty(), Optional.of("MIT"), Optional.empty()).licence()).contains("MIT");
    }
}
