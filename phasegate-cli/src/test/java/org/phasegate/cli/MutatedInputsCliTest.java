package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded sample of mutated inputs through the real command line in-process (the readers' own mutation tests are in
 * core): every run exits 0 or 2, and everything on stderr is a located problem, the count, or one 'phasegate:' line;
 * never a Java exception, a stack trace or "please report".
 */
class MutatedInputsCliTest {
    static final Path KTAB_XML = CliTest.REPO.resolve("../shared/data/ktab/inputs/smpExample.fixed-det.xml").normalize();

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scenarioCheck(long seed) throws Exception {
        var file = mutated(CliTest.MINI, "s.yaml", seed);
        clean(seed, CliTest.run("scenario", "check", file.toString()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void statusFromEvents(long seed) throws Exception {
        var file = mutated(CliTest.MINI_EVENTS, "e.jsonl", seed);
        clean(seed, CliTest.run("status", "--scenario", CliTest.MINI.toString(), "--events", file.toString(), "--as-of", "2025-06-01"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void bargain(long seed) throws Exception {
        var file = mutated(KTAB_XML, "k.xml", seed);
        clean(seed, CliTest.run("bargain", file.toString()));
    }

    private static void clean(long seed, CliTest.Run r) {
        assertThat(r.exit()).as("seed %d: %s", seed, r.err()).isIn(0, 2);
        assertThat(r.err()).as("seed %d", seed).doesNotContain("Exception", "please report", "\tat ");
        assertThat(r.err().lines()).as("seed %d", seed).allSatisfy(line -> assertThat(line)
                .matches("(?s)(.+:\\d+(:\\d+)?: .+|\\d+ problems? found\\.|phasegate: .+)"));
    }

    private Path mutated(Path original, String name, long seed) throws Exception {
        var r = new SplittableRandom(seed);
        var lines = new ArrayList<>(List.of(Files.readString(original).split("\n", -1)));
        for (int t = r.nextInt(1, 4); t > 0; t--) {
            int i = r.nextInt(lines.size());
            String l = lines.get(i);
            int at = r.nextInt(l.length() + 1);
            switch (r.nextInt(7)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, l);
                case 2 -> lines.set(i, l.substring(0, at));
                case 3 -> lines.set(i, l.substring(0, at) + List.of(":", "{", "]", "\"", "NaN", "1e309", "-", "<", "&", "\t").get(r.nextInt(10)) + l.substring(at));
                case 4 -> lines.set(i, l.substring(0, at) + "y".repeat(r.nextInt(1, 5_000)) + l.substring(at));
                case 5 -> java.util.Collections.swap(lines, i, r.nextInt(lines.size()));
                default -> lines.set(i, l + " " + l);
            }
            if (lines.isEmpty()) lines.add("");
        }
        byte[] bytes = String.join(r.nextInt(5) == 0 ? "\r" : "\n", lines).getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(6) == 0 && bytes.length > 0) bytes[r.nextInt(bytes.length)] = (byte) 0xFF;
        return Files.write(dir.resolve(name), bytes);
    }
}
