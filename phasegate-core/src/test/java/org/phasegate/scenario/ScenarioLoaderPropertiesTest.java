package org.phasegate.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.phasegate.TestFiles;
import org.phasegate.problem.InvalidInputException;

/** Random mutations of a valid scenario never crash the loader: it returns a scenario or located problems. */
class ScenarioLoaderPropertiesTest {
    static final List<String> LINES = Arrays.asList(TestFiles.resource("scenarios/mini.yaml").split("\n", -1));
    static final List<String> NOISE = List.of("", "-", ":", "{", "]", "'", "\"", "#", "&a", "*a", "!!binary", "\t",
            "  ", "- ", "[]", "{}", "~", "null", "-1", "1e999", "NaN", "2025-13-45", "x + 9999999d", "%", "é", "\u0000");

    @Provide
    Arbitrary<List<Tuple.Tuple3<Integer, Integer, String>>> mutations() {
        var line = Arbitraries.integers().between(0, LINES.size() - 1);
        var kind = Arbitraries.integers().between(0, 4);
        var text = Arbitraries.oneOf(Arbitraries.of(NOISE), Arbitraries.strings().ofMaxLength(12));
        return net.jqwik.api.Combinators.combine(line, kind, text).as(Tuple::of).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 400)
    void mutatedScenariosFailCleanly(@ForAll("mutations") List<Tuple.Tuple3<Integer, Integer, String>> mutations) {
        var lines = new ArrayList<>(LINES);
        for (var m : mutations) apply(lines, m.get1() % lines.size(), m.get2(), m.get3());
        String yaml = String.join("\n", lines);
        try {
            var s = new ScenarioLoader().parse("m.yaml", yaml);
            assertThat(s.id()).isNotNull();
        } catch (InvalidInputException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).isEqualTo("m.yaml");
                assertThat(p.line()).isBetween(0, lines.size() + 1);
                assertThat(p.message()).isNotBlank();
            });
        }
    }

    private static void apply(List<String> lines, int at, int kind, String text) {
        switch (kind) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, text);
            case 2 -> lines.set(at, lines.get(at) + text);
            case 3 -> {
                String l = lines.get(at);
                int cut = l.isEmpty() ? 0 : Math.abs(text.hashCode()) % l.length();
                lines.set(at, l.substring(0, cut) + text + l.substring(cut));
            }
            default -> {
                int other = Math.abs(text.hashCode()) % lines.size();
                String t = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, t);
            }
        }
        if (lines.isEmpty()) lines.add("");
    }
}
