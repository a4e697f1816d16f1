package org.phasegate.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.TestFiles;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;

/**
 * Each case breaks the valid mini scenario in one way and expects one problem at the place of the break.
 * The expected line and column are found by searching the broken text for a marker, so they follow the file.
 */
class BrokenScenarioTest {
    static final String VALID = TestFiles.resource("scenarios/mini.yaml");

    record Case(String name, String from, String to, String marker, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("yaml syntax", "  id: mini\n", "  id: [mini\n", ": Mini exchange", "YAML syntax"),
                new Case("unknown field", "    owed-by: [south]\n    owed-to: [north]\n    target: {measure: captives",
                        "    owed_by: [south]\n    owed-to: [north]\n    target: {measure: captives", "owed_by", "unknown field 'owed_by'"),
                new Case("duplicate id", "  - id: withdraw\n", "  - id: pay-tranche\n", "id: pay-tranche\n    phase: phase-2\n    type: funding", "duplicate id 'pay-tranche'"),
                new Case("unknown party", "    owed-by: [donors]", "    owed-by: [donnors]", "id: pay-tranche", "unknown party 'donnors'"),
                new Case("unknown measure", "{measure: money-paid, sum", "{measure: money-payed, sum", "id: pay-tranche", "unknown measure 'money-payed'"),
                new Case("gate cycle", "        - gate: accepted\n        - threshold: {measure: captives-returned",
                        "        - gate: releases-unlocked\n        - threshold: {measure: captives-returned", "id: releases-unlocked", "dependency cycle"),
                new Case("unit mismatch", "{measure: captives-returned, sum: 10, unit: persons}\n    deadline",
                        "{measure: captives-returned, sum: 10, unit: trucks}\n    deadline", "id: return-captives", "unit mismatch"),
                new Case("rate without window", "rate: 100, unit: trucks/day, window: 7d}", "rate: 100, unit: trucks/day}", "id: aid-flow", "needs a window"),
                new Case("fraction above 100%", "fraction: 50%", "fraction: 150%", "threshold: {measure: weapons-destroyed, fraction: 150%", "fraction above 100%"),
                new Case("k above n", "        k: 2\n", "        k: 4\n", "4\n        of:", "impossible threshold: at-least k = 4 of 3"),
                new Case("quiet days negative", "south-violations, days: 14}", "south-violations, days: -14}", "-14", "not a whole number from 1"),
                new Case("anchor before start", "  start: 2025-01-01\n", "  start: 2025-01-01\nanchors:\n  - {id: signing, date: 2024-12-01}\n", "{id: signing", "before the scenario starts"),
                new Case("before not after after", "        - after: accepted + 30d\n", "        - after: 2025-03-01\n        - before: 2025-02-01\n", "before: 2025-02-01", "can never open"),
                new Case("unknown obligation type", "    type: decommissioning\n", "    type: disarmament\n", "disarmament", "unknown obligation type 'disarmament'"),
                new Case("unknown party kind", "kind: armed-group}", "kind: rebel-group}", "rebel-group", "unknown party kind 'rebel-group'"),
                new Case("no source", "    source: accord#art-5\n", "", "id: withdraw", "cites no source"),
                new Case("unknown source", "    source: accord#art-5\n", "    source: acord#art-5\n", "id: withdraw", "unknown source 'acord'"),
                new Case("unknown moment", "deadline: accepted + 72h", "deadline: acepted + 72h", "id: return-captives", "unknown moment 'acepted'"),
                new Case("bad time reference", "deadline: accepted + 72h", "deadline: accepted + 72 hours", "accepted + 72 hours", "not a time reference"),
                new Case("bad id", "  - id: tranche\n", "  - id: Tranche_1\n", "id: Tranche_1", "is not lower-case"),
                new Case("assumption outside range", "value: 0.5, range: [0.4, 0.7]", "value: 0.9, range: [0.4, 0.7]", "{id: weibull-shape", "outside its range"),
                new Case("duplicate key", "    owed-to: [north]\n    target: {measure: captives-returned",
                        "    owed-to: [north]\n    owed-to: [north]\n    target: {measure: captives-returned", "owed-to: [north]\n    target: {measure: captives", "duplicate field 'owed-to'"),
                new Case("unknown condition", "        - quiet: {measure: south-violations, days: 14}", "        - calm: {measure: south-violations, days: 14}", "calm:", "unknown condition 'calm'"),
                new Case("unknown record type", "record: funding,", "record: funds,", "{id: money-paid", "unknown record type 'funds'"),
                new Case("list expected", "gates: [tranche]", "gates: {tranche: 1}", "{tranche: 1}", "must be a list"),
                new Case("phase out of order", "  - {id: phase-2, name: Withdrawal and money}", "  - {id: phase-2, name: Withdrawal and money, starts: 2025-01-01}\n  - {id: phase-3, name: Later, starts: 2024-06-01}",
                        "{id: phase-3", "before the phase listed above"),
                new Case("fraction without of", "fraction: 100%, of: weapons-declared, attestations: 2}", "fraction: 100%, attestations: 2}", "id: destroy-weapons", "needs 'of'"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheBreakWhereItIs(Case c) {
        assertThat(VALID).contains(c.from());
        String broken = VALID.replace(c.from(), c.to());
        var error = catchThrowableOfType(InvalidInputException.class, () -> new ScenarioLoader().parse("broken.yaml", broken));

        assertThat(error).as("a problem for " + c.name()).isNotNull();
        int offset = broken.indexOf(c.marker());
        assertThat(offset).as("marker in broken text").isNotNegative();
        var expected = position(broken, offset);
        assertThat(error.problems()).as(error.getMessage())
                .anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("broken.yaml");
                    assertThat(List.of(p.line(), p.column())).isEqualTo(expected);
                    assertThat(p.message()).contains(c.message());
                });
        assertThat(error.problems()).allSatisfy(p -> assertThat(p.render()).startsWith("broken.yaml:"));
    }

    @org.junit.jupiter.api.Test
    void reportsEveryProblemAtOnce() {
        String broken = VALID.replace("owed-by: [donors]", "owed-by: [donnors]")
                .replace("kind: armed-group}", "kind: rebel-group}")
                .replace("fraction: 50%", "fraction: 150%");
        var error = catchThrowableOfType(InvalidInputException.class, () -> new ScenarioLoader().parse("b.yaml", broken));
        assertThat(error.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("donnors"))
                .anySatisfy(m -> assertThat(m).contains("rebel-group"))
                .anySatisfy(m -> assertThat(m).contains("150%"));
    }

    @org.junit.jupiter.api.Test
    void misspeltFieldGetsADidYouMeanHint() {
        var error = catchThrowableOfType(InvalidInputException.class, () -> new ScenarioLoader().parse("b.yaml",
                VALID.replace("    deadline: accepted + 72h", "    dedline: accepted + 72h")));
        assertThat(error.problems().getFirst().hint()).isEqualTo("did you mean 'deadline'?");
    }

    /** 1-based line and column of a character offset. */
    static List<Integer> position(String text, int offset) {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return List.of(line, offset - lineStart + 1);
    }
}
