package org.phasegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.bargain.IssueFiles;
import org.phasegate.bargain.IssueParseException;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.SubmissionReader;
import org.phasegate.forecast.AssumptionSetReader;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/**
 * Every input format, mutated by a seeded {@link Mutator} and read by the real reader from a real file: each case ends
 * in a value or in problems that are all located ({@code file:line:col}, short) — never another exception, a hang or
 * an out-of-memory. The seed is in each case's name; the timeout is a hang guard, not a benchmark.
 */
class MutatedInputsTest {
    static final Scenario GAZA = new ScenarioLoader().load(TestFiles.scenarios().resolve("gaza-2025.yaml"));
    static final Path KTAB = TestFiles.sharedData().resolve("ktab/inputs");
    static final int CASES = 150;

    @TempDir
    Path dir;

    static LongStream seeds() {
        return Gen.seeds(CASES);
    }

    interface Read {
        void from(Path file) throws Exception;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scenarios(long seed) {
        survives(seed, "scenario.yaml", bytes(TestFiles.scenarios().resolve("gaza-2025.yaml")), f -> new ScenarioLoader().load(f));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void assumptionSets(long seed) {
        var set = AssumptionSetReader.bundled(TestFiles.scenarios().resolve("gaza-2025.yaml"), "sceptic");
        survives(seed, "sceptic.yaml", bytes(set), f -> new AssumptionSetReader().load(f, GAZA));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void evidence(long seed) {
        survives(seed, "events.jsonl", bytes(TestFiles.scenarios().resolve("gaza-2025.events.jsonl")), f -> GAZA.eventsReader().read(f));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void submissions(long seed) {
        survives(seed, "records.jsonl", submissions(), f -> new SubmissionReader(GAZA.eventsReader()).read(f));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void issueFiles(long seed) {
        survives(seed, "issues.yaml", bytes(TestFiles.scenarios().resolve("gaza-2025-issues.yaml")), IssueFiles::read);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ktabCsv(long seed) {
        survives(seed, "ktab.csv", bytes(KTAB.resolve("dummyData_3Dim.csv")), IssueFiles::read);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ktabXml(long seed) {
        survives(seed, "ktab.xml", bytes(KTAB.resolve("smpExample.fixed-det.xml")), IssueFiles::read);
    }

    private void survives(long seed, String name, byte[] original, Read reader) {
        byte[] mutated = Mutator.mutate(original, new SplittableRandom(seed));
        Path file = write(dir.resolve(name), mutated);
        int lines = lines(mutated);
        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try {
                reader.from(file);
                return List.<Problem>of();
            } catch (InvalidInputException e) {
                return e.problems();
            } catch (IssueParseException e) {
                return e.problems();
            }
        }, () -> "seed " + seed + " hung");
        assertThat(problems).as("seed %d", seed).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(file.toString());
            assertThat(p.line()).as(p.render()).isBetween(1, lines + 1);   // + 1: "expected another row" after the last
            assertThat(p.message()).isNotBlank();
            assertThat(p.render().length()).as(p.render()).isLessThan(1_500);
        });
    }

    /** Lines as any of the readers counts them: \n, \r\n and a lone \r each end one. */
    static int lines(byte[] bytes) {
        int n = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) n++;
        }
        return n;
    }

    /** The bundled evidence without its provenance, which a report may not carry: valid submissions to start from. */
    static byte[] submissions() {
        var json = new ObjectMapper();
        var out = new StringBuilder();
        for (String line : TestFiles.read(TestFiles.scenarios().resolve("gaza-2025.events.jsonl")).lines().toList()) {
            try {
                var o = (ObjectNode) json.readTree(line);
                o.remove(List.of("reporter", "attestations"));
                out.append(o).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path p, byte[] bytes) {
        try {
            return Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
