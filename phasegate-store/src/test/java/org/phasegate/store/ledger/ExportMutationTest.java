package org.phasegate.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.phasegate.store.Fixtures.as;
import static org.phasegate.store.Fixtures.incident;
import static org.phasegate.store.Fixtures.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.store.Fixtures;
import org.phasegate.Gen;
import org.phasegate.problem.InvalidInputException;

/**
 * Seeded mutations of a real ledger export (byte flips, deleted, duplicated and swapped lines, truncation, a
 * duplicated key, CR line endings, huge values, noise) read as import reads them: each ends in a verified ledger, a
 * report naming the first bad entry, or located problems ({@code export:line:col}) — never another exception or a hang.
 */
class ExportMutationTest {
    private static List<String> lines;

    @BeforeAll
    static void export() {
        try (var store = Fixtures.storeWithCast()) {
            store.records().add(as(store, "mona"), parse(incident("e-1", "") + "\n" + incident("e-2", "")));
            store.records().attest(as(store, "nina"), "e-1");
            var out = new StringWriter();
            store.ledger().export(out);
            lines = List.of(out.toString().split("\n"));
        }
    }

    static LongStream seeds() {
        return Gen.seeds(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_mutated_export_is_verified_or_refused_at_a_line(long seed) {
        String text = mutate(new SplittableRandom(seed));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try {
                var report = Verifier.verify(entries(text.getBytes(StandardCharsets.UTF_8)));
                if (!report.ok()) assertThat(report.firstBad()).as("seed %d", seed).isPresent();
            } catch (InvalidInputException refused) {
                assertThat(refused.problems()).as("seed %d", seed).allSatisfy(p -> {
                    assertThat(p.render()).matches("(?s)export:\\d+:\\d+: .*");
                    assertThat(p.render().length()).isLessThan(1_000);
                });
            }
        }, () -> "seed " + seed + " hung");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invalid_utf8_is_refused_at_its_line(long seed) {
        var r = new SplittableRandom(seed);
        int bad = r.nextInt(lines.size());
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i).getBytes(StandardCharsets.UTF_8);
            int at = i == bad ? r.nextInt(line.length + 1) : line.length;
            out.write(line, 0, at);
            if (i == bad) out.write(0x80 + r.nextInt(0x80) | (r.nextBoolean() ? 0x40 : 0));   // a continuation or lead byte alone
            out.write(line, at, line.length - at);
            out.write('\n');
        }
        assertThatThrownBy(() -> Verifier.verify(entries(out.toByteArray()))).as("seed %d", seed)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().render())
                        .startsWith("export:" + (bad + 1) + ":").contains("not valid UTF-8"));
    }

    /** The export's entries as the import reads them. */
    static Iterator<Entry> entries(byte[] bytes) {
        var out = new ArrayList<Entry>();
        Ledger.entries("export", new ByteArrayInputStream(bytes)).forEachRemaining(out::add);
        return out.iterator();
    }

    private static String mutate(SplittableRandom r) {
        var ls = new ArrayList<>(lines);
        int times = r.nextInt(1, 4);
        for (int t = 0; t < times; t++) {
            int i = r.nextInt(ls.size());
            String l = ls.get(i);
            int at = r.nextInt(l.length() + 1);
            switch (r.nextInt(9)) {
                case 0 -> ls.set(i, l.substring(0, at) + (char) r.nextInt(0x20, 0x7f) + l.substring(Math.min(l.length(), at + 1)));
                case 1 -> ls.remove(i);
                case 2 -> ls.add(i, l);
                case 3 -> java.util.Collections.swap(ls, i, r.nextInt(ls.size()));
                case 4 -> ls.set(i, l.substring(0, at));
                case 5 -> ls.set(i, l.replaceFirst("\\{\"actor\":(\"[^\"]*\")", "{\"actor\":$1,\"actor\":\"eve\""));
                case 6 -> ls.set(i, l.substring(0, at) + "x".repeat(r.nextInt(1, 200_000)) + l.substring(at));
                case 7 -> ls.set(i, l + " " + l);
                default -> ls.set(i, l.substring(0, at) + Gen.text(r, 12) + l.substring(at));
            }
            if (ls.isEmpty()) ls.add("");
        }
        return String.join(r.nextInt(4) == 0 ? "\r" : "\n", ls);
    }
}
