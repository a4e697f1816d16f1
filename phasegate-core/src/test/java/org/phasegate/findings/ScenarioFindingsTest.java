package org.phasegate.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phasegate.TestFiles;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.ScenarioLoader;

/** Issue 11, findings 4 to 8 on scenario files; each failed on main before the fix. */
class ScenarioFindingsTest {
    static final String MINI = TestFiles.resource("scenarios/mini.yaml");

    static InvalidInputException problems(String yaml) {
        return catchThrowableOfType(InvalidInputException.class, () -> new ScenarioLoader().parse("s.yaml", yaml));
    }

    /** Finding 4: a duplicate measure id was an IllegalStateException ("please report") from Scenario.measuresById. */
    @Test
    void aDuplicateMeasureIdIsALocatedProblem() {
        assertThat(MINI).contains("  - {id: trucks,");
        var e = problems(MINI.replace("  - {id: trucks,", "  - {id: acceptances, record: statement, unit: records}\n  - {id: trucks,"));
        assertThat(e).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).startsWith("duplicate id").contains("(measure)"));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
    }

    /** Finding 5: a header alone was "ok (0 parties, 0 obligations, 0 gates, 0 sources)". */
    @Test
    void aScenarioCutAfterItsHeaderSaysWhatIsRequired() {
        var header = MINI.substring(0, MINI.indexOf("\n", MINI.indexOf("start:")) + 1);
        var e = problems(header);
        assertThat(e).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.render())
                .contains("the scenario has no parties, no phases, no obligations")
                .contains("a scenario needs at least one each of parties, phases, obligations"));
    }

    /** Finding 6: attestations 1e309 became Integer.MAX_VALUE (a gate that never opens), 1e-400 became 0, 2.5 became 2. */
    @ParameterizedTest(name = "attestations: {0}")
    @ValueSource(strings = {"1e309", "1e-400", "2.5", "NaN", ".nan", "-1", "101", "2147483648"})
    void attestationsThatAreNotASmallWholeNumberAreLocatedProblems(String value) {
        assertThat(MINI).contains("attestations: 2");
        var e = problems(MINI.replaceFirst("attestations: 2", "attestations: " + value));
        assertThat(e).as(value).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("attestations has value '" + value + "', not a whole number from 0 to 100");
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
        });
    }

    /** Finding 6: NaN was called "a negative level"; infinities and NaN are not numbers here. */
    @ParameterizedTest(name = "default-attestations: {0}")
    @ValueSource(strings = {"NaN", "1e309", "0.5", "-0.5"})
    void verificationCountsAreWholeNumbers(String value) {
        var yaml = MINI.replaceFirst("(?m)^verification:.*(\\n  .*)*", "verification:\n  default-attestations: " + value);
        assertThat(yaml).contains("default-attestations: " + value);
        assertThat(problems(yaml).problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("default-attestations has value '" + value + "', not a whole number"));
    }

    /** Finding 7: invalid UTF-8 was "Input length = 1 (check the path)". */
    @Test
    void invalidUtf8IsLocated(@TempDir Path dir) throws Exception {
        var bytes = MINI.replaceFirst("title: ", "title: caf\u00e9 ").getBytes(StandardCharsets.ISO_8859_1);
        var file = Files.write(dir.resolve("latin1.yaml"), bytes);
        var e = catchThrowableOfType(InvalidInputException.class, () -> new ScenarioLoader().load(file));
        int line = (int) MINI.substring(0, MINI.indexOf("title: ")).lines().count() + (MINI.substring(0, MINI.indexOf("title: ")).endsWith("\n") ? 1 : 0);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isGreaterThan(7);
            assertThat(p.message()).isEqualTo("not valid UTF-8 (byte 0xE9)");
        });
    }

    /** Finding 8: a 5 MB value was echoed whole and spell-checked for 16 s. */
    @Test
    void aHugeValueIsQuotedShortAndNotSpellChecked() {
        assertThat(MINI).contains("kind: state");
        var yaml = MINI.replaceFirst("kind: state", "kind: " + "k".repeat(90_000));
        var e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> problems(yaml));
        assertThat(e.problems()).extracting(Problem::render).singleElement().satisfies(r -> {
            assertThat(r).contains("unknown party kind '" + "k".repeat(80) + "…' (90000 characters)");
            assertThat(r.length()).isLessThan(600);
        });
        var huge = MINI.replaceFirst("kind: state", "kind: " + "k".repeat(5_000_000));
        var tooLong = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> problems(huge));
        assertThat(tooLong.problems()).extracting(Problem::render).singleElement().satisfies(r ->
                assertThat(r).startsWith("s.yaml:15:100001: line is 5000045 characters long; at most 100000"));
    }
}
