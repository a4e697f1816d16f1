package org.phasegate.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmpTest {
    private static Issue example() throws Exception {
        return IssueFiles.read(KtabData.dir().resolve("inputs/smpExample.fixed.xml"));
    }

    private static List<Double> history(BargainResult r) {
        List<Double> h = new ArrayList<>();
        for (int t = 0; t <= r.lastTurn(); t++) {
            for (int i = 0; i < r.actors(); i++) {
                for (int k = 0; k < r.dimensions(); k++) {
                    h.add(r.position(t, i, k));
                }
            }
        }
        return h;
    }

    @Test
    void stochasticRunsAreReproducibleFromTheSeed() throws Exception {
        Issue issue = example();
        assertThat(issue.parameters().stateTransitions()).isEqualTo(ModelParameters.StateTransitions.STOCHASTIC);

        assertThat(history(Smp.run(issue))).isEqualTo(history(Smp.run(issue)));
    }

    @Test
    void differentSeedsGiveDifferentStochasticHistories() throws Exception {
        Issue issue = example();
        var distinct = new java.util.HashSet<List<Double>>();
        for (long seed = 1; seed <= 5; seed++) {
            distinct.add(history(Smp.run(issue.withSeed(seed))));
        }
        assertThat(distinct).hasSizeGreaterThan(1);
    }

    @Test
    void deterministicRunsIgnoreTheSeed() throws Exception {
        Issue det = example().withParameters(example().parameters().withStateTransitions(ModelParameters.StateTransitions.DETERMINISTIC));

        assertThat(history(Smp.run(det.withSeed(1)))).isEqualTo(history(Smp.run(det.withSeed(99))));
    }

    @Test
    void everyAlternativeParameterRunsAndMatters() throws Exception {
        Issue base = IssueFiles.read(KtabData.dir().resolve("inputs/dummyData_3Dim.csv"));
        List<Double> reference = history(Smp.run(base));
        String[][] alternatives = {
            {"VictoryProbModel", "Square"}, {"VictoryProbModel", "Quartic"}, {"VictoryProbModel", "Octic"}, {"VictoryProbModel", "Binary"},
            {"PCEModel", "MarkovIncentive"}, {"PCEModel", "MarkovUniform"},
            {"VotingRule", "Binary"}, {"VotingRule", "PropBin"}, {"VotingRule", "PropCbc"}, {"VotingRule", "Cubic"}, {"VotingRule", "ASymProsp"},
            {"BigRAdjust", "None"}, {"BigRAdjust", "Half"}, {"BigRAdjust", "TwoThirds"}, {"BigRAdjust", "Full"},
            {"BigRRange", "Min"}, {"BigRRange", "Max"},
            {"ThirdPartyCommit", "NoCommit"}, {"ThirdPartyCommit", "FullCommit"},
            {"InterVecBrgn", "S1P1"}, {"InterVecBrgn", "S2PMax"},
            {"BargnModel", "InitRcvrInterp"}, {"BargnModel", "PWCompInterp"},
        };
        int changed = 0;
        for (String[] alt : alternatives) {
            ModelParameters p = BargainParameterOverrides.apply(base.parameters(), java.util.Map.of(alt[0], alt[1]), "test");
            BargainResult r = Smp.run(base.withParameters(p));
            assertThat(r.lastTurn()).as(alt[0] + "=" + alt[1]).isBetween(2, Smp.MAX_STEPS);
            if (!history(r).equals(reference)) {
                changed++;
            }
        }
        assertThat(changed).isGreaterThanOrEqualTo(alternatives.length - 4);
    }

    @Test
    void winningProbabilitiesOfDistinctPositionsAddUpToOne() throws Exception {
        BargainResult r = Smp.run(IssueFiles.read(KtabData.dir().resolve("inputs/SOE-Policy.csv")));
        double sum = 0;
        var seen = new java.util.HashSet<Double>();
        for (int i = 0; i < r.actors(); i++) {
            if (seen.add(r.position(0, i, 0))) {
                sum += r.winProbability(0, i);
            }
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
