package org.phasegate.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** On random issues the engine terminates, keeps positions on the scale, and gives probabilities. */
class SmpPropertiesTest {

    @Property(tries = 60)
    void randomIssuesRunToAStop(@ForAll long seed, @ForAll @IntRange(min = 3, max = 12) int actors,
                                @ForAll @IntRange(min = 1, max = 4) int dims, @ForAll boolean stochastic) {
        SplittableRandom rnd = new SplittableRandom(seed);
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

        assertThat(r.lastTurn()).isBetween(Smp.MIN_STEPS, Smp.MAX_STEPS);
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
