package org.phasegate.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.phasegate.store.Fixtures.as;
import static org.phasegate.store.Fixtures.incident;
import static org.phasegate.store.Fixtures.parse;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
import org.phasegate.store.StoreException;

/**
 * Seeded mutations of a real ledger export (byte flips, deleted, duplicated and swapped lines, truncation, a
 * duplicated key, CR line endings, huge values, noise) read as import reads them: each ends in a verified ledger, a
 * report naming the first bad entry, or a refusal naming the export line — never another exception or a hang.
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
                var report = Verifier.verify(entries(text));
                if (!report.ok()) assertThat(report.firstBad()).as("seed %d", seed).isPresent();
            } catch (StoreException refused) {
                assertThat(refused.getMessage()).as("seed %d", seed).matches("(?s)export line \\d+(:\\d+)?: .*");
                assertThat(refused.getMessage().length()).as("seed %d", seed).isLessThan(1_000);
            }
        }, () -> "seed " + seed + " hung");
    }

    /** The export's entries as the import reads them: non-blank lines, each through {@link Ledger#fromLine}. */
    static Iterator<Entry> entries(String text) {
        var in = new BufferedReader(new StringReader(text));
        var out = new ArrayList<Entry>();
        int n = 0;
        try {
            for (String s; (s = in.readLine()) != null; ) {
                n++;
                if (!s.isBlank()) out.add(Ledger.fromLine(s, n));
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
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
