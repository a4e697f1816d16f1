package org.phasegate.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;

/** The scenario's {@code provisions:} block: UCDP PAD codes, 0/1, each with a source; anything else is located. */
class ScenarioProvisionsTest {
    private static final String VALID = TestFiles.resource("scenarios/mini.yaml");
    private static final String BEFORE = "sources:\n  - id: accord\n";

    private static String with(String block) {
        assertThat(VALID).contains(BEFORE);
        return VALID.replace(BEFORE, block + BEFORE);
    }

    @Test
    void readsCodesInBothFormsWithTheirSources() {
        var s = new ScenarioLoader().parse("p.yaml", with("provisions:\n  source: accord\n  codes:\n    cease: 1\n"
                + "    pko: {value: 0, source: accord#art-2, note: no force}\n"));
        var p = s.provisions().orElseThrow();
        assertThat(p.codes()).containsExactly(java.util.Map.entry("cease", 1), java.util.Map.entry("pko", 0));
        assertThat(p.find("cease").orElseThrow().source().sourceId()).isEqualTo("accord");
        assertThat(p.find("pko").orElseThrow().source().locator()).contains("art-2");
        assertThat(p.find("pko").orElseThrow().note()).isEqualTo("no force");
        assertThat(new ScenarioLoader().parse("p.yaml", VALID).provisions()).isEmpty();
    }

    @Test
    void unknownCodesBadValuesAndMissingSourcesAreLocated() {
        String text = with("provisions:\n  codes:\n    ceasefire: 1\n    pko: {value: 2, source: accord}\n    ddr: 1\n"
                + "    amn: {value: 1, source: acord}\n");
        var e = catchThrowableOfType(InvalidInputException.class, () -> new ScenarioLoader().parse("p.yaml", text));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::render).contains(
                "p.yaml:12:10: provision pko is '2', not 0 or 1 (1 if the agreement provides for it, 0 if not)",
                "p.yaml:13:10: provision ddr cites no source (give provisions.source, or source: SOURCE-ID#locator for this code)");
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.render()).startsWith("p.yaml:11:16: unknown provision code 'ceasefire' (known: amn, aut, cease,");
            assertThat(p.hint()).endsWith("codes are the UCDP Peace Agreement Dataset's (docs/scenario-format.md)");
        });
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(14);
            assertThat(p.message()).contains("provision 'amn' refers to unknown source 'acord'");
        });
    }
}
