package org.phasegate.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;

/** On random issues the engine terminates, keeps positions on the scale, and gives probabilities. */
class SmpPropertiesTest {

    static LongStream seeds() {
        return Gen.seeds(60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomIssuesRunToAStop(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int actors = rnd.nextInt(3, 13);
        int dims = rnd.nextInt(1, 5);
        boolean stochastic = rnd.nextBoolean();
        List<Actor> as = new ArrayList<>();
        for (int i = 0; i < actors; i++) {
            List<Double> pos = new ArrayList<>();
            List<Double> sal = new ArrayList<>();
            for (int k = 0; k < dims; k++) {
                pos.add(Math.round(rnd.nextDouble(0, 100) * 100) / 100.0);
                sal.add(Math.round(rnd.nextDouble(1, 100.0 / dims) * 100) / 100.0);
            }
            as.add(new Actor("A" + i, "", rnd.nextDouble(0.1, 200), pos, sal));
        }
        ModelParameters p = ModelParameters.defaults().withStateTransitions(
                stochastic ? ModelParameters.StateTransitions.STOCHASTIC : ModelParameters.StateTransitions.DETERMINISTIC);
        List<String> dimNames = new ArrayList<>();
        for (int k = 0; k < dims; k++) {
            dimNames.add("d" + k);
        }
        Issue issue = new Issue("random", "", dimNames, as, List.of(), p, seed);

        BargainResult r = Smp.run(issue);

        assertThat(r.lastTurn()).as("seed %d", seed).isBetween(Smp.MIN_STEPS, Smp.MAX_STEPS);
        for (int t = 0; t <= r.lastTurn(); t++) {
            for (int i = 0; i < actors; i++) {
                assertThat(r.winProbability(t, i)).isBetween(0.0, 1.0);
                for (int k = 0; k < dims; k++) {
                    assertThat(r.position(t, i, k)).isBetween(0.0, 100.0);
                }
            }
        }
    }
}
