package org.phasegate.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.bargain.IssueParseException;
import org.phasegate.bargain.IssueYamlReader;
import org.phasegate.problem.Problem;

/** Issue 11, findings 9 and 10 for issue files: duplicate and unknown keys are refused, and every problem is reported with line:col. */
class IssueFileFindingsTest {
    static final String GAZA = TestFiles.read(TestFiles.scenarios().resolve("gaza-2025-issues.yaml"));

    static IssueParseException problems(String yaml) {
        return catchThrowableOfType(IssueParseException.class, () -> IssueYamlReader.parse("i.yaml", yaml));
    }

    @Test
    void aDuplicateKeyIsRefusedWithBothLines() {
        var yaml = GAZA.replaceFirst("  seed: 20251117\n", "  seed: 20251117\n  seed: 1\n");
        assertThat(yaml).contains("seed: 1\n");
        var e = problems(yaml);
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("duplicate field 'seed' in issue");
            assertThat(p.hint()).startsWith("first given at line ");
            assertThat(p.column()).isEqualTo(3);
        });
    }

    @Test
    void anUnknownKeyIsRefusedWithASuggestion() {
        var e = problems(GAZA.replaceFirst("      capability:", "      capabilty:"));
        assertThat(e).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.message()).isEqualTo("unknown field 'capabilty' in actor");
            assertThat(p.hint()).isEqualTo("did you mean 'capability'?");
        });
    }

    @Test
    void everyProblemIsReportedAtOnceWithLineAndColumn() {
        var yaml = GAZA.replaceFirst("disarmament: \\{value: 100,", "disarmament: {value: 101,")
                .replaceFirst("withdrawal: \\{value: 100,", "withdrawal: {value: lots,")
                .replaceFirst("VotingRule", "VotingRuel");
        var e = problems(yaml);
        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
        });
        assertThat(e.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("position of Israel on disarmament is 101.0"))
                .anySatisfy(m -> assertThat(m).contains("'lots' is not a number"));
    }
}
