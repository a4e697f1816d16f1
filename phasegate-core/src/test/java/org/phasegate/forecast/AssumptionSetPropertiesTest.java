package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;
import org.phasegate.problem.InvalidInputException;

/** Random mutations of a bundled assumption set never crash the reader: a set or located problems, nothing else. */
class AssumptionSetPropertiesTest {
    static final List<String> LINES = lines();
    static final List<String> NOISE = List.of("", "-", ":", "{", "]", "'", "\"", "#", "&a", "*a", "!!binary", "\t", "  ",
            "- ", "[]", "{}", "~", "null", "-1", "1e999", "NaN", "2025-13-45", "[1]", "[2, 1]", "kind: lever", "%", "é", "\u0000");

    private static List<String> lines() {
        try {
            return Arrays.asList(Files.readString(AssumptionSetReader.bundled(Sets.GAZA, "sceptic")).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LongStream seeds() {
        return Gen.seeds(300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedSetsFailCleanly(long seed) {
        var random = new SplittableRandom(seed);
        var lines = new ArrayList<>(LINES);
        int mutations = random.nextInt(1, 5);
        for (int i = 0; i < mutations; i++) {
            String text = random.nextBoolean() ? Gen.oneOf(random, NOISE) : Gen.text(random, 12);
            int at = random.nextInt(lines.size());
            switch (random.nextInt(4)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, text);
                case 2 -> lines.set(at, lines.get(at) + text);
                default -> {
                    String l = lines.get(at);
                    int cut = random.nextInt(l.length() + 1);
                    lines.set(at, l.substring(0, cut) + text + l.substring(cut));
                }
            }
            if (lines.isEmpty()) lines.add("");
        }
        try {
            var set = new AssumptionSetReader().parse("m.yaml", String.join("\n", lines), Sets.gaza());
            assertThat(set.assumptions()).as("seed %d", seed).allSatisfy(a -> assertThat(a.low()).isLessThanOrEqualTo(a.high()));
        } catch (InvalidInputException e) {
            assertThat(e.problems()).as("seed %d", seed).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).isEqualTo("m.yaml");
                assertThat(p.line()).isBetween(0, lines.size() + 1);
                assertThat(p.message()).isNotBlank();
            });
        }
    }
}
