package org.phasegate.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our position history equals smpc's within 0.01 at every turn, with the same number of turns. */
class KtabConformanceTest {
    private static final double TOLERANCE = 0.01;

    static List<String> cases() throws IOException {
        return KtabData.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void positionsMatchKtab(String name) throws Exception {
        BargainResult r = Smp.run(IssueFiles.read(KtabData.input(name)));
        Map<Integer, double[][]> expected = KtabData.expected(name, "positions", r.actors(), r.dimensions());

        assertThat(KtabData.differences(r, expected, TOLERANCE, false)).isEmpty();
        assertThat(r.lastTurn()).as("last turn").isEqualTo(expected.size() - 1);
    }

    static List<String> casesWithIdeals() throws IOException {
        return KtabData.cases().stream()
                .filter(n -> Files.exists(KtabData.dir().resolve("expected").resolve(n + ".ideals.csv"))).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithIdeals")
    void idealsMatchKtabWhereExported(String name) throws Exception {
        BargainResult r = Smp.run(IssueFiles.read(KtabData.input(name)));
        Map<Integer, double[][]> expected = KtabData.expected(name, "ideals", r.actors(), r.dimensions());

        assertThat(KtabData.differences(r, expected, 1e-4, true)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theComparisonDetectsADifferentModel() throws Exception {
        Issue issue = IssueFiles.read(KtabData.input("SOE-Pol-Comp"));
        ModelParameters other = BargainParameterOverrides.apply(issue.parameters(), Map.of("VotingRule", "PropCbc"), "test");
        BargainResult r = Smp.run(issue.withParameters(other));
        Map<Integer, double[][]> expected = KtabData.expected("SOE-Pol-Comp", "positions", r.actors(), r.dimensions());

        assertThat(KtabData.differences(r, expected, TOLERANCE, false)).isNotEmpty();
    }
}
