package org.phasegate.bargain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class PceTest {
    @Test
    void linearVictoryProbabilityOfTwoToOneIsTwoThirds() {
        double[] p = new double[2];
        VictoryProbModel.LINEAR.probabilities(2, 1, p);

        assertThat(p[0]).isCloseTo(2.0 / 3, offset(1e-15));
        assertThat(p[1]).isCloseTo(1.0 / 3, offset(1e-15));
    }

    @Test
    void everyPceModelGivesADistributionFavouringTheStrongestOption() {
        double[] w = {3, 1, 1};
        double[][] u = {{1, 0.2, 0.5}, {0.1, 1, 0.4}, {0.6, 0.3, 1}};
        for (ModelParameters.PceModel m : ModelParameters.PceModel.values()) {
            double[] p = Pce.scalar(3, 3, w, u, VotingRule.PROP, VictoryProbModel.LINEAR, m);

            assertThat(p[0] + p[1] + p[2]).as(m.ktabName()).isCloseTo(1.0, offset(1e-6));
            assertThat(p[0]).as(m.ktabName()).isGreaterThan(p[1]).isGreaterThan(p[2]);
        }
    }

    @Test
    void votesFollowTheRule() {
        assertThat(VotingRule.PROP.vote(2, 0.7, 0.2)).isCloseTo(1.0, offset(1e-12));
        assertThat(VotingRule.BINARY.vote(2, 0.7, 0.2)).isEqualTo(2.0);
        assertThat(VotingRule.ASYM_PROSP.vote(3, 0.7, 0.2)).isCloseTo(1.0, offset(1e-12));
        assertThat(VotingRule.ASYM_PROSP.vote(3, 0.2, 0.7)).isCloseTo(-1.5, offset(1e-12));
    }
}
