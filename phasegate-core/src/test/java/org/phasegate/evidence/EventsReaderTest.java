package org.phasegate.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;
import org.phasegate.TestFiles;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;

class EventsReaderTest {
    static final String VALID = TestFiles.resource("scenarios/mini.events.jsonl");

    @Test
    void readsEveryFieldOfARecord() {
        var records = new EventsReader().parse("e.jsonl", VALID);
        assertThat(records).hasSize(8);
        var d0 = records.stream().filter(r -> r.id().equals("d0")).findFirst().orElseThrow();
        assertThat(d0.type()).isEqualTo(RecordType.DECOMMISSIONING);
        assertThat(d0.time()).isEqualTo(Instant.parse("2025-02-10T09:00:00Z"));
        assertThat(d0.quantity("weapons")).isEqualTo(200.0);
        assertThat(d0.attributes()).containsEntry("kind", "declaration");
        assertThat(d0.independentAttestations()).isEqualTo(2);
    }

    @Test
    void attestationsFromTheReportersOrganisationOrRepeatedOrganisationsCountOnce() {
        var r = new EventsReader().parse("e.jsonl", """
                {"id":"x","type":"incident","time":"2025-01-01","reporter":{"name":"a","org":"UN"},"attestations":[{"by":"b","org":"UN"},{"by":"c","org":"EU"},{"by":"d","org":"eu"}]}
                """).getFirst();
        assertThat(r.independentAttestations()).isEqualTo(1);
    }

    @Test
    void reportsEveryBadLineWithItsNumber() {
        String text = """
                {"id":"a","type":"incident","time":"2025-01-01T00:00:00Z"}
                {"id":"b","type":"incidnet","time":"2025-01-01T00:00:00Z"}
                not json
                {"id":"c","type":"exchange","time":"yesterday"}
                {"id":"a","type":"incident","time":"2025-01-02T00:00:00Z"}
                {"id":"d","type":"incident","time":"2025-01-02T00:00:00Z","quantities":{"persons":-3}}
                {"id":"e","type":"incident","time":"2025-01-02T00:00:00Z","progres":2}
                """;
        var error = catchThrowableOfType(InvalidInputException.class, () -> new EventsReader().parse("e.jsonl", text));
        assertThat(error.problems()).extracting(Problem::line).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(error.problems().get(0).hint()).isEqualTo("did you mean 'incident'?");
        assertThat(error.problems().get(2).message()).contains("'yesterday'");
        assertThat(error.problems().get(3).message()).contains("duplicate record id 'a'");
        assertThat(error.problems().get(5).hint()).isEqualTo("did you mean 'progress'?");
    }

    static LongStream seeds() {
        return Gen.seeds(300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void garbageLinesNeverCrashTheReader(long seed) {
        var random = new SplittableRandom(seed);
        String garbage = Gen.text(random, 40);
        int where = random.nextInt();
        var lines = new java.util.ArrayList<>(VALID.lines().toList());
        int at = Math.floorMod(where, lines.size());
        lines.set(at, lines.get(at).substring(0, Math.floorMod(where, lines.get(at).length() + 1)) + garbage);
        try {
            assertThat(new EventsReader().parse("g.jsonl", String.join("\n", lines))).isNotEmpty();
        } catch (InvalidInputException e) {
            assertThat(e.problems()).as("seed %d", seed).allSatisfy(p -> assertThat(p.line()).isBetween(1, lines.size() + garbage.split("\n", -1).length));
        }
    }

    @Test
    void aScenarioAwareReaderRejectsUnknownPartiesAndObligations() {
        var reader = new EventsReader(java.util.Set.of("north", "south"), java.util.Set.of("withdraw"));
        var error = catchThrowableOfType(InvalidInputException.class, () -> reader.parse("e.jsonl", """
                {"id":"a","type":"incident","time":"2025-01-01","party":"north"}
                {"id":"b","type":"incident","time":"2025-01-01","party":"sout"}
                {"id":"c","type":"assessment","time":"2025-01-01","obligation":"withdrawl","progress":1}
                """));
        assertThat(error.problems()).extracting(Problem::line).containsExactly(2, 3);
        assertThat(error.problems()).extracting(Problem::hint).containsExactly("did you mean 'south'?", "did you mean 'withdraw'?");
    }
}
