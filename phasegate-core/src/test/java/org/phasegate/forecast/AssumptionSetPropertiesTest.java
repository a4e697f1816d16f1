package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
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

    @Provide
    Arbitrary<List<Tuple.Tuple3<Integer, Integer, String>>> mutations() {
        var line = Arbitraries.integers().between(0, LINES.size() - 1);
        var kind = Arbitraries.integers().between(0, 3);
        var text = Arbitraries.oneOf(Arbitraries.of(NOISE), Arbitraries.strings().ofMaxLength(12));
        return Combinators.combine(line, kind, text).as(Tuple::of).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 300)
    void mutatedSetsFailCleanly(@ForAll("mutations") List<Tuple.Tuple3<Integer, Integer, String>> mutations) {
        var lines = new ArrayList<>(LINES);
        for (var m : mutations) {
            int at = m.get1() % lines.size();
            switch (m.get2()) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, m.get3());
                case 2 -> lines.set(at, lines.get(at) + m.get3());
                default -> {
                    String l = lines.get(at);
                    int cut = l.isEmpty() ? 0 : Math.abs(m.get3().hashCode()) % l.length();
                    lines.set(at, l.substring(0, cut) + m.get3() + l.substring(cut));
                }
            }
            if (lines.isEmpty()) lines.add("");
        }
        try {
            var set = new AssumptionSetReader().parse("m.yaml", String.join("\n", lines), Sets.gaza());
            assertThat(set.assumptions()).allSatisfy(a -> assertThat(a.low()).isLessThanOrEqualTo(a.high()));
        } catch (InvalidInputException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).isEqualTo("m.yaml");
                assertThat(p.line()).isBetween(0, lines.size() + 1);
                assertThat(p.message()).isNotBlank();
            });
        }
    }
}
