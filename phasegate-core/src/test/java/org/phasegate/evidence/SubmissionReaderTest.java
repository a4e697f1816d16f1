package org.phasegate.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;
import org.phasegate.problem.InvalidInputException;

/** Records reported to the ledger: typed rules, places, sources, confidentiality; located errors, never a partial read. */
class SubmissionReaderTest {
    private final SubmissionReader reader = new SubmissionReader(new EventsReader(Set.of("hamas", "israel"), Set.of()));

    static String incident(String id, String kind, double lon, double lat) {
        return "{\"id\":\"" + id + "\",\"type\":\"incident\",\"time\":\"2026-01-05T10:00:00Z\",\"party\":\"hamas\","
                + "\"place\":{\"pcode\":\"PS0260\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]}},"
                + "\"attributes\":{\"kind\":\"" + kind + "\"},\"sources\":[{\"url\":\"https://example.org/" + id + "\"}]}";
    }

    static LongStream seeds() {
        return Gen.seeds(100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void every_incident_kind_on_the_globe_is_read_back(long seed) {
        var random = new SplittableRandom(seed);
        String kind = Gen.oneOf(random, List.copyOf(RecordSpec.INCIDENT_KINDS));
        int lon = random.nextInt(-180, 181);
        int lat = random.nextInt(-90, 91);
        int count = random.nextInt(1, 41);
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) text.append(incident("r" + i, kind, lon, lat)).append('\n');
        var read = reader.parse("x.jsonl", text.toString(), true);
        assertThat(read).as("seed %d", seed).hasSize(count).allSatisfy(s -> {
            assertThat(s.record().attributes()).containsEntry("kind", kind);
            assertThat(s.confidentiality()).isEqualTo(Confidentiality.PUBLIC);
        });
        assertThat(read.get(count - 1).line()).isEqualTo(count);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_bad_line_anywhere_is_named_and_nothing_is_returned(long seed) {
        var random = new SplittableRandom(seed);
        int count = random.nextInt(1, 31);
        int bad = random.nextInt(count);
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) text.append(incident("r" + i, i == bad ? "catapult" : "drone", 34.4, 31.5)).append('\n');
        var e = catchThrowableOfType(InvalidInputException.class, () -> reader.parse("x.jsonl", text.toString(), true));
        assertThat(e.problems()).as("seed %d", seed).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(bad + 1);
            assertThat(p.message()).contains("attributes.kind", "'catapult'");
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void any_text_gives_records_or_located_problems_never_another_exception(long seed) {
        var random = new SplittableRandom(seed);
        try {
            reader.parse("x", Gen.text(random, 200), random.nextBoolean());
        } catch (InvalidInputException expected) {
            assertThat(expected.problems()).as("seed %d", seed).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void positions_off_the_globe_are_refused(long seed) {
        int lon = new SplittableRandom(seed).nextInt(181, 10_001);
        assertThatThrownBy(() -> reader.parse("x.jsonl", incident("r", "drone", lon, 10), true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("off the globe");
    }

    @Test
    void a_json_array_file_locates_each_record_by_its_line() {
        var text = "[\n" + incident("a", "drone", 34, 31) + ",\n" + incident("b", "tank", 34, 31) + "\n]";
        assertThatThrownBy(() -> reader.parse("x.json", text, false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("x.json:3:").hasMessageContaining("'tank'");
        assertThat(reader.parse("x.json", text.replace("tank", "mortar"), false)).hasSize(2);
    }

    @Test
    void confidential_parts_need_the_confidential_level_and_vice_versa() {
        var base = incident("c", "drone", 34, 31);
        var sealed = base.substring(0, base.length() - 1) + ",\"confidentiality\":\"confidential\",\"confidential\":{\"names\":[\"x\"]}}";
        var s = reader.parse("x.json", sealed, false).get(0);
        assertThat(s.confidentiality()).isEqualTo(Confidentiality.CONFIDENTIAL);
        assertThat(s.confidentialJson()).hasValue("{\"names\":[\"x\"]}");
        assertThat(s.publicJson()).doesNotContain("names");
        assertThatThrownBy(() -> reader.parse("x.json", sealed.replace("\"confidentiality\":\"confidential\",", ""), false))
                .hasMessageContaining("'confidentiality' is public");
        assertThatThrownBy(() -> reader.parse("x.json", sealed.replace(",\"confidential\":{\"names\":[\"x\"]}", ""), false))
                .hasMessageContaining("needs a non-empty 'confidential' object");
        assertThatThrownBy(() -> reader.parse("x.json", sealed.replace("\"confidential\",", "\"secret\","), false))
                .hasMessageContaining("'confidentiality' has value \"secret\"");
    }

    @Test
    void every_type_states_what_it_needs() {
        var line = "{\"id\":\"d\",\"type\":\"decommissioning\",\"time\":\"2026-01-05\",\"sources\":[{\"url\":\"https://x.org\"}]}";
        assertThatThrownBy(() -> reader.parse("d.jsonl", line, true)).isInstanceOf(InvalidInputException.class)
                .hasMessageContainingAll("attributes.category", "attributes.method", "attributes.inventory-ref", "quantities.items", "'place'");
        var funding = "{\"id\":\"f\",\"type\":\"funding\",\"time\":\"2026-01-05\",\"attributes\":{\"stage\":\"pledge\",\"donor\":\"EU\"},"
                + "\"quantities\":{\"usd\":5e8},\"sources\":[{\"url\":\"https://x.org\"}]}";
        assertThat(reader.parse("f.jsonl", funding, true)).hasSize(1);
        assertThatThrownBy(() -> reader.parse("f.jsonl", funding.replace(",\"quantities\":{\"usd\":5e8}", ""), true))
                .hasMessageContaining("needs at least one quantity");
    }

    @Test
    void reporter_and_attestations_do_not_come_from_the_file() {
        var base = incident("r", "drone", 34, 31);
        var withReporter = base.substring(0, base.length() - 1) + ",\"reporter\":{\"by\":\"x\",\"org\":\"y\"}}";
        assertThatThrownBy(() -> reader.parse("x.json", withReporter, false)).hasMessageContaining("the reporter is the user in --as");
    }
}
