package org.phasegate.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;
import org.phasegate.TestFiles;
import org.phasegate.problem.InvalidInputException;

/** Random line mutations of a valid scenario never crash the loader: it returns a scenario or located problems. */
class ScenarioLoaderPropertiesTest {
    static final List<String> LINES = Arrays.asList(TestFiles.resource("scenarios/mini.yaml").split("\n", -1));
    static final List<String> NOISE = List.of("", "-", ":", "{", "]", "'", "\"", "#", "&a", "*a", "!!binary", "\t",
            "  ", "- ", "[]", "{}", "~", "null", "-1", "1e999", "NaN", "2025-13-45", "x + 9999999d", "%", "é", "\u0000");

    static LongStream seeds() {
        return Gen.seeds(400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedScenariosFailCleanly(long seed) {
        var random = new SplittableRandom(seed);
        var lines = new ArrayList<>(LINES);
        int mutations = random.nextInt(1, 5);
        for (int i = 0; i < mutations; i++) {
            String text = random.nextBoolean() ? Gen.oneOf(random, NOISE) : Gen.text(random, 12);
            apply(lines, random.nextInt(lines.size()), random.nextInt(5), text, random);
        }
        String yaml = String.join("\n", lines);
        try {
            var s = new ScenarioLoader().parse("m.yaml", yaml);
            assertThat(s.id()).as("seed %d", seed).isNotNull();
        } catch (InvalidInputException e) {
            assertThat(e.problems()).as("seed %d", seed).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).isEqualTo("m.yaml");
                assertThat(p.line()).isBetween(0, lines.size() + 1);
                assertThat(p.message()).isNotBlank();
            });
        }
    }

    private static void apply(List<String> lines, int at, int kind, String text, SplittableRandom random) {
        switch (kind) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, text);
            case 2 -> lines.set(at, lines.get(at) + text);
            case 3 -> {
                String l = lines.get(at);
                int cut = random.nextInt(l.length() + 1);
                lines.set(at, l.substring(0, cut) + text + l.substring(cut));
            }
            default -> {
                int other = random.nextInt(lines.size());
                String t = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, t);
            }
        }
        if (lines.isEmpty()) lines.add("");
    }
}
